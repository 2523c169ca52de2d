import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { categoriesData, productData, productsData, renderApp } from './test-utils';

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

function cardNames(wrapper: VueWrapper): string[] {
  return wrapper.findAll('[data-testid="product-card"] h3').map((h) => h.text());
}

describe('home', () => {
  it('lists the categories and featured products', async () => {
    const { wrapper } = await render('/', {
      Categories: () => categoriesData,
      ProductsPage: () => productsData(['Longjing', 'Biluochun']),
    });
    await vi.waitFor(() => expect(cardNames(wrapper)).toEqual(['Longjing', 'Biluochun']));
    const categoryLinks = wrapper.findAll('.home-page__category').map((a) => a.text());
    expect(categoryLinks).toEqual(['T Tea', 'P Paper']);
    expect(wrapper.text()).toContain('CN¥10.00');
  });

  it('shows an error with a retry that recovers', async () => {
    let fail = true;
    const { wrapper } = await render('/', {
      Categories: () => categoriesData,
      ProductsPage: () => {
        if (fail) throw new Error('down');
        return productsData(['Longjing']);
      },
    });
    const featured = () => wrapper.get('[aria-labelledby="home-featured"]');
    await vi.waitFor(() => expect(featured().text()).toContain('Something went wrong'));

    fail = false;
    await featured().get('button').trigger('click');
    await vi.waitFor(() => expect(cardNames(wrapper)).toEqual(['Longjing']));
  });

  it('switches the interface to Chinese', async () => {
    const { wrapper } = await render('/', {
      Categories: () => categoriesData,
      ProductsPage: () => productsData(['Longjing']),
    });
    await wrapper.get('button[lang="zh-CN"]').trigger('click');
    expect(wrapper.get('#home-featured').text()).toBe('精选商品');
    await vi.waitFor(() => expect(wrapper.text()).toContain('¥10.00'));
  });
});

describe('category page', () => {
  it('pages forward and back with cursors and restarts on a new sort', async () => {
    const { wrapper, gateway } = await render('/c/tea', {
      Categories: () => categoriesData,
      ProductsPage: (variables) =>
        variables.after === 'end-1'
          ? productsData(['Puer'], { hasNextPage: false, endCursor: 'end-2' })
          : productsData(['Longjing', 'Biluochun'], { hasNextPage: true, endCursor: 'end-1' }),
    });
    await vi.waitFor(() => expect(cardNames(wrapper)).toEqual(['Longjing', 'Biluochun']));
    expect(wrapper.get('h1').text()).toBe('Tea');
    expect(gateway.requests.at(-1)?.variables).toMatchObject({ filter: { categoryId: '1' } });

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(cardNames(wrapper)).toEqual(['Puer']));
    expect(gateway.requests.at(-1)?.variables).toMatchObject({ after: 'end-1' });

    await wrapper.get('[data-testid="pagination-previous"]').trigger('click');
    await vi.waitFor(() => expect(cardNames(wrapper)).toEqual(['Longjing', 'Biluochun']));

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(cardNames(wrapper)).toEqual(['Puer']));
    await wrapper.get('select').setValue('PRICE_ASC');
    await vi.waitFor(() =>
      expect(gateway.requests.at(-1)?.variables).toMatchObject({ sort: 'PRICE_ASC', after: null }),
    );
  });

  it('says so when the category does not exist', async () => {
    const { wrapper } = await render('/c/nope', { Categories: () => categoriesData });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Category not found'));
  });
});

describe('search', () => {
  it('searches from the header and shows an empty result', async () => {
    const { wrapper, router, gateway } = await render('/', {
      Categories: () => categoriesData,
      ProductsPage: (variables) =>
        (variables.filter as { search?: string } | null)?.search
          ? productsData([])
          : productsData(['Longjing']),
    });
    await wrapper.get('input[type="search"]').setValue('oolong');
    await wrapper.get('form[role="search"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/search?q=oolong'));
    await vi.waitFor(() => expect(wrapper.text()).toContain('No products match “oolong”'));
    expect(gateway.requests.at(-1)?.variables).toMatchObject({ filter: { search: 'oolong' } });
  });
});

describe('product page', () => {
  it('shows price and stock per variant, and prices the chosen quantity', async () => {
    const { wrapper, gateway } = await render('/p/longjing', {
      Categories: () => categoriesData,
      ProductBySlug: (variables) => productData(variables.quantity as number),
    });
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Longjing'));
    const price = () => wrapper.get('[data-testid="product-price"]').text();
    expect(price()).toContain('CN¥58.00');
    expect(wrapper.get('[data-testid="stock-status"]').text()).toBe('In stock');
    expect(wrapper.get('nav[aria-label="Breadcrumb"]').text()).toContain('Tea');

    await wrapper.findAll('input[type="radio"]')[1]?.setValue(true);
    expect(price()).toContain('CN¥128.00');
    expect(wrapper.get('[data-testid="stock-status"]').text()).toBe('Only 3 left');

    await wrapper.get('button[aria-label="Increase"]').trigger('click');
    await vi.waitFor(() => expect(price()).toContain('CN¥256.00'));
    const productRequests = gateway.requests.filter((r) => r.operationName === 'ProductBySlug');
    expect(productRequests.at(-1)?.variables).toMatchObject({ slug: 'longjing', quantity: 2 });
  });

  it('says so when the product does not exist', async () => {
    const { wrapper } = await render('/p/gone', {
      Categories: () => categoriesData,
      ProductBySlug: () => ({ product: null }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Product not found'));
  });
});

describe('search suggestions', () => {
  it('suggests products as you type and opens one with the keyboard', async () => {
    const { wrapper, router, gateway } = await render('/', {
      Categories: () => categoriesData,
      ProductsPage: (variables) =>
        (variables.filter as { search?: string } | null)?.search === 'long'
          ? productsData(['Longjing', 'Long Pepper'])
          : productsData(['Longjing']),
    });
    const input = wrapper.get('input[role="combobox"]');
    await input.trigger('focus');
    await input.setValue('long');
    const options = () => wrapper.findAll('[role="option"]');
    await vi.waitFor(() => expect(options().map((o) => o.text())).toHaveLength(2));
    expect(input.attributes('aria-expanded')).toBe('true');
    expect(gateway.requests.at(-1)?.variables).toMatchObject({ first: 5 });

    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe(options()[1]?.attributes('id'));
    expect(options()[1]?.attributes('aria-selected')).toBe('true');

    await input.trigger('keydown', { key: 'Escape' });
    expect(input.attributes('aria-expanded')).toBe('false');
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    await wrapper.get('form[role="search"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/p/longjing'));
  });
});

describe('account', () => {
  const alice = {
    id: 'u1',
    email: 'alice@marketgate.example',
    name: 'Alice',
    isPlatformAdmin: false,
    seller: null,
    memberships: [],
  };

  it('signs in and goes back where the visitor was', async () => {
    const { wrapper, router, gateway } = await render('/login?redirect=/search?q=tea', {
      Categories: () => categoriesData,
      ProductsPage: () => productsData(['Longjing']),
      Login: (variables) =>
        (variables.input as { password: string }).password === 'demo-pass-123'
          ? {
              login: {
                __typename: 'AuthPayload',
                token: 'token-1',
                expiresAt: '2030-01-01T00:00:00Z',
                user: alice,
              },
            }
          : {
              login: {
                __typename: 'InvalidCredentialsError',
                errorCode: 'INVALID_CREDENTIALS',
                message: 'no',
              },
            },
    });
    await wrapper.get('form:not([role])').trigger('submit');
    expect(wrapper.text()).toContain('This field is required.');
    expect(gateway.requests.some((r) => r.operationName === 'Login')).toBe(false);

    await wrapper.get('input[type="email"]').setValue('alice@marketgate.example');
    await wrapper.get('input[type="password"]').setValue('wrong-password');
    await wrapper.get('form:not([role])').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="login-error"]').text()).toBe(
        'The email or password is not correct.',
      ),
    );

    await wrapper.get('input[type="password"]').setValue('demo-pass-123');
    await wrapper.get('form:not([role])').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/search?q=tea'));
    expect(localStorage.getItem('marketgate.storefront.token')).toBe('token-1');
  });

  it('registers, or says the email is taken', async () => {
    const { wrapper, router } = await render('/register', {
      Categories: () => categoriesData,
      ProductsPage: () => productsData(['Longjing']),
      Register: (variables) =>
        (variables.input as { email: string }).email === 'taken@example.com'
          ? { register: { __typename: 'EmailTakenError', errorCode: 'EMAIL_TAKEN', message: '' } }
          : {
              register: {
                __typename: 'AuthPayload',
                token: 'token-2',
                expiresAt: '2030-01-01T00:00:00Z',
                user: { ...alice, email: 'new@example.com' },
              },
            },
    });
    const fields = wrapper.findAll('form:not([role]) input');
    await fields[0]?.setValue('Bo');
    await fields[1]?.setValue('taken@example.com');
    await fields[2]?.setValue('short');
    await wrapper.get('form:not([role])').trigger('submit');
    expect(wrapper.text()).toContain('Use 10 to 200 characters.');

    await fields[2]?.setValue('long-enough-password');
    await wrapper.get('form:not([role])').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="register-error"]').text()).toContain('already exists'),
    );

    await fields[1]?.setValue('new@example.com');
    await wrapper.get('form:not([role])').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'));
    expect(localStorage.getItem('marketgate.storefront.token')).toBe('token-2');
  });
});
