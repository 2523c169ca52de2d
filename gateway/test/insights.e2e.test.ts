import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DealDesk, QUOTE } from './deals.js';
import { errorCode, startGateway, type TestGateway } from './harness.js';
import { ADDRESS, CHECKOUT, setAvailable, variantOf, type SellableVariant } from './shop.js';

type Fields = Record<string, any>;

const DAY = 86_400_000;
/** The suite's "today": whole seconds, so that both databases keep its instants exactly. */
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
const monthStart = (at: Date, months = 0) =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
/** Three whole months of history, starting about seven months before T0. */
const M1 = monthStart(plus(T0, -200 * DAY));
const M2 = monthStart(M1, 1);
const M3 = monthStart(M1, 2);

let gw: TestGateway;
let desk: DealDesk;
const token: Record<string, string> = {};
const sellerIds: Record<string, string> = {};
const variants: Record<string, SellableVariant> = {};
const ids: Record<string, string> = {};

const ask = (...args: Parameters<DealDesk['ask']>) => desk.ask(...args);

/** A consumer registering as of `at`; `who` names their token. */
async function consumer(who: string, at: Date) {
  const res = await gw.gql<Fields>(
    `mutation ($input: RegisterInput!) { register(input: $input) { ... on AuthPayload { token } } }`,
    {
      input: {
        email: `${who}-${randomUUID().slice(0, 8)}@example.com`,
        password: 'buyer-pass-123',
        name: who,
      },
    },
    undefined,
    at,
  );
  token[who] = res.data.register.token;
  ids[who] = (await ask(who, '{ me { id } }')).me.id;
}

/** A consumer's checkout of one unit from a seller as of `at`. */
async function order(who: string, seller: string, at: Date): Promise<Fields> {
  await ask(who, 'mutation ($input: AddToCartInput!) { addToCart(input: $input) { __typename } }', {
    input: { variantId: variants[seller]!.id, quantity: 1 },
  });
  const input = {
    shippingAddress: ADDRESS,
    paymentMethod: 'CASH_ON_DELIVERY',
    idempotencyKey: randomUUID(),
  };
  const res = await gw.gql<Fields>(CHECKOUT, { input }, token[who], at);
  expect(res.data.checkout.__typename, res.raw).toBe('CheckoutSuccess');
  return res.data.checkout.orders[0];
}

const FUNNEL = `query ($input: LifecycleFunnelInput!) { lifecycleFunnel(input: $input) {
  from to bucket
  b2c { stages { stage accounts conversion } periods { start stages { stage accounts conversion } } }
  b2b { stages { stage accounts conversion } periods { start stages { stage accounts conversion } } }
} }`;

/** A funnel's stage counts: the whole range, then each period's, as plain arrays. */
const counts = (funnel: Fields) => ({
  whole: funnel.stages.map((s: Fields) => s.accounts),
  periods: funnel.periods.map((p: Fields) => [
    p.start.slice(0, 10),
    ...p.stages.map((s: Fields) => s.accounts),
  ]),
});

async function funnel(who: string, from: Date, to: Date, bucket = 'MONTH') {
  const res = await gw.gql<Fields>(
    FUNNEL,
    { input: { from: from.toISOString(), to: to.toISOString(), bucket } },
    token[who],
  );
  expect(res.errors, res.raw).toBeUndefined();
  return { ...res.data.lifecycleFunnel, statements: res.extensions?.sqlStatements };
}

const day = (at: Date) => at.toISOString().slice(0, 10);

beforeAll(async () => {
  // Orders placed in the past would otherwise expire under the sweep while the suite runs.
  gw = await startGateway({ SWEEP_INTERVAL_SECONDS: '0' });
  desk = new DealDesk(gw, token, sellerIds);
  const logins = {
    admin: 'admin@marketgate.example',
    dairy: 'sales@north-dairy.example',
    office: 'sales@office-hub.example',
  };
  for (const [who, email] of Object.entries(logins)) token[who] = await gw.login(email);
  const sellers = (await ask('admin', '{ sellers { id slug } }')).sellers as Fields[];
  for (const [who, slug] of [
    ['dairy', 'north-dairy'],
    ['office', 'office-hub'],
  ] as const) {
    sellerIds[who] = sellers.find((s) => s.slug === slug)!.id;
    variants[who] = await variantOf(gw, slug);
    await setAvailable(gw, token[who]!, variants[who]!, 100_000);
  }

  // Consumers. `loyal` ordered twice from dairy; `late` once, in the last second of month 1;
  // `refused` had its only dairy order cancelled; `officeFan` registered on the first instant of
  // month 2 and bought from office only; `browser` never ordered.
  await consumer('loyal', plus(M1, DAY));
  await order('loyal', 'dairy', plus(M1, 2 * DAY));
  await order('loyal', 'dairy', plus(M2, 3 * DAY));
  await consumer('late', plus(M1, 5 * DAY));
  await order('late', 'dairy', plus(M2, -1000));
  await consumer('refused', plus(M1, 6 * DAY));
  const cancelled = await order('refused', 'dairy', plus(M1, 7 * DAY));
  const cancel = await desk.mutate(
    'refused',
    'cancelOrder',
    'CancelOrderInput',
    { orderId: cancelled.id },
    '',
    plus(M1, 7 * DAY),
  );
  expect(cancel.__typename).toBe('Order');
  await consumer('officeFan', M2);
  await order('officeFan', 'office', plus(M2, DAY));
  await consumer('browser', plus(M1, 3 * DAY));

  // Companies. `renewer` signed a framework agreement with dairy and renewed it; `haggler` got
  // an offer from dairy and let it lapse; `mixed` signed with office first, and later asked
  // dairy, which never answered.
  const dairyVariant = variants.dairy!.id;
  const officeVariant = variants.office!.id;
  ids.renewer = await desk.company('renewer');
  await desk.contract('renewer', 'dairy', 'FRAMEWORK', plus(M1, 2 * DAY), dairyVariant);
  const renewed = await desk.contract(
    'renewer',
    'dairy',
    'FRAMEWORK',
    plus(M2, 2 * DAY),
    dairyVariant,
  );
  await desk.mutate('dairy', 'setCreditLimit', 'SetCreditLimitInput', {
    companyId: ids.renewer,
    limit: 10_000_000,
  });
  await desk.callOff('renewer', renewed, plus(M2, 5 * DAY));
  ids.renewal = renewed.id;
  ids.haggler = await desk.company('haggler');
  const asked = await desk.requestQuote(
    'haggler',
    'dairy',
    'ONE_OFF',
    plus(M1, 10 * DAY),
    dairyVariant,
  );
  await desk.offer('dairy', asked, 'ONE_OFF', plus(M1, 10 * DAY), plus(M1, 11 * DAY));
  ids.mixed = await desk.company('mixed');
  const office = await desk.contract(
    'mixed',
    'office',
    'FRAMEWORK',
    plus(M1, 4 * DAY),
    officeVariant,
  );
  ids.officeAgreement = office.id;
  await desk.requestQuote('mixed', 'dairy', 'ONE_OFF', plus(M2, DAY), dairyVariant);
  // `slow` wrote its request to dairy in month 1 and sent it in month 2: an RFQ of month 2.
  // `quitter` wrote one in month 1 and cancelled it unsent: no RFQ, and no customer of dairy.
  for (const [who, sent] of [
    ['slow', true],
    ['quitter', false],
  ] as const) {
    ids[who] = await desk.company(who);
    const draft = await desk.mutate(
      who,
      'createQuoteRequest',
      'CreateQuoteRequestInput',
      {
        sellerId: sellerIds.dairy,
        dealKind: 'ONE_OFF',
        deliveryAddress: ADDRESS,
        lines: [{ variantId: dairyVariant, quantity: 10 }],
      },
      QUOTE,
      plus(M1, 20 * DAY),
    );
    const input = { quoteId: draft.id, expectedVersion: draft.version };
    const step = sent ? 'submitQuoteRequest' : 'cancelQuoteRequest';
    const moved = await desk.mutate(who, step, 'QuoteActionInput', input, QUOTE, plus(M2, 2 * DAY));
    expect(moved.status).toBe(sent ? 'SUBMITTED' : 'CANCELLED');
  }
}, 120_000);
afterAll(() => gw?.stop());

describe('lifecycle funnel', () => {
  it("counts a seller's own customers only, per month, in two statements", async () => {
    const dairy = await funnel('dairy', M1, M3);
    expect(counts(dairy.b2c)).toEqual({
      whole: [3, 2, 1],
      periods: [
        [day(M1), 3, 2, 1],
        [day(M2), 0, 0, 0],
      ],
    });
    expect(dairy.b2c.stages.map((s: Fields) => s.conversion)).toEqual([null, 2 / 3, 0.5]);
    expect(counts(dairy.b2b)).toEqual({
      whole: [4, 2, 1, 1],
      periods: [
        [day(M1), 2, 2, 1, 1],
        [day(M2), 2, 0, 0, 0],
      ],
    });
    expect(dairy.b2b.periods[1].stages.map((s: Fields) => s.conversion)).toEqual([
      null,
      0,
      null,
      null,
    ]);
    // The session, then one statement per funnel, whatever the number of buckets.
    expect(dairy.statements).toBeLessThanOrEqual(3);
    expect((await funnel('dairy', M1, plus(M1, 700 * DAY), 'WEEK')).statements).toBe(
      dairy.statements,
    );

    const office = await funnel('office', M1, M3);
    expect(counts(office.b2c).periods).toEqual([
      [day(M1), 0, 0, 0],
      [day(M2), 1, 1, 0],
    ]);
    expect(counts(office.b2b).whole).toEqual([1, 1, 1, 0]);

    // A request written and never sent makes no customer either.
    const customers = await desk.ask(
      'dairy',
      '{ accounts(accountType: COMPANY, first: 100) { edges { node { id } } } }',
    );
    const customerIds = customers.accounts.edges.map((e: Fields) => e.node.id);
    expect(customerIds).toContain(ids.slow);
    expect(customerIds).not.toContain(ids.quitter);
  });

  it('counts everyone for admins: registrations, and renewals only with the same seller', async () => {
    const admin = await funnel('admin', M1, M3);
    // Registered in month 1: loyal, late, refused, browser; in month 2, on its first instant:
    // officeFan.
    expect(counts(admin.b2c)).toEqual({
      whole: [5, 3, 1],
      periods: [
        [day(M1), 4, 2, 1],
        [day(M2), 1, 1, 0],
      ],
    });
    expect(admin.b2c.stages.map((s: Fields) => s.conversion)).toEqual([null, 0.6, 1 / 3]);
    // `mixed` signed with office once and never with dairy: no renewal.
    expect(counts(admin.b2b).periods).toEqual([
      [day(M1), 3, 3, 2, 1],
      [day(M2), 1, 0, 0, 0],
    ]);
  });

  it('takes the range as [from, to) and buckets by week from Monday', async () => {
    // `late` became a customer one second before month 2: in a range ending then, it is out.
    const before = await funnel('dairy', M1, plus(M2, -1000));
    expect(counts(before.b2c).whole).toEqual([2, 1, 1]);
    const after = await funnel('dairy', plus(M2, -1000), M3);
    expect(counts(after.b2c).whole).toEqual([1, 1, 0]);
    expect(counts(after.b2c).periods[0]).toEqual([day(M1), 1, 1, 0]);

    const weeks = await funnel('admin', plus(M2, -1000), plus(M2, 8 * DAY), 'WEEK');
    const mondays = weeks.b2c.periods.map((p: Fields) => new Date(p.start));
    expect(mondays.every((d: Date) => d.getUTCDay() === 1 && d.getUTCHours() === 0)).toBe(true);
    expect(mondays[0].getTime()).toBeLessThanOrEqual(plus(M2, -1000).getTime());
    expect(plus(mondays.at(-1), 7 * DAY).getTime()).toBeGreaterThanOrEqual(
      plus(M2, 8 * DAY).getTime(),
    );
    // `officeFan` registered at M2, in the week holding M2.
    const holding = mondays.findIndex(
      (d: Date, i: number) => d <= M2 && (mondays[i + 1] ?? plus(d, 7 * DAY)) > M2,
    );
    expect(weeks.b2c.periods[holding].stages[0].accounts).toBe(1);
    expect(counts(weeks.b2c).whole).toEqual([1, 1, 0]);
  });

  it('refuses an empty, reversed or too long range', async () => {
    const problems = async (from: Date, to: Date) => {
      const res = await gw.gql(
        FUNNEL,
        { input: { from: from.toISOString(), to: to.toISOString(), bucket: 'WEEK' } },
        token.dairy,
      );
      expect(errorCode(res), res.raw).toBe('BAD_USER_INPUT');
      return res.errors?.[0]?.extensions?.fields?.map((f) => [f.path, f.problems[0]?.code]);
    };
    expect(await problems(M2, M2)).toEqual([['input.from', 'BEFORE']]);
    expect(await problems(M2, M1)).toEqual([['input.from', 'BEFORE']]);
    expect(await problems(M1, plus(M1, 732 * DAY))).toEqual([['input.to', 'SPAN']]);
    // Weeks from the Monday before M1 to the last one starting before the end.
    const sinceMonday = (M1.getUTCDay() + 6) % 7;
    expect((await funnel('dairy', M1, plus(M1, 731 * DAY), 'WEEK')).b2c.periods.length).toBe(
      Math.ceil((sinceMonday + 731) / 7),
    );
  });
});

describe('accounts at risk', () => {
  const RENEWALS = `query ($days: Int!) { renewalsAtRisk(days: $days) { totalCount
    edges { node { id endsOn company { id } } } } }`;
  const LAPSED = `query ($type: AccountType!, $days: Int!) {
    lapsedCustomers(accountType: $type, days: $days) { totalCount edges { node { __typename id } } } }`;
  const renewals = async (who: string, days: number) =>
    (await ask(who, RENEWALS, { days })).renewalsAtRisk.edges.map((e: Fields) => e.node.id);
  const lapsed = async (who: string, type: string, days: number) =>
    (await ask(who, LAPSED, { type, days })).lapsedCustomers.edges
      .map((e: Fields) => e.node.id)
      .sort();

  it('agreements ending within the window and not renewed, yours only', async () => {
    // The renewed first agreement of `renewer` is not at risk; its renewal is.
    expect(await renewals('dairy', 365)).toEqual([ids.renewal]);
    expect(await renewals('office', 365)).toEqual([ids.officeAgreement]);
    expect(await renewals('admin', 365)).toEqual([ids.officeAgreement, ids.renewal]);
    expect(await renewals('admin', 1)).toEqual([]);
  });

  it('lapsed buyers: bought before, nothing in the last days, yours only', async () => {
    expect(await lapsed('dairy', 'CONSUMER', 90)).toEqual([ids.loyal, ids.late].sort());
    expect(await lapsed('office', 'CONSUMER', 90)).toEqual([ids.officeFan]);
    expect(await lapsed('admin', 'CONSUMER', 90)).toEqual(
      [ids.loyal, ids.late, ids.officeFan].sort(),
    );
    expect(await lapsed('dairy', 'CONSUMER', 3650)).toEqual([]);
    expect(await lapsed('dairy', 'COMPANY', 90)).toEqual([ids.renewer]);
    expect(await lapsed('office', 'COMPANY', 90)).toEqual([]);
  });
});

describe('who may look', () => {
  it('consumers and company members may not; strangers must sign in', async () => {
    const queries = [
      `{ lifecycleFunnel(input: { from: "${M1.toISOString()}", to: "${M2.toISOString()}" }) { bucket } }`,
      '{ renewalsAtRisk { totalCount } }',
      '{ lapsedCustomers(accountType: CONSUMER) { totalCount } }',
    ];
    for (const query of queries) {
      for (const who of ['loyal', 'renewer']) {
        expect(errorCode(await gw.gql(query, {}, token[who]))).toBe('FORBIDDEN');
      }
      expect(errorCode(await gw.gql(query))).toBe('UNAUTHENTICATED');
    }
  });
});
