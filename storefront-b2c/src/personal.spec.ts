import type {
  StorefrontBlockFragment,
  StorefrontRecommendationFragment,
} from '@marketgate/graphql-client';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cartData, categoriesData, productData, productsData, renderApp } from './test-utils';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

async function render(...args: Parameters<typeof renderApp>) {
  const rendered = await renderApp(...args);
  current = rendered.wrapper;
  return rendered;
}

const card = (id: string, name: string) => ({
  id,
  slug: id,
  name,
  imageUrls: [],
  inStock: true,
  priceFrom: { amount: 2500, currency: 'CNY' },
  seller: { id: 's1', name: 'Hangzhou Tea Co.' },
});

function banner(id: string, overrides: Partial<StorefrontBlockFragment> = {}) {
  return {
    id,
    kind: 'BANNER' as const,
    title: 'Spring tea week',
    body: 'New harvest, 10% off for regulars.',
    imageUrl: 'https://cdn.example/spring.jpg',
    linkUrl: 'https://shop.example/spring',
    callToAction: 'See the teas',
    products: [],
    ...overrides,
  };
}

function crossSell(
  id: string,
  name: string,
  count: number,
  variants = [{ id: `v-${id}`, minOrderQuantity: 1, stock: { inStock: true } }],
): StorefrontRecommendationFragment {
  return {
    reason: 'CROSS_SELL',
    count,
    basedOn: { id: 'p-l1', name: 'Milk' },
    product: { ...card(id, name), cartVariants: variants },
  };
}

const reasons = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-testid="recommendation-reason"]').map((p) => p.text());

describe('home content', () => {
  it('shows the viewer’s banners and product slots above the featured products', async () => {
    const { wrapper, gateway } = await render('/', {
      Categories: () => categoriesData,
      ProductsPage: () => productsData(['Longjing']),
      StorefrontContent: () => ({
        placedContent: [
          banner('b1'),
          {
            ...banner('b2', { kind: 'PRODUCT_SLOT', title: 'Picked for you', body: null }),
            imageUrl: null,
            linkUrl: null,
            callToAction: null,
            products: [card('p-puer', 'Puer'), card('p-oolong', 'Oolong')],
          },
          banner('b3', { title: 'Unsafe', linkUrl: 'javascript:alert(1)', imageUrl: 'data:x' }),
        ],
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="content-blocks"]').exists()).toBe(true),
    );
    expect(
      gateway.requests.find((r) => r.operationName === 'StorefrontContent')?.variables,
    ).toEqual({ placement: 'STOREFRONT_HOME', first: 5 });

    const [spring, unsafe] = wrapper.findAll('[data-testid="content-banner"]');
    expect(spring?.get('h2').text()).toBe('Spring tea week');
    expect(spring?.text()).toContain('New harvest, 10% off for regulars.');
    const cta = spring?.get('a');
    expect(cta?.text()).toBe('See the teas');
    expect(cta?.attributes('href')).toBe('https://shop.example/spring');
    expect(spring?.get('img').attributes('src')).toBe('https://cdn.example/spring.jpg');
    expect(unsafe?.find('a').exists()).toBe(false);
    expect(unsafe?.find('img').exists()).toBe(false);

    const slot = wrapper.get('[data-testid="content-slot"]');
    expect(slot.get('h2').text()).toBe('Picked for you');
    expect(slot.findAll('[data-testid="product-card"] h3').map((h) => h.text())).toEqual([
      'Puer',
      'Oolong',
    ]);

    const html = wrapper.html();
    expect(html.indexOf('Spring tea week')).toBeLessThan(html.indexOf('id="home-featured"'));
  });

  it('renders nothing when there is no content or it fails, and the page still works', async () => {
    for (const answer of [() => ({ placedContent: [] }), () => Promise.reject(new Error('down'))]) {
      const { wrapper } = await render('/', {
        Categories: () => categoriesData,
        ProductsPage: () => productsData(['Longjing']),
        StorefrontContent: answer,
      });
      await vi.waitFor(() =>
        expect(wrapper.findAll('[data-testid="product-card"]')).toHaveLength(1),
      );
      await vi.waitFor(() => expect(wrapper.text()).not.toContain('Loading offers for you'));
      expect(wrapper.find('[data-testid="content-blocks"]').exists()).toBe(false);
      expect(wrapper.text()).not.toContain('Something went wrong');
      current?.unmount();
    }
  });
});

describe('product page recommendations', () => {
  const handlers = {
    Categories: () => categoriesData,
    ProductBySlug: () => productData(),
    StorefrontContent: () => ({
      placedContent: [banner('b1', { title: 'Free delivery over ¥99' })],
    }),
    StorefrontOftenBoughtWith: () => ({
      product: {
        id: 'p1',
        oftenBoughtWith: [crossSell('p-cup', 'Tea cup', 12), crossSell('p-pot', 'Teapot', 1)],
      },
    }),
  };

  it('shows the page’s content and what is often bought with it, with the reason', async () => {
    const { wrapper, gateway } = await render('/p/longjing', handlers);
    await vi.waitFor(() => expect(reasons(wrapper)).toHaveLength(2));
    expect(reasons(wrapper)).toEqual([
      'Bought together in 12 orders',
      'Bought together in 1 order',
    ]);
    expect(wrapper.get('[data-testid="recommendations"] h2').text()).toBe('Often bought with');
    expect(wrapper.get('[data-testid="content-banner"]').text()).toContain('Free delivery');
    expect(
      gateway.requests.find((r) => r.operationName === 'StorefrontOftenBoughtWith')?.variables,
    ).toEqual({ productId: 'p1', first: 4 });
    expect(
      gateway.requests.find((r) => r.operationName === 'StorefrontContent')?.variables,
    ).toMatchObject({ placement: 'PRODUCT_PAGE' });
  });

  it('words the reason in Chinese', async () => {
    const { wrapper } = await render('/p/longjing', handlers, 'zh-CN');
    await vi.waitFor(() => expect(reasons(wrapper)).toHaveLength(2));
    expect(reasons(wrapper)[0]).toBe('12 笔订单一起购买');
    expect(wrapper.get('[data-testid="recommendations"] h2').text()).toBe('经常一起购买');
  });

  it('keeps the product page when recommendations fail', async () => {
    const { wrapper } = await render('/p/longjing', {
      ...handlers,
      StorefrontOftenBoughtWith: () => Promise.reject(new Error('down')),
    });
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Longjing'));
    await vi.waitFor(() => expect(wrapper.text()).not.toContain('Loading recommendations'));
    expect(wrapper.find('[data-testid="recommendations"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="add-to-cart"]').exists()).toBe(true);
  });
});

describe('cart cross-sell', () => {
  it('shows cross-sell with its reason and adds a product, then asks again', async () => {
    localStorage.setItem('marketgate.storefront.cartToken', 'guest-1');
    const milk = { id: 'l1', name: 'Milk', seller: 'north' as const, quantity: 1, unit: 1200 };
    const butter = {
      id: 'butter',
      name: 'Butter',
      seller: 'north' as const,
      quantity: 1,
      unit: 900,
    };
    let lines = [milk];
    const { wrapper, gateway } = await render('/cart', {
      Categories: () => categoriesData,
      Cart: () => ({ cart: cartData(lines) }),
      StorefrontContent: () => ({ placedContent: [banner('b1', { title: 'Cart offer' })] }),
      StorefrontCrossSell: () => ({
        cart: {
          id: 'cart-1',
          crossSell:
            lines.length === 1
              ? [
                  crossSell('p-butter', 'Butter', 3),
                  crossSell('p-cheese', 'Cheese', 2, [
                    { id: 'v-c1', minOrderQuantity: 1, stock: { inStock: true } },
                    { id: 'v-c2', minOrderQuantity: 1, stock: { inStock: true } },
                  ]),
                ]
              : [],
        },
      }),
      AddToCart: () => {
        lines = [milk, butter];
        return { addToCart: cartData(lines) };
      },
    });
    await vi.waitFor(() => expect(reasons(wrapper)).toHaveLength(2));
    expect(reasons(wrapper)).toEqual([
      'Bought with Milk in 3 orders',
      'Bought with Milk in 2 orders',
    ]);
    expect(wrapper.get('[data-testid="content-banner"]').text()).toContain('Cart offer');
    expect(
      gateway.requests.find((r) => r.operationName === 'StorefrontCrossSell')?.variables,
    ).toEqual({ cartToken: 'guest-1', first: 4 });

    const [butterItem, cheeseItem] = wrapper.findAll('[data-testid="recommendation"]');
    expect(cheeseItem?.get('a.base-button').text()).toBe('Choose options');
    await butterItem?.get('button[aria-label="Add Butter to cart"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="cart-group"] li')).toHaveLength(2),
    );
    expect(gateway.requests.find((r) => r.operationName === 'AddToCart')?.variables).toEqual({
      input: { cartToken: 'guest-1', variantId: 'v-p-butter', quantity: 1 },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="recommendations"]').exists()).toBe(false),
    );
  });
});
