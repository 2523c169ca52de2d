import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './harness.js';
import {
  ADDRESS,
  ORDER_FIELDS,
  SELLERS,
  addToCart,
  checkout,
  registerConsumer,
  setAvailable,
  stockOf,
  variantOf,
  type SellableVariant,
} from './shop.js';

/**
 * A gateway with strict cash-on-delivery rules, a two-second confirmation window and guest carts
 * kept for two seconds.
 */
let gw: TestGateway;
let dairy: string;
let milk: SellableVariant;

beforeAll(async () => {
  gw = await startGateway({
    COD_REGIONS: 'Zhejiang,Shanghai',
    COD_MAX_ORDER_AMOUNT: '100000',
    COD_FEE: '800',
    ORDER_CONFIRM_TIMEOUT_SECONDS: '2',
    SWEEP_INTERVAL_SECONDS: '1',
    GUEST_CART_TTL_SECONDS: '2',
  });
  dairy = await gw.login(SELLERS.dairy);
  milk = await variantOf(gw, 'north-dairy');
  await setAvailable(gw, dairy, milk, 50);
});
afterAll(() => gw?.stop());

describe('cash-on-delivery rules', () => {
  it('publishes its terms', async () => {
    const res = await gw.gql<any>(
      '{ cashOnDeliveryTerms { maxOrderAmount { amount currency } regions defaultFee { amount } } }',
    );
    expect(res.data.cashOnDeliveryTerms).toEqual({
      maxOrderAmount: { amount: 100_000, currency: 'CNY' },
      regions: ['Zhejiang', 'Shanghai'],
      defaultFee: { amount: 800 },
    });
  });

  it('shows in the cart whether a province is served, and refuses others at checkout', async () => {
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 1, token);
    const cart = await gw.gql<any>(
      `{ cart { groups { codFee { amount } served: cashOnDelivery(province: "Shanghai") { available reason }
        far: cashOnDelivery(province: "Xizang") { available reason } } } }`,
      {},
      token,
    );
    expect(cart.data.cart.groups[0]).toEqual({
      codFee: { amount: 800 },
      served: { available: true, reason: null },
      far: { available: false, reason: 'REGION_NOT_SERVED' },
    });
    const res = await checkout(gw, token, { shippingAddress: { ...ADDRESS, province: 'Xizang' } });
    expect(res.data.checkout).toEqual({
      __typename: 'CashOnDeliveryNotAvailableError',
      errorCode: 'COD_NOT_AVAILABLE',
      reason: 'REGION_NOT_SERVED',
      seller: { slug: 'north-dairy' },
    });
    const ok = await checkout(gw, token);
    expect(ok.data.checkout.orders[0].total.amount).toBe(milk.listPrice + 800);
  });

  it('refuses an order above the limit and places nothing', async () => {
    const token = await registerConsumer(gw);
    const units = Math.floor(100_000 / milk.listPrice) + 1;
    expect(units).toBeLessThanOrEqual(50);
    await addToCart(gw, milk.id, units, token);
    const before = await stockOf(gw, milk);
    const res = await checkout(gw, token);
    expect(res.data.checkout).toMatchObject({ reason: 'AMOUNT_ABOVE_LIMIT' });
    expect(await stockOf(gw, milk)).toEqual(before);
  });
});

describe('expiry', () => {
  it('expires an unconfirmed order and releases its stock', async () => {
    // Orders of the tests above expire too: start once they have.
    let before = await stockOf(gw, milk);
    for (let i = 0; i < 50 && before.reserved > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      before = await stockOf(gw, milk);
    }
    expect(before.reserved).toBe(0);
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 2, token);
    const placed = await checkout(gw, token);
    const order = placed.data.checkout.orders[0];
    expect((await stockOf(gw, milk)).available).toBe(before.available - 2);

    let status = order.status;
    let current: any;
    for (let i = 0; i < 50 && status === 'PLACED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = (
        await gw.gql<any>(
          `query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
          { id: order.id },
          token,
        )
      ).data.order;
      status = current.status;
    }
    expect(current).toMatchObject({
      status: 'EXPIRED',
      confirmBy: null,
      canCancel: false,
      payment: { status: 'VOIDED' },
    });
    expect(current.timeline.at(-1)).toMatchObject({
      from: 'PLACED',
      status: 'EXPIRED',
      actor: 'SYSTEM',
    });
    expect(await stockOf(gw, milk)).toEqual(before);
  });

  it('never expires a confirmed order', async () => {
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 1, token);
    const order = (await checkout(gw, token)).data.checkout.orders[0];
    await gw.gql(
      `mutation { confirmOrder(input: { orderId: "${order.id}" }) { __typename } }`,
      {},
      dairy,
    );
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const res = await gw.gql<any>(`{ order(id: "${order.id}") { status } }`, {}, token);
    expect(res.data.order.status).toBe('CONFIRMED');
  });
});

describe('abandoned guest carts', () => {
  it('are deleted once untouched for the configured time; account carts stay', async () => {
    const guest = await addToCart(gw, milk.id, 1);
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 1, token);
    const cartOf = async (cartToken?: string, bearer?: string) =>
      (
        await gw.gql<any>(
          'query ($t: String) { cart(cartToken: $t) { id } }',
          { t: cartToken },
          bearer,
        )
      ).data.cart;
    expect(await cartOf(guest.token)).not.toBeNull();
    let gone = false;
    for (let i = 0; i < 50 && !gone; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      gone = (await cartOf(guest.token)) === null;
    }
    expect(gone).toBe(true);
    expect(await cartOf(undefined, token)).not.toBeNull();
  });
});
