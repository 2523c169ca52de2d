import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, usesMysql, type TestGateway } from './harness.js';
import {
  ADDRESS,
  ORDER_FIELDS,
  SELLERS,
  addToCart,
  checkout,
  registerConsumer,
  sellerDoes,
  setAvailable,
  stockOf,
  variantOf,
  type SellableVariant,
} from './shop.js';

let gw: TestGateway;
let dairy: string;
let office: string;
let milk: SellableVariant;
let paper: SellableVariant;

beforeAll(async () => {
  gw = await startGateway();
  [dairy, office] = await Promise.all([gw.login(SELLERS.dairy), gw.login(SELLERS.office)]);
  [milk, paper] = await Promise.all([variantOf(gw, 'north-dairy'), variantOf(gw, 'office-hub')]);
  await setAvailable(gw, dairy, milk, 100);
  await setAvailable(gw, office, paper, 100);
});
afterAll(() => gw?.stop());

const CART = `query ($cartToken: String) { cart(cartToken: $cartToken) { id token itemCount
  subtotal { amount } lines { id quantity variant { id } }
  groups { seller { slug } codFee { amount } total { amount } cashOnDelivery(province: "Zhejiang") { available reason } } } }`;

/** A consumer with one unit of milk and two of paper in the cart, and the checkout result. */
async function placeTwoOrders() {
  const token = await registerConsumer(gw);
  await addToCart(gw, milk.id, 1, token);
  await addToCart(gw, paper.id, 2, token);
  const res = await checkout(gw, token);
  expect(res.data.checkout.__typename).toBe('CheckoutSuccess');
  const orders = res.data.checkout.orders as any[];
  return {
    token,
    milkOrder: orders.find((o) => o.seller.slug === 'north-dairy'),
    paperOrder: orders.find((o) => o.seller.slug === 'office-hub'),
  };
}

async function orderAs(id: string, token?: string) {
  const res = await gw.gql<{ order: any }>(
    `query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
    { id },
    token,
  );
  return res.data.order;
}

describe('guest cart', () => {
  it('starts with a token, keeps lines per variant, and totals per seller', async () => {
    const first = await addToCart(gw, milk.id, 1);
    expect(first.__typename).toBe('Cart');
    expect(first.token).toMatch(/^[\w-]{32}$/);
    await addToCart(gw, milk.id, 2, undefined, first.token);
    const cart = await addToCart(gw, paper.id, 1, undefined, first.token);
    expect(cart.lines).toHaveLength(2);
    expect(cart.itemCount).toBe(4);
    expect(cart.subtotal.amount).toBe(3 * milk.listPrice + paper.listPrice);
    expect(cart.groups.map((g: any) => g.seller.slug)).toEqual(['north-dairy', 'office-hub']);
    expect(cart.groups[0].total.amount).toBe(3 * milk.listPrice + cart.groups[0].codFee.amount);

    const read = await gw.gql<{ cart: any }>(CART, { cartToken: first.token });
    expect(read.data.cart.groups[0].cashOnDelivery).toEqual({ available: true, reason: null });
  });

  it('answers a typed error above the available stock', async () => {
    const res = await addToCart(gw, milk.id, 101);
    expect(res).toEqual({ __typename: 'InsufficientStockError', available: 100 });
  });

  it('updates and removes lines, only in its own cart', async () => {
    const mine = await addToCart(gw, milk.id, 1);
    const theirs = await addToCart(gw, milk.id, 1);
    const line = mine.lines[0].id;
    const update = `mutation ($input: UpdateCartLineInput!) { updateCartLine(input: $input) {
      __typename ... on Cart { itemCount } ... on InsufficientStockError { available } } }`;
    const updated = await gw.gql<any>(update, {
      input: { cartToken: mine.token, lineId: line, quantity: 5 },
    });
    expect(updated.data.updateCartLine).toEqual({ __typename: 'Cart', itemCount: 5 });
    const tooMany = await gw.gql<any>(update, {
      input: { cartToken: mine.token, lineId: line, quantity: 500 },
    });
    expect(tooMany.data.updateCartLine.__typename).toBe('InsufficientStockError');
    const foreign = await gw.gql<any>(update, {
      input: { cartToken: theirs.token, lineId: line, quantity: 2 },
    });
    expect(foreign.data.updateCartLine.__typename).toBe('NotFoundError');

    const removed = await gw.gql<any>(
      `mutation ($input: RemoveCartLineInput!) { removeCartLine(input: $input) { ... on Cart { itemCount lines { id } } } }`,
      { input: { cartToken: mine.token, lineId: line } },
    );
    expect(removed.data.removeCartLine).toEqual({ itemCount: 0, lines: [] });
  });

  it('refuses bad quantities and unknown tokens', async () => {
    const zero = await gw.gql(
      `mutation { addToCart(input: { variantId: "${milk.id}", quantity: 0 }) { __typename } }`,
    );
    expect(errorCode(zero)).toBe('BAD_USER_INPUT');
    const unknown = await addToCart(gw, milk.id, 1, undefined, 'no-such-cart');
    expect(unknown.__typename).toBe('NotFoundError');
    const missing = await gw.gql<any>(CART, { cartToken: 'no-such-cart' });
    expect(missing.data.cart).toBeNull();
  });

  it('merges into the account cart on login and on register', async () => {
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 2, token);
    const guest = await addToCart(gw, milk.id, 1);
    await addToCart(gw, paper.id, 1, undefined, guest.token);
    const me = await gw.gql<any>('{ me { email } }', {}, token);
    const login = await gw.gql<any>(
      `mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }`,
      { input: { email: me.data.me.email, password: 'buyer-pass-123', cartToken: guest.token } },
    );
    const cart = await gw.gql<any>(CART, {}, login.data.login.token);
    expect(cart.data.cart.token).toBeNull();
    expect(cart.data.cart.lines.map((l: any) => [l.variant.id, l.quantity]).sort()).toEqual(
      [
        [milk.id, 3],
        [paper.id, 1],
      ].sort(),
    );
    expect((await gw.gql<any>(CART, { cartToken: guest.token })).data.cart).toBeNull();

    const other = await addToCart(gw, paper.id, 4);
    const fresh = await registerConsumer(gw, other.token);
    expect((await gw.gql<any>(CART, {}, fresh)).data.cart.itemCount).toBe(4);
  });
});

describe('checkout', () => {
  it('places one order per seller, reserves stock and empties the cart', async () => {
    const before = await stockOf(gw, milk);
    const { token, milkOrder, paperOrder } = await placeTwoOrders();
    expect(milkOrder).toMatchObject({
      status: 'PLACED',
      canCancel: true,
      itemsTotal: { amount: milk.listPrice },
      codFee: { amount: 500 },
      total: { amount: milk.listPrice + 500, currency: 'CNY' },
      payment: { status: 'PENDING', amount: { amount: milk.listPrice + 500 }, collected: null },
      timeline: [{ status: 'PLACED', from: null, actor: 'CONSUMER', note: '' }],
    });
    expect(milkOrder.number).toMatch(/^MG\d{6}-[0-9A-Z]{8}$/);
    expect(milkOrder.confirmBy).toBeTruthy();
    expect(paperOrder.lines).toEqual([
      expect.objectContaining({
        sku: paper.sku,
        quantity: 2,
        lineTotal: { amount: 2 * paper.listPrice },
      }),
    ]);
    const after = await stockOf(gw, milk);
    expect(after.reserved).toBe(before.reserved + 1);
    expect(after.onHand).toBe(before.onHand);
    expect((await gw.gql<any>(CART, {}, token)).data.cart.itemCount).toBe(0);

    const mine = await gw.gql<any>(
      '{ myOrders(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }',
      {},
      token,
    );
    expect(mine.data.myOrders.edges.map((e: any) => e.node.id).sort()).toEqual(
      [milkOrder.id, paperOrder.id].sort(),
    );
  });

  it('answers a replayed idempotency key with the same orders and writes nothing', async () => {
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 1, token);
    const key = randomUUID();
    const first = await checkout(gw, token, { idempotencyKey: key });
    const stock = await stockOf(gw, milk);
    await addToCart(gw, milk.id, 1, token);
    const again = await checkout(gw, token, { idempotencyKey: key });
    expect(again.data.checkout.replayed).toBe(true);
    expect(again.data.checkout.orders.map((o: any) => o.id)).toEqual(
      first.data.checkout.orders.map((o: any) => o.id),
    );
    expect(await stockOf(gw, milk)).toEqual(stock);
    expect((await gw.gql<any>(CART, {}, token)).data.cart.itemCount).toBe(1);

    const parallel = randomUUID();
    const both = await Promise.all([
      checkout(gw, token, { idempotencyKey: parallel }),
      checkout(gw, token, { idempotencyKey: parallel }),
    ]);
    const ids = both.map((r) => r.data.checkout.orders.map((o: any) => o.id));
    expect(ids[0]).toEqual(ids[1]);
    expect(both.map((r) => r.data.checkout.replayed).sort()).toEqual([false, true]);
  });

  it('names the lines short of stock and places nothing', async () => {
    const token = await registerConsumer(gw);
    const scarce = await variantOf(gw, 'north-dairy', 1);
    await setAvailable(gw, dairy, scarce, 3);
    await addToCart(gw, scarce.id, 3, token);
    await addToCart(gw, paper.id, 1, token);
    await setAvailable(gw, dairy, scarce, 2);
    const paperStock = await stockOf(gw, paper);
    const res = await checkout(gw, token);
    expect(res.data.checkout).toMatchObject({
      __typename: 'OutOfStockError',
      errorCode: 'OUT_OF_STOCK',
      lines: [{ sku: scarce.sku, requested: 3, available: 2 }],
    });
    expect(await stockOf(gw, paper)).toEqual(paperStock);
    expect((await gw.gql<any>(CART, {}, token)).data.cart.itemCount).toBe(4);
    const mine = await gw.gql<any>('{ myOrders { edges { node { id } } } }', {}, token);
    expect(mine.data.myOrders.edges).toEqual([]);
  });

  it('checks the address field by field, and the cart', async () => {
    const token = await registerConsumer(gw);
    const empty = await checkout(gw, token);
    expect(empty.data.checkout).toEqual({ __typename: 'EmptyCartError', errorCode: 'EMPTY_CART' });
    await addToCart(gw, milk.id, 1, token);
    const bad = await checkout(gw, token, {
      shippingAddress: { ...ADDRESS, phone: '123', postalCode: 'abc', city: ' ' },
    });
    expect(bad.data.checkout.__typename).toBe('InvalidAddressError');
    expect(bad.data.checkout.fields.map((f: any) => [f.path, f.code])).toEqual([
      ['shippingAddress.city', 'REQUIRED'],
      ['shippingAddress.phone', 'PHONE'],
      ['shippingAddress.postalCode', 'POSTAL_CODE'],
    ]);
    const badKey = await checkout(gw, token, { idempotencyKey: 'short' });
    expect(errorCode(badKey)).toBe('BAD_USER_INPUT');
    const guest = await checkout(gw, undefined as unknown as string);
    expect(errorCode(guest)).toBe('UNAUTHENTICATED');
  });

  it('charges the seller’s own cash-on-delivery fee when it has one', async () => {
    const sellers = await gw.gql<any>('{ sellers { id slug codFee { amount } } }');
    const office = sellers.data.sellers.find((s: any) => s.slug === 'office-hub');
    expect(office.codFee.amount).toBe(500);
    const admin = await gw.login('admin@marketgate.example');
    const set = `mutation ($input: SetSellerCodFeeInput!) { setSellerCodFee(input: $input) {
      __typename ... on Seller { codFee { amount } ownCodFee { amount } } } }`;
    const other = await gw.gql<any>(set, { input: { sellerId: office.id, fee: 0 } }, dairy);
    expect(other.data.setSellerCodFee.__typename).toBe('NotFoundError');
    const res = await gw.gql<any>(set, { input: { sellerId: office.id, fee: 0 } }, admin);
    expect(res.data.setSellerCodFee).toEqual({
      __typename: 'Seller',
      codFee: { amount: 0 },
      ownCodFee: { amount: 0 },
    });
    const { paperOrder } = await placeTwoOrders();
    expect(paperOrder.codFee.amount).toBe(0);
    const reset = await gw.gql<any>(set, { input: { sellerId: office.id, fee: null } }, admin);
    expect(reset.data.setSellerCodFee).toMatchObject({ codFee: { amount: 500 }, ownCodFee: null });
  });
});

describe('order lifecycle', () => {
  it('confirms, ships, delivers with cash and reconciles a remittance', async () => {
    const before = await stockOf(gw, milk);
    const { token, milkOrder } = await placeTwoOrders();
    const id = milkOrder.id;
    expect((await sellerDoes(gw, dairy, 'confirmOrder', { orderId: id })).status).toBe('CONFIRMED');
    const early = await sellerDoes(gw, dairy, 'recordDelivery', {
      orderId: id,
      amountCollected: milkOrder.total.amount,
    });
    expect(early.__typename).toBe('InvalidStateError');
    const shipped = await sellerDoes(gw, dairy, 'shipOrder', {
      orderId: id,
      carrier: 'SF Express',
      trackingNumber: 'SF1234567890',
    });
    expect(shipped).toMatchObject({ status: 'SHIPPED', carrier: 'SF Express', canCancel: false });
    const afterShip = await stockOf(gw, milk);
    expect(afterShip).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved,
      available: before.available - 1,
    });
    const wrong = await sellerDoes(gw, dairy, 'recordDelivery', {
      orderId: id,
      amountCollected: milkOrder.total.amount - 1,
    });
    expect(wrong).toMatchObject({
      __typename: 'CollectedAmountMismatchError',
      errorCode: 'AMOUNT_MISMATCH',
      expected: { amount: milkOrder.total.amount },
    });
    const delivered = await sellerDoes(gw, dairy, 'recordDelivery', {
      orderId: id,
      amountCollected: milkOrder.total.amount,
    });
    expect(delivered.payment).toMatchObject({
      status: 'COLLECTED',
      collected: { amount: milkOrder.total.amount },
    });

    const order = await orderAs(id, token);
    expect(order.timeline.map((e: any) => [e.from, e.status, e.actor])).toEqual([
      [null, 'PLACED', 'CONSUMER'],
      ['PLACED', 'CONFIRMED', 'SELLER'],
      ['CONFIRMED', 'SHIPPED', 'SELLER'],
      ['SHIPPED', 'DELIVERED', 'SELLER'],
    ]);
    expect(order.timeline[2].note).toBe('SF Express SF1234567890');

    const reconcile = `mutation ($input: ReconcileCashRemittanceInput!) { reconcileCashRemittance(input: $input) {
      __typename ... on CashRemittance { id status amount { amount } expected { amount } difference { amount } orders { id payment { status } shippingAddress { city } } }
      ... on ErrorResult { errorCode message } } }`;
    const input = { orderIds: [id], amount: milkOrder.total.amount, reference: `R-${id}` };
    const done = await gw.gql<any>(reconcile, { input }, dairy);
    expect(done.data.reconcileCashRemittance).toMatchObject({
      __typename: 'CashRemittance',
      status: 'MATCHED',
      difference: { amount: 0 },
      orders: [{ id, payment: { status: 'RECONCILED' } }],
    });
    // Orders read through the remittance's loader keep their embedded address.
    expect(done.data.reconcileCashRemittance.orders[0].shippingAddress.city).toBe(ADDRESS.city);
    const replay = await gw.gql<any>(reconcile, { input }, dairy);
    expect(replay.data.reconcileCashRemittance.id).toBe(done.data.reconcileCashRemittance.id);
    const twice = await gw.gql<any>(
      reconcile,
      { input: { ...input, reference: 'R-other' } },
      dairy,
    );
    expect(twice.data.reconcileCashRemittance.__typename).toBe('InvalidStateError');
  });

  it('stamps the timeline, the payment, the remittance and the stock moved with the time each step happened', async () => {
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 1, token);
    const hours = (n: number) => new Date(Date.UTC(2026, 0, 5, 9) + n * 3_600_000);
    const placed = await checkout(gw, token, {}, hours(0));
    const [order] = placed.data.checkout.orders;
    await sellerDoes(gw, dairy, 'confirmOrder', { orderId: order.id }, hours(2));
    const ship = { orderId: order.id, carrier: 'SF Express', trackingNumber: 'SF0000000001' };
    await sellerDoes(gw, dairy, 'shipOrder', ship, hours(20));
    const delivery = { orderId: order.id, amountCollected: order.total.amount };
    await sellerDoes(gw, dairy, 'recordDelivery', delivery, hours(60));
    const res = await gw.gql<{ order: any }>(
      `query ($id: ID!) { order(id: $id) { placedAt timeline { status at } payment { collectedAt } } }`,
      { id: order.id },
      token,
    );
    expect(res.data.order).toEqual({
      placedAt: hours(0).toISOString(),
      timeline: [
        { status: 'PLACED', at: hours(0).toISOString() },
        { status: 'CONFIRMED', at: hours(2).toISOString() },
        { status: 'SHIPPED', at: hours(20).toISOString() },
        { status: 'DELIVERED', at: hours(60).toISOString() },
      ],
      payment: { collectedAt: hours(60).toISOString() },
    });
    const remitted = await gw.gql<any>(
      `mutation ($input: ReconcileCashRemittanceInput!) { reconcileCashRemittance(input: $input) {
        ... on CashRemittance { createdAt orders { payment { reconciledAt } } } } }`,
      { input: { orderIds: [order.id], amount: order.total.amount, reference: `AT-${order.id}` } },
      dairy,
      hours(70),
    );
    expect(remitted.data.reconcileCashRemittance).toEqual({
      createdAt: hours(70).toISOString(),
      orders: [{ payment: { reconciledAt: hours(70).toISOString() } }],
    });
    const moved = await gw.gql<any>(
      `query ($id: ID!) { product(id: $id) { variants { id stockMovements { reason note createdAt } } } }`,
      { id: milk.productId },
      dairy,
    );
    const movements = moved.data.product.variants.find((v: any) => v.id === milk.id).stockMovements;
    expect(
      movements.find((m: any) => m.reason === 'SHIPPED' && m.note.includes(order.number)),
    ).toMatchObject({ createdAt: hours(20).toISOString() });
  });

  it('flags a short remittance instead of accepting it, until it is resolved', async () => {
    const ids: string[] = [];
    let expected = 0;
    for (let i = 0; i < 2; i++) {
      const { milkOrder } = await placeTwoOrders();
      await sellerDoes(gw, dairy, 'confirmOrder', { orderId: milkOrder.id });
      await sellerDoes(gw, dairy, 'shipOrder', {
        orderId: milkOrder.id,
        carrier: 'ZTO',
        trackingNumber: `ZTO-${milkOrder.id}`,
      });
      await sellerDoes(gw, dairy, 'recordDelivery', {
        orderId: milkOrder.id,
        amountCollected: milkOrder.total.amount,
      });
      ids.push(milkOrder.id);
      expected += milkOrder.total.amount;
    }
    const res = await gw.gql<any>(
      `mutation ($input: ReconcileCashRemittanceInput!) { reconcileCashRemittance(input: $input) {
        ... on CashRemittance { status difference { amount } orders { payment { status } } } } }`,
      { input: { orderIds: ids, amount: expected - 100, reference: 'SHORT-1' } },
      dairy,
    );
    expect(res.data.reconcileCashRemittance).toEqual({
      status: 'SHORT',
      difference: { amount: -100 },
      orders: [{ payment: { status: 'DISPUTED' } }, { payment: { status: 'DISPUTED' } }],
    });
    const listed = await gw.gql<any>(
      '{ cashRemittances { id reference status resolution } }',
      {},
      dairy,
    );
    const short = listed.data.cashRemittances[0];
    expect(short).toMatchObject({ reference: 'SHORT-1', status: 'SHORT', resolution: null });

    const resolve = `mutation ($input: ResolveCashRemittanceInput!) { resolveCashRemittance(input: $input) {
      __typename ... on CashRemittance { status resolution resolutionNote resolvedAt orders { payment { status } } }
      ... on ErrorResult { errorCode } } }`;
    const input = {
      remittanceId: short.id,
      resolution: 'SETTLED',
      note: 'Courier paid 1.00 (ZTO-77)',
    };
    const foreign = await gw.gql<any>(resolve, { input }, office);
    expect(foreign.data.resolveCashRemittance.__typename).toBe('NotFoundError');
    const resolved = await gw.gql<any>(resolve, { input }, dairy);
    expect(resolved.data.resolveCashRemittance).toMatchObject({
      __typename: 'CashRemittance',
      status: 'SHORT',
      resolution: 'SETTLED',
      resolutionNote: 'Courier paid 1.00 (ZTO-77)',
      orders: [{ payment: { status: 'RECONCILED' } }, { payment: { status: 'RECONCILED' } }],
    });
    expect(resolved.data.resolveCashRemittance.resolvedAt).toBeTruthy();
    const again = await gw.gql<any>(resolve, { input }, dairy);
    expect(again.data.resolveCashRemittance).toEqual({
      __typename: 'InvalidStateError',
      errorCode: 'INVALID_STATE',
    });
  });

  it('restores stock when a refused parcel comes back', async () => {
    const before = await stockOf(gw, milk);
    const { milkOrder } = await placeTwoOrders();
    const id = milkOrder.id;
    await sellerDoes(gw, dairy, 'confirmOrder', { orderId: id });
    await sellerDoes(gw, dairy, 'shipOrder', {
      orderId: id,
      carrier: 'EMS',
      trackingNumber: 'EMS-1',
    });
    const refused = await sellerDoes(gw, dairy, 'recordRefusal', {
      orderId: id,
      reason: 'Not home',
    });
    expect(refused).toMatchObject({ status: 'REFUSED', payment: { status: 'VOIDED' } });
    expect((await stockOf(gw, milk)).onHand).toBe(before.onHand - 1);
    const back = await sellerDoes(gw, dairy, 'receiveReturn', { orderId: id });
    expect(back.status).toBe('RETURNED');
    expect(await stockOf(gw, milk)).toEqual(before);
  });

  it('lets the consumer cancel before shipping, releasing stock, and not after', async () => {
    const before = await stockOf(gw, milk);
    const { token, milkOrder, paperOrder } = await placeTwoOrders();
    const cancelled = await sellerDoes(gw, token, 'cancelOrder', {
      orderId: milkOrder.id,
      reason: 'Changed my mind',
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', canCancel: false });
    expect(cancelled.timeline[1]).toMatchObject({ actor: 'CONSUMER', note: 'Changed my mind' });
    expect(await stockOf(gw, milk)).toEqual(before);
    const again = await sellerDoes(gw, token, 'cancelOrder', { orderId: milkOrder.id });
    expect(again.__typename).toBe('InvalidStateError');

    await sellerDoes(gw, office, 'confirmOrder', { orderId: paperOrder.id });
    await sellerDoes(gw, office, 'shipOrder', {
      orderId: paperOrder.id,
      carrier: 'YTO',
      trackingNumber: 'YT-9',
    });
    const late = await sellerDoes(gw, token, 'cancelOrder', { orderId: paperOrder.id });
    expect(late.__typename).toBe('InvalidStateError');
  });

  it('lets the seller cancel a placed order', async () => {
    const { paperOrder } = await placeTwoOrders();
    const res = await sellerDoes(gw, office, 'cancelOrder', { orderId: paperOrder.id });
    expect(res).toMatchObject({ status: 'CANCELLED', payment: { status: 'VOIDED' } });
    expect(res.timeline[1].actor).toBe('SELLER');
  });

  it('lets one of two simultaneous cancellations win', async () => {
    const { token, milkOrder } = await placeTwoOrders();
    const [a, b] = await Promise.all([
      sellerDoes(gw, dairy, 'cancelOrder', { orderId: milkOrder.id }),
      sellerDoes(gw, token, 'cancelOrder', { orderId: milkOrder.id }),
    ]);
    expect([a.__typename, b.__typename].sort()).toEqual(['InvalidStateError', 'Order']);
  });
});

describe('authorization', () => {
  it('hides another consumer’s order exactly like a missing one', async () => {
    const { milkOrder } = await placeTwoOrders();
    const stranger = await registerConsumer(gw);
    expect(await orderAs(milkOrder.id, stranger)).toBeNull();
    expect(await orderAs('999999', stranger)).toBeNull();
    expect(await orderAs(milkOrder.id)).toBeNull();
    const cancel = await sellerDoes(gw, stranger, 'cancelOrder', { orderId: milkOrder.id });
    const missing = await sellerDoes(gw, stranger, 'cancelOrder', { orderId: '999999' });
    expect(cancel).toEqual(missing);
  });

  it('keeps each seller to its own orders', async () => {
    const { token, milkOrder } = await placeTwoOrders();
    const foreign = await sellerDoes(gw, office, 'confirmOrder', { orderId: milkOrder.id });
    expect(foreign.__typename).toBe('NotFoundError');
    expect(await orderAs(milkOrder.id, office)).toBeNull();
    expect((await orderAs(milkOrder.id, dairy)).id).toBe(milkOrder.id);
    const consumer = await gw.gql(
      `mutation { confirmOrder(input: { orderId: "${milkOrder.id}" }) { __typename } }`,
      {},
      token,
    );
    expect(errorCode(consumer)).toBe('FORBIDDEN');
    const listed = await gw.gql<any>(
      '{ sellerOrders(first: 100) { edges { node { seller { slug } } } } }',
      {},
      office,
    );
    expect(new Set(listed.data.sellerOrders.edges.map((e: any) => e.node.seller.slug))).toEqual(
      new Set(['office-hub']),
    );
  });

  it('filters seller orders by status, payment and number', async () => {
    const { milkOrder } = await placeTwoOrders();
    const q = `query ($filter: SellerOrderFilter) { sellerOrders(first: 100, filter: $filter) {
      edges { node { id status payment { status } } } } }`;
    const placed = await gw.gql<any>(q, { filter: { status: ['PLACED'] } }, dairy);
    expect(placed.data.sellerOrders.edges.every((e: any) => e.node.status === 'PLACED')).toBe(true);
    const pending = await gw.gql<any>(q, { filter: { paymentStatus: ['PENDING'] } }, dairy);
    expect(
      pending.data.sellerOrders.edges.every((e: any) => e.node.payment.status === 'PENDING'),
    ).toBe(true);
    const byNumber = await gw.gql<any>(
      q,
      { filter: { search: milkOrder.number.toLowerCase() } },
      dairy,
    );
    expect(byNumber.data.sellerOrders.edges.map((e: any) => e.node.id)).toEqual([milkOrder.id]);
    const byPhone = await gw.gql<any>(q, { filter: { search: '138-0013-8000' } }, dairy);
    expect(byPhone.data.sellerOrders.edges.length).toBeGreaterThan(0);

    const counted = `query ($filter: SellerOrderFilter) { sellerOrders(first: 1, filter: $filter) {
      totalCount edges { node { id } } } }`;
    const all = await gw.gql<any>(counted, {}, dairy);
    expect(all.data.sellerOrders.edges).toHaveLength(1);
    expect(all.data.sellerOrders.totalCount).toBeGreaterThan(1);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await gw.gql<any>(counted, { filter: { placedFrom: future } }, dairy);
    expect(none.data.sellerOrders).toEqual({ totalCount: 0, edges: [] });
    const before = await gw.gql<any>(counted, { filter: { placedBefore: future } }, dairy);
    expect(before.data.sellerOrders.totalCount).toBe(all.data.sellerOrders.totalCount);
  });
});

describe('in-stock flag', () => {
  it('turns off when a checkout takes the last unit and back on when it is cancelled', async () => {
    const last = await variantOf(gw, 'office-hub', 3);
    const product = await gw.gql<any>(`query ($id: ID!) { product(id: $id) { variants { id } } }`, {
      id: last.productId,
    });
    for (const v of product.data.product.variants) {
      await setAvailable(
        gw,
        office,
        { id: v.id, productId: last.productId },
        v.id === last.id ? 1 : 0,
      );
    }
    const inStock = async () =>
      (
        await gw.gql<any>(`query ($id: ID!) { product(id: $id) { inStock } }`, {
          id: last.productId,
        })
      ).data.product.inStock;
    expect(await inStock()).toBe(true);
    const token = await registerConsumer(gw);
    await addToCart(gw, last.id, 1, token);
    const order = (await checkout(gw, token)).data.checkout.orders[0];
    expect(await inStock()).toBe(false);
    await sellerDoes(gw, token, 'cancelOrder', { orderId: order.id });
    expect(await inStock()).toBe(true);
  });
});

describe('cost', () => {
  it('lists orders with their lines, payment and timeline at a fixed number of statements', async () => {
    const q = `{ myOrders(first: 50) { edges { node { number seller { name } payment { status }
      timeline { status } lines { sku product { name } variant { sku } } } } } }`;
    const few = await placeTwoOrders();
    const many = await registerConsumer(gw);
    for (let i = 0; i < 3; i++) {
      await addToCart(gw, milk.id, 1, many);
      await addToCart(gw, paper.id, 1, many);
      await checkout(gw, many);
    }
    const small = await gw.gql<any>(q, {}, few.token);
    const large = await gw.gql<any>(q, {}, many);
    expect(small.data.myOrders.edges).toHaveLength(2);
    expect(large.data.myOrders.edges).toHaveLength(6);
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
    expect(large.extensions?.sqlStatements).toBeLessThanOrEqual(9);
  });
});

describe('checkout cost', () => {
  it('places a two-seller cart in a fixed number of statements, committing with the reservation on MariaDB', async () => {
    const token = await registerConsumer(gw);
    await addToCart(gw, milk.id, 1, token);
    await addToCart(gw, paper.id, 1, token);
    const res = await gw.gql<any>(
      'mutation ($input: CheckoutInput!) { checkout(input: $input) { ... on CheckoutSuccess { orders { id } } } }',
      {
        input: {
          shippingAddress: ADDRESS,
          paymentMethod: 'CASH_ON_DELIVERY',
          idempotencyKey: randomUUID(),
        },
      },
      token,
    );
    expect(res.data.checkout.orders).toHaveLength(2);
    // The session read, START TRANSACTION, the key's claim, the locked cart, the variants, the
    // orders, their lines, payments and audit events, the cart lines' delete, then the
    // reservations: one block that also commits on MariaDB; elsewhere one UPDATE per variant
    // and a COMMIT.
    expect(res.extensions?.sqlStatements).toBe(usesMysql ? 11 : 13);
  });
});

describe('concurrency', () => {
  it('sells the last 5 units to exactly 5 of 50 simultaneous buyers', async () => {
    // Each cart also holds an item in ample stock, reserved before the scarce one (variant
    // order): a buyer who loses the last units must not keep that reservation either.
    const [scarce, plenty] = [
      await variantOf(gw, 'office-hub', 2),
      await variantOf(gw, 'office-hub', 4),
    ].sort((a, b) => Number(b.id) - Number(a.id)) as [SellableVariant, SellableVariant];
    await setAvailable(gw, office, scarce, 5);
    await setAvailable(gw, office, plenty, 100);
    const plentyBefore = await stockOf(gw, plenty);
    const buyers = await Promise.all(Array.from({ length: 50 }, () => registerConsumer(gw)));
    for (const token of buyers) {
      expect((await addToCart(gw, scarce.id, 1, token)).__typename).toBe('Cart');
      expect((await addToCart(gw, plenty.id, 1, token)).__typename).toBe('Cart');
    }
    const results = await Promise.all(buyers.map((token) => checkout(gw, token)));
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const kinds = results.map((r) => r.data.checkout.__typename);
    expect(kinds.filter((k) => k === 'CheckoutSuccess')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'OutOfStockError')).toHaveLength(45);
    expect(await stockOf(gw, scarce)).toMatchObject({ reserved: 5, available: 0 });
    expect(await stockOf(gw, plenty)).toMatchObject({ reserved: plentyBefore.reserved + 5 });
  }, 120_000);
});
