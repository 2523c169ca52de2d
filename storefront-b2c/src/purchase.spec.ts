import type { OrderDetailFragment } from '@marketgate/graphql-client';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alice, authPayload, cartData, categoriesData, productData, renderApp } from './test-utils';

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

const signedIn = (request: { headers: Headers }) =>
  request.headers.get('authorization') === 'Bearer token-1';

const milk = { id: 'l1', name: 'Milk', seller: 'north' as const, quantity: 2, unit: 1200 };
const pens = { id: 'l2', name: 'Pens', seller: 'office' as const, quantity: 1, unit: 800 };

function order(id: string, status: OrderDetailFragment['status']): OrderDetailFragment {
  const cny = (amount: number) => ({ amount, currency: 'CNY' });
  return {
    id,
    number: `MG261128-${id.toUpperCase()}`,
    status,
    placedAt: '2026-11-28T10:00:00Z',
    seller: { id: 's-north', name: 'North Dairy' },
    total: cny(2900),
    confirmBy: '2026-11-29T10:00:00Z',
    canCancel: status === 'PLACED',
    carrier: status === 'SHIPPED' ? 'SF Express' : null,
    trackingNumber: status === 'SHIPPED' ? 'SF123' : null,
    paymentMethod: 'CASH_ON_DELIVERY',
    itemsTotal: cny(2400),
    codFee: cny(500),
    payment: { status: 'PENDING', amount: cny(2900), collected: null, collectedAt: null },
    shippingAddress: {
      name: 'Alice',
      phone: '13812345678',
      province: 'Zhejiang',
      city: 'Hangzhou',
      district: 'Xihu',
      line1: '1 Road',
      postalCode: '310000',
    },
    lines: [
      {
        id: 'ol1',
        quantity: 2,
        sku: 'SKU-l1',
        productName: 'Milk',
        variantName: 'Milk, 1 L',
        unitPrice: cny(1200),
        lineTotal: cny(2400),
        product: { id: 'p-l1', slug: 'milk' },
      },
    ],
    timeline: [
      {
        status: 'PLACED',
        from: null,
        at: '2026-11-28T10:00:00Z',
        actor: 'CONSUMER',
        note: '',
      },
      ...(status === 'PLACED'
        ? []
        : [
            {
              status,
              from: 'PLACED' as const,
              at: '2026-11-28T11:00:00Z',
              actor: 'SELLER' as const,
              note: 'Shipped with SF Express',
            },
          ]),
    ],
  };
}

describe('cart page', () => {
  it('groups lines per seller with totals, changes quantities and shows stock problems', async () => {
    localStorage.setItem('marketgate.storefront.cartToken', 'guest-1');
    let lines = [milk, { ...pens, available: 0 }];
    const { wrapper, gateway } = await render('/cart', {
      Categories: () => categoriesData,
      Cart: () => ({ cart: cartData(lines) }),
      UpdateCartLine: (variables) => {
        const { lineId, quantity } = variables.input as { lineId: string; quantity: number };
        if (quantity > 3) {
          return {
            updateCartLine: {
              __typename: 'InsufficientStockError',
              errorCode: 'INSUFFICIENT_STOCK',
              message: 'no',
              available: 3,
            },
          };
        }
        lines = lines.map((line) => (line.id === lineId ? { ...line, quantity } : line));
        return { updateCartLine: cartData(lines) };
      },
      RemoveCartLine: (variables) => {
        lines = lines.filter((line) => line.id !== (variables.input as { lineId: string }).lineId);
        return { removeCartLine: cartData(lines) };
      },
    });
    const groups = () => wrapper.findAll('[data-testid="cart-group"]');
    await vi.waitFor(() => expect(groups()).toHaveLength(2));
    expect(groups()[0]?.text()).toContain('North Dairy');
    expect(groups()[0]?.text()).toContain('CN¥24.00');
    expect(groups()[0]?.text()).toContain('CN¥5.00');
    expect(groups()[0]?.text()).toContain('CN¥29.00');
    expect(wrapper.get('[data-testid="cart-total"]').text()).toBe('CN¥42.00');
    expect(wrapper.get('[data-testid="cart-count"]').text()).toBe('3');
    expect(groups()[1]?.get('[data-testid="cart-line-stock"]').text()).toBe('No longer available');

    await groups()[0]?.get('button[aria-label="Increase"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="cart-count"]').text()).toBe('4'));
    expect(gateway.requests.at(-1)?.variables).toEqual({
      input: { cartToken: 'guest-1', lineId: 'l1', quantity: 3 },
    });

    await groups()[0]?.get('button[aria-label="Increase"]').trigger('click');
    await vi.waitFor(() =>
      expect(groups()[0]?.get('[data-testid="cart-line-stock"]').text()).toBe('Only 3 available'),
    );
    expect((groups()[0]?.get('input').element as HTMLInputElement).value).toBe('3');

    await groups()[1]?.get('button[aria-label="Remove Pens"]').trigger('click');
    await vi.waitFor(() => expect(groups()).toHaveLength(1));
  });

  it('says when the cart is empty', async () => {
    const { wrapper } = await render('/cart', { Categories: () => categoriesData });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Your cart is empty'));
  });
});

describe('product page', () => {
  it('adds the chosen variant and quantity to the cart, or says what stock is left', async () => {
    let stock = 40;
    const { wrapper, gateway } = await render('/p/longjing', {
      Categories: () => categoriesData,
      ProductBySlug: (variables) => productData(variables.quantity as number),
      AddToCart: (variables) => {
        const { quantity } = variables.input as { quantity: number };
        if (quantity > stock) {
          return {
            addToCart: {
              __typename: 'InsufficientStockError',
              errorCode: 'INSUFFICIENT_STOCK',
              message: 'no',
              available: stock,
            },
          };
        }
        return { addToCart: cartData([{ ...milk, quantity }]) };
      },
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="add-to-cart"]').exists()).toBe(true));
    await wrapper.get('button[aria-label="Increase"]').trigger('click');
    await wrapper.get('[data-testid="add-to-cart"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="added-to-cart"]').text()).toContain('Added to your cart.'),
    );
    const adds = gateway.requests.filter((r) => r.operationName === 'AddToCart');
    expect(adds.at(-1)?.variables).toEqual({
      input: { cartToken: null, variantId: 'v1', quantity: 2 },
    });
    expect(wrapper.get('[data-testid="cart-count"]').text()).toBe('2');

    stock = 1;
    await wrapper.get('[data-testid="add-to-cart"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="add-to-cart-error"]').text()).toBe(
        'Not enough stock: 1 available.',
      ),
    );
  });
});

describe('checkout', () => {
  function checkoutHandlers(result: () => unknown, lastAddress: unknown = null) {
    return {
      LastShippingAddress: () => ({
        myOrders: {
          edges: lastAddress ? [{ node: { id: 'o0', shippingAddress: lastAddress } }] : [],
        },
      }),
      Categories: () => categoriesData,
      Login: () => ({ login: authPayload('token-1') }),
      Me: (_: unknown, request: { headers: Headers }) => ({ me: signedIn(request) ? alice : null }),
      Cart: () => ({ cart: cartData([milk, pens], null) }),
      CheckoutOptions: (variables: Record<string, unknown>) => {
        const cart = cartData([milk, pens], null);
        return {
          cart: {
            ...cart,
            groups: cart.groups.map((group) => ({
              ...group,
              cashOnDelivery:
                variables.province === 'Tibet' && group.seller.id === 's-office'
                  ? { available: false, reason: 'REGION_NOT_SERVED' }
                  : { available: true, reason: null },
            })),
          },
          cashOnDeliveryTerms: {
            maxOrderAmount: { amount: 500000, currency: 'CNY' },
            regions: [],
            defaultFee: { amount: 500, currency: 'CNY' },
          },
        };
      },
      Checkout: result,
      Order: (variables: Record<string, unknown>) => ({
        order: order(String(variables.id), 'PLACED'),
      }),
    };
  }

  async function fillAddress(wrapper: VueWrapper, province: string) {
    const form = wrapper.get('[data-testid="address-form"]');
    const inputs = form.findAll('input');
    const values = ['Alice', '138 1234 5678', province, 'Hangzhou', 'Xihu', '310000', '1 Road'];
    for (const [index, value] of values.entries()) await inputs[index]?.setValue(value);
  }

  it('sends a guest to sign in first, then checks out with cash on delivery', async () => {
    const { wrapper, router, gateway } = await render(
      '/checkout',
      checkoutHandlers(() => ({
        checkout: {
          __typename: 'CheckoutSuccess',
          replayed: false,
          orders: [
            { id: 'o1', number: 'MG261128-O1' },
            { id: 'o2', number: 'MG261128-O2' },
          ],
        },
      })),
    );
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(router.currentRoute.value.query.redirect).toBe('/checkout');
    await wrapper.get('input[type="email"]').setValue('alice@marketgate.example');
    await wrapper.get('input[type="password"]').setValue('demo-pass-123');
    await wrapper.get('form:not([role])').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('checkout'));

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="address-form"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="cod-terms"]').text()).toContain('CN¥5.00');
    await wrapper.get('[data-testid="address-form"]').trigger('submit');
    expect(wrapper.text()).toContain('This field is required.');

    await fillAddress(wrapper, 'Tibet');
    await wrapper.findAll('[data-testid="address-form"] input')[1]?.setValue('12345');
    await wrapper.get('[data-testid="address-form"]').trigger('submit');
    expect(wrapper.text()).toContain('Enter a mainland mobile number');

    await fillAddress(wrapper, 'Tibet');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="cod-status"]')[1]?.text()).toContain(
        'Cash on delivery does not reach Tibet.',
      ),
    );
    await wrapper.get('[data-testid="address-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="order-review"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="place-order"]').attributes()).toHaveProperty('disabled');

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Change')
      ?.trigger('click');
    await fillAddress(wrapper, 'Zhejiang');
    await wrapper.get('[data-testid="address-form"]').trigger('submit');
    const place = () => wrapper.get('[data-testid="place-order"]');
    await vi.waitFor(() => expect(place().attributes()).not.toHaveProperty('disabled'));
    await place().trigger('click');

    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('order-confirmation'));
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="confirmed-orders"]').text()).toContain('MG261128-O1'),
    );
    expect(wrapper.get('[data-testid="confirmed-orders"]').text()).toContain('MG261128-O2');
    const sent = gateway.requests.find((r) => r.operationName === 'Checkout');
    expect(sent?.variables.input).toMatchObject({
      paymentMethod: 'CASH_ON_DELIVERY',
      shippingAddress: { phone: '138 1234 5678', province: 'Zhejiang', postalCode: '310000' },
    });
  });

  it('starts a returning buyer from the address of the last order', async () => {
    localStorage.setItem('marketgate.storefront.token', 'token-1');
    const last = {
      __typename: 'Address',
      name: 'Alice Wang',
      phone: '13900139000',
      province: 'Jiangsu',
      city: 'Suzhou',
      district: 'Gusu',
      line1: '8 Pingjiang Road',
      postalCode: '215000',
    };
    const { wrapper, gateway } = await render(
      '/checkout',
      checkoutHandlers(
        () => ({
          checkout: {
            __typename: 'CheckoutSuccess',
            replayed: false,
            orders: [{ id: 'o1', number: 'MG261128-O1' }],
          },
        }),
        last,
      ),
    );
    await vi.waitFor(() => expect(wrapper.text()).toContain('Filled in from your last order.'));
    const inputs = wrapper.findAll('[data-testid="address-form"] input');
    expect(inputs.map((input) => (input.element as HTMLInputElement).value)).toEqual([
      'Alice Wang',
      '13900139000',
      'Jiangsu',
      'Suzhou',
      'Gusu',
      '215000',
      '8 Pingjiang Road',
    ]);
    await wrapper.get('[data-testid="address-form"]').trigger('submit');
    const place = () => wrapper.get('[data-testid="place-order"]');
    await vi.waitFor(() => expect(place().attributes()).not.toHaveProperty('disabled'));
    await place().trigger('click');
    await vi.waitFor(() =>
      expect(gateway.requests.some((r) => r.operationName === 'Checkout')).toBe(true),
    );
    const sent = gateway.requests.find((r) => r.operationName === 'Checkout');
    const { __typename, ...address } = last;
    expect(sent?.variables.input).toMatchObject({ shippingAddress: address });
    expect(Object.keys((sent?.variables.input as any).shippingAddress).sort()).toEqual(
      Object.keys(address).sort(),
    );
  });

  it('names the lines that ran out and shows address errors from the gateway per field', async () => {
    localStorage.setItem('marketgate.storefront.token', 'token-1');
    const answers = [
      {
        checkout: {
          __typename: 'OutOfStockError',
          errorCode: 'OUT_OF_STOCK',
          message: 'Out of stock',
          lines: [
            {
              sku: 'SKU-l1',
              requested: 2,
              available: 1,
              variant: { id: 'v-l1', name: 'Milk 1 L' },
            },
          ],
        },
      },
      {
        checkout: {
          __typename: 'InvalidAddressError',
          errorCode: 'INVALID_ADDRESS',
          message: 'Invalid address',
          fields: [
            {
              path: 'shippingAddress.district',
              message: 'must be at most 50 characters',
              code: 'MAX_LENGTH',
              params: [{ name: 'max', value: '50' }],
            },
          ],
        },
      },
    ];
    const { wrapper } = await render(
      '/checkout',
      checkoutHandlers(() => answers.shift()),
    );
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="address-form"]').exists()).toBe(true),
    );
    await fillAddress(wrapper, 'Zhejiang');
    await wrapper.get('[data-testid="address-form"]').trigger('submit');
    const place = () => wrapper.get('[data-testid="place-order"]');
    await vi.waitFor(() => expect(place().attributes()).not.toHaveProperty('disabled'));
    await place().trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="checkout-problem"]').text()).toContain(
        'Milk 1 L (SKU-l1): you asked for 2, 1 available',
      ),
    );

    await place().trigger('click');
    // The gateway's problem, in the reader's language (its English message is a fallback only).
    await vi.waitFor(() => expect(wrapper.text()).toContain('At most 50 characters'));
    expect(wrapper.find('[aria-invalid="true"]').exists()).toBe(true);
  });
});

describe('my orders', () => {
  it('lists the orders and pages forward', async () => {
    localStorage.setItem('marketgate.storefront.token', 'token-1');
    const { wrapper, gateway } = await render('/orders', {
      Categories: () => categoriesData,
      Me: () => ({ me: alice }),
      MyOrders: (variables) => ({
        myOrders: {
          edges: (variables.after
            ? [order('o3', 'PLACED')]
            : [order('o1', 'SHIPPED'), order('o2', 'PLACED')]
          ).map((node) => ({ cursor: node.id, node })),
          pageInfo: { hasNextPage: !variables.after, endCursor: variables.after ? null : 'o2' },
        },
      }),
    });
    const cards = () => wrapper.findAll('[data-testid="order-card"]');
    await vi.waitFor(() => expect(cards()).toHaveLength(2));
    expect(cards()[0]?.text()).toContain('MG261128-O1');
    expect(cards()[0]?.text()).toContain('Shipped');
    expect(wrapper.text()).toContain('Page 1');

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(cards()).toHaveLength(1));
    expect(gateway.requests.at(-1)?.variables).toMatchObject({ after: 'o2' });
  });

  it('shows an order with its timeline and cancels it', async () => {
    localStorage.setItem('marketgate.storefront.token', 'token-1');
    let status: OrderDetailFragment['status'] = 'PLACED';
    const { wrapper, gateway } = await render('/orders/o1', {
      Categories: () => categoriesData,
      Me: () => ({ me: alice }),
      Order: () => ({ order: order('o1', status) }),
      CancelOrder: () => {
        status = 'CANCELLED';
        return { cancelOrder: { __typename: 'Order', ...order('o1', status) } };
      },
    });
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Order MG261128-O1'));
    expect(wrapper.get('[data-testid="order-timeline"]').text()).toContain('Placed');
    expect(wrapper.get('[data-testid="payment-status"]').text()).toBe('To be paid on delivery');

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Cancel order')
      ?.trigger('click');
    await wrapper.get('[data-testid="cancel-confirm"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="order-status"]').text()).toBe('Cancelled'),
    );
    expect(gateway.requests.find((r) => r.operationName === 'CancelOrder')?.variables).toEqual({
      input: { orderId: 'o1' },
    });
  });

  it('treats an order of someone else as not found', async () => {
    localStorage.setItem('marketgate.storefront.token', 'token-1');
    const { wrapper } = await render('/orders/nope', {
      Categories: () => categoriesData,
      Me: () => ({ me: alice }),
      Order: () => ({ order: null }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Order not found'));
  });
});
