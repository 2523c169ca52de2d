import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DealDesk } from './deals.js';
import { errorCode, startGateway, type TestGateway } from './harness.js';
import { ADDRESS, CHECKOUT, registerConsumer, setAvailable, variantOf } from './shop.js';

type Fields = Record<string, any>;

const DAY = 86_400_000;
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
const day = (n: number) => new Date(T0.getTime() + n * DAY);

let gw: TestGateway;
let desk: DealDesk;
const token: Record<string, string> = {};
const sellerIds: Record<string, string> = {};
/** Products of North Dairy by letter: the first variant and the product id. */
const p: Record<string, { id: string; productId: string }> = {};

const ask = (...args: Parameters<DealDesk['ask']>) => desk.ask(...args);

const REC = `reason count lastOrderedAt tierQuantity tierUnitPrice { amount }
  product { id } variant { id } basedOn { id }`;

/** Orders letters by product id. */
const byId = (x: string, y: string) => Number(p[x]!.productId) - Number(p[y]!.productId);

/** Products' letters in the order given. */
const letters = (recs: Fields[]) =>
  recs.map((r) => Object.keys(p).find((k) => p[k]!.productId === r.product.id) ?? r.product.id);

/** One consumer order of one unit of each product, as of `at`. */
async function order(who: string, products: string[], at: Date): Promise<string> {
  for (const letter of products) {
    const added = await gw.gql<Fields>(
      `mutation ($input: AddToCartInput!) { addToCart(input: $input) { __typename } }`,
      { input: { variantId: p[letter]!.id, quantity: 1 } },
      token[who],
    );
    expect(added.data.addToCart.__typename, added.raw).toBe('Cart');
  }
  const res = await gw.gql<Fields>(
    CHECKOUT,
    {
      input: {
        shippingAddress: ADDRESS,
        paymentMethod: 'CASH_ON_DELIVERY',
        idempotencyKey: randomUUID(),
      },
    },
    token[who],
    at,
  );
  expect(res.data.checkout.__typename, res.raw).toBe('CheckoutSuccess');
  expect(res.data.checkout.orders).toHaveLength(1);
  return res.data.checkout.orders[0].id as string;
}

async function consumer(who: string) {
  token[who] = await registerConsumer(gw);
}

/** Every variant of a product set to `available` units by its seller. */
async function stockAll(letter: string, available: number) {
  const data = await ask('dairy', 'query ($id: ID!) { product(id: $id) { variants { id } } }', {
    id: p[letter]!.productId,
  });
  for (const v of data.product.variants)
    await setAvailable(gw, token.dairy!, { id: v.id, productId: p[letter]!.productId }, available);
}

const oftenBoughtWith = async (letter: string, first = 10) =>
  (
    await ask(
      'nobody',
      `query ($id: ID!, $first: Int!) { product(id: $id) { oftenBoughtWith(first: $first) { ${REC} } } }`,
      { id: p[letter]!.productId, first },
    )
  ).product.oftenBoughtWith as Fields[];

beforeAll(async () => {
  gw = await startGateway({ SWEEP_INTERVAL_SECONDS: '0' });
  desk = new DealDesk(gw, token, sellerIds);
  token.admin = await gw.login('admin@marketgate.example');
  token.dairy = await gw.login('sales@north-dairy.example');
  token.office = await gw.login('sales@office-hub.example');
  const sellers = (await ask('admin', '{ sellers { id slug } }')).sellers as Fields[];
  sellerIds.dairy = sellers.find((s) => s.slug === 'north-dairy')!.id;
  for (const [i, letter] of ['A', 'B', 'C', 'D', 'E', 'F', 'G'].entries()) {
    const v = await variantOf(gw, 'north-dairy', i);
    p[letter] = { id: v.id, productId: v.productId };
    await stockAll(letter, 1_000);
  }
});
afterAll(() => gw?.stop());

describe('cross-sell: often bought with', () => {
  beforeAll(async () => {
    for (const who of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']) await consumer(who);
    await order('u1', ['A', 'B', 'C'], day(-30));
    await order('u2', ['A', 'B'], day(-29));
    await order('u3', ['A', 'B', 'G'], day(-28));
    await order('u4', ['A', 'C'], day(-27));
    await order('u8', ['A', 'G'], day(-26));
    // Cancelled orders do not count.
    const cancelled = await order('u5', ['A', 'D'], day(-25));
    const res = await desk.mutate('u5', 'cancelOrder', 'CancelOrderInput', {
      orderId: cancelled,
    });
    expect(res.__typename).toBe('Order');
    // Archived and out-of-stock products are not recommended.
    await order('u6', ['A', 'E'], day(-24));
    await order('u7', ['A', 'F'], day(-23));
    const archived = await gw.gql<Fields>(
      'mutation ($id: ID!) { archiveProduct(id: $id) { __typename } }',
      { id: p.E!.productId },
      token.dairy,
    );
    expect(archived.data.archiveProduct.__typename, archived.raw).toBe('Product');
    await stockAll('F', 0);
  });

  it('ranks by orders together, ties by product id, only ACTIVE products in stock', async () => {
    const tied = ['C', 'G'].sort(byId);
    const recs = await oftenBoughtWith('A');
    expect(letters(recs)).toEqual(['B', ...tied]);
    expect(recs.map((r) => r.count)).toEqual([3, 2, 2]);
    expect(recs[0]).toMatchObject({
      reason: 'CROSS_SELL',
      basedOn: { id: p.A!.productId },
      variant: null,
      lastOrderedAt: null,
    });
    expect(letters(await oftenBoughtWith('A', 1))).toEqual(['B']);
    expect(letters(await oftenBoughtWith('C'))).toEqual(['A', 'B']);
    expect(await oftenBoughtWith('D')).toEqual([]);
  });

  it("a cart's cross-sell leaves out what is in the cart", async () => {
    await consumer('shopper');
    for (const letter of ['A', 'B']) {
      await gw.gql(
        `mutation ($input: AddToCartInput!) { addToCart(input: $input) { __typename } }`,
        { input: { variantId: p[letter]!.id, quantity: 1 } },
        token.shopper,
      );
    }
    const data = await ask('shopper', `{ cart { crossSell(first: 5) { ${REC} } } }`);
    const recs = data.cart.crossSell as Fields[];
    const tied = ['C', 'G'].sort(byId);
    expect(letters(recs)).toEqual(tied);
    expect(recs.map((r) => r.count)).toEqual([2, 2]);
    const lowest = Math.min(Number(p.A!.productId), Number(p.B!.productId));
    for (const r of recs)
      expect(r).toMatchObject({ reason: 'CROSS_SELL', basedOn: { id: String(lowest) } });
  });

  it('refuses a size out of range', async () => {
    const res = await gw.gql(
      'query ($id: ID!) { product(id: $id) { oftenBoughtWith(first: 21) { reason } } }',
      { id: p.A!.productId },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('a list of products costs the same statements whatever its length', async () => {
    const page = (first: number) =>
      gw.gql(
        `query ($first: Int!) { products(first: $first) { edges { node { id
          oftenBoughtWith(first: 3) { reason count product { id name } basedOn { id } } } } } }`,
        { first },
      );
    const few = await page(3);
    const many = await page(30);
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.extensions?.sqlStatements).toBe(few.extensions?.sqlStatements);
  });
});

describe('reorders', () => {
  beforeAll(async () => {
    await consumer('regular');
    await order('regular', ['A', 'B', 'C'], day(-30));
    await order('regular', ['A'], day(-20));
    await order('regular', ['B'], day(-10));
    const cancelled = await order('regular', ['C'], day(-5));
    await desk.mutate('regular', 'cancelOrder', 'CancelOrderInput', { orderId: cancelled });
  });

  it("a consumer's variants bought in two orders or more, last bought first", async () => {
    const recs = (await ask('regular', `{ reorders { ${REC} } }`)).reorders as Fields[];
    expect(letters(recs)).toEqual(['B', 'A']);
    expect(recs.map((r) => r.variant.id)).toEqual([p.B!.id, p.A!.id]);
    expect(recs.map((r) => r.count)).toEqual([2, 2]);
    expect(recs.map((r) => new Date(r.lastOrderedAt).getTime())).toEqual([
      day(-10).getTime(),
      day(-20).getTime(),
    ]);
    expect(recs[0]!.reason).toBe('REORDER');
  });

  it("only the viewer's own", async () => {
    await consumer('newcomer');
    expect((await ask('newcomer', '{ reorders { reason } }')).reorders).toEqual([]);
    expect(errorCode(await gw.gql('{ reorders { reason } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('up-sell: the next volume tier', () => {
  it('for business buyers only, the smallest tier above the quantity that lowers the price', async () => {
    await desk.company('upsellCo');
    const query = `query ($id: ID!, $q: Int!) { product(id: $id) { variants { id listPrice { amount }
      tiers { minQuantity unitPrice { amount } } upSell(quantity: $q) { ${REC} } } } }`;
    const asked = async (who: string, q: number) =>
      (await ask(who, query, { id: p.A!.productId, q })).product.variants[0] as Fields;
    const v = await asked('upsellCo', 1);
    const tiers = (v.tiers as Fields[]).filter((t) => t.unitPrice.amount < v.listPrice.amount);
    expect(tiers.length).toBeGreaterThan(0);
    const next = tiers.find((t) => t.minQuantity > 1)!;
    expect(v.upSell).toMatchObject({
      reason: 'UP_SELL',
      variant: { id: v.id },
      basedOn: { id: p.A!.productId },
      tierQuantity: next.minQuantity,
      tierUnitPrice: { amount: next.unitPrice.amount },
    });
    const top = tiers[tiers.length - 1]!;
    expect((await asked('upsellCo', top.minQuantity)).upSell).toBeNull();
    await consumer('plain');
    expect((await asked('plain', 1)).upSell).toBeNull();
  });
});

describe('companies: reorders, what similar companies buy, renewal additions', () => {
  const ids: Record<string, string> = {};
  let agreement: Fields;

  const FIELDS = `reorders { ${REC} } similarCompaniesBuy { ${REC} }`;
  /** A member's view of their company. */
  const companyRecs = async (who: string) =>
    ((await ask(who, `{ companies { ${FIELDS} } }`)).companies as Fields[])[0]!;
  beforeAll(async () => {
    for (const who of ['co1', 'co2', 'co3']) ids[who] = await desk.company(who);
    agreement = await desk.contract('co1', 'dairy', 'FRAMEWORK', day(-300), p.A!.id);
    await desk.mutate('dairy', 'setCreditLimit', 'SetCreditLimitInput', {
      companyId: ids.co1,
      limit: 10_000_000,
    });
    for (const n of [-50, -10]) await desk.callOff('co1', agreement, day(n));
    await desk.contract('co1', 'dairy', 'ONE_OFF', day(-100), p.B!.id);
    await desk.contract('co2', 'dairy', 'ONE_OFF', day(-90), p.C!.id);
    await desk.contract('co3', 'dairy', 'ONE_OFF', day(-80), p.C!.id);
    await desk.contract('co3', 'dairy', 'ONE_OFF', day(-70), p.D!.id);
    await desk.contract('co3', 'dairy', 'ONE_OFF', day(-60), p.A!.id);
    for (const who of ['co1', 'co2'])
      await desk.mutate('admin', 'tagAccount', 'AccountTagInput', {
        account: { type: 'COMPANY', id: ids[who] },
        tag: 'hospitality',
      });
    for (const who of ['co1', 'co3'])
      await desk.mutate('dairy', 'setCompanyLifecycleStage', 'SetCompanyLifecycleStageInput', {
        companyId: ids[who],
        stage: 'GROWTH',
      });
  });

  it("a company's reorders: contract variants drawn by two call-offs or more", async () => {
    const recs = await companyRecs('co1');
    expect(letters(recs.reorders)).toEqual(['A']);
    expect(recs.reorders[0]).toMatchObject({
      reason: 'REORDER',
      count: 2,
      variant: { id: p.A!.id },
    });
    expect(new Date(recs.reorders[0].lastOrderedAt).getTime()).toBe(day(-10).getTime());
  });

  it('similar companies (a shared tag or lifecycle stage) buy what it does not', async () => {
    const recs = (await companyRecs('co1')).similarCompaniesBuy as Fields[];
    expect(letters(recs)).toEqual(['C', 'D']);
    expect(recs.map((r) => r.count)).toEqual([2, 1]);
    expect(recs[0]!.reason).toBe('SIMILAR_COMPANIES_BUY');
    // co2 shares only the tag with co1, and co1 buys A and B.
    expect(letters((await companyRecs('co2')).similarCompaniesBuy)).toEqual(['A', 'B'].sort(byId));
  });

  it("renewal additions for a contract ending within 90 days: the company's other purchases from the seller", async () => {
    const query = `query ($id: ID!) { contract(id: $id) { endsOn renewalAdditions { ${REC} } } }`;
    const now = await ask('co1', query, { id: agreement.id });
    expect(new Date(now.contract.endsOn).getTime()).toBeLessThan(day(90).getTime());
    expect(letters(now.contract.renewalAdditions)).toEqual(['B']);
    expect(now.contract.renewalAdditions[0]).toMatchObject({
      reason: 'RENEWAL_ADDITIONS',
      count: 1,
    });
    // The seller sees them too; long before the end, there are none.
    const seller = await ask('dairy', query, { id: agreement.id });
    expect(letters(seller.contract.renewalAdditions)).toEqual(['B']);
    const early = await ask('co1', query, { id: agreement.id }, day(-200));
    expect(early.contract.renewalAdditions).toEqual([]);
  });

  it("no one else sees a company's recommendations", async () => {
    const query = `query ($id: ID!) { contract(id: $id) { company { ${FIELDS} }
      renewalAdditions { reason } } }`;
    const seller = await ask('dairy', query, { id: agreement.id });
    expect(seller.contract.company).toEqual({ reorders: [], similarCompaniesBuy: [] });
    for (const who of ['co2', 'office'])
      expect((await ask(who, query, { id: agreement.id })).contract).toBeNull();
  });
});
