import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DealDesk, QUOTE, type DealKind } from './deals.js';
import { errorCode, startGateway, type GqlResponse, type TestGateway } from './harness.js';
import {
  ADDRESS,
  CHECKOUT,
  registerConsumer,
  setAvailable,
  variantOf,
  type SellableVariant,
} from './shop.js';

type Fields = Record<string, any>;
type AccountType = 'CONSUMER' | 'COMPANY';
interface Account {
  type: AccountType;
  id: string;
}
type Rule = Fields;

const DAY = 86_400_000;
/** The suite's "today": whole seconds, so that both databases keep its instants exactly. */
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
const day = (n: number) => new Date(T0.getTime() + n * DAY);
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

let gw: TestGateway;
let desk: DealDesk;
const token: Record<string, string> = {};
const sellerIds: Record<string, string> = {};
const variants: Record<string, SellableVariant> = {};

const ask = (...args: Parameters<DealDesk['ask']>) => desk.ask(...args);
const mutate = (...args: Parameters<DealDesk['mutate']>) => desk.mutate(...args);

/** A new consumer; `who` names their token. */
async function consumer(who: string): Promise<Account> {
  token[who] = await registerConsumer(gw);
  return { type: 'CONSUMER', id: (await ask(who, '{ me { id } }')).me.id };
}

/** A consumer's checkout of `quantity` units from one seller, as of `at`: the order total. */
async function order(who: string, seller: string, at: Date, quantity = 1): Promise<Fields> {
  const added = await gw.gql<Fields>(
    `mutation ($input: AddToCartInput!) { addToCart(input: $input) { __typename } }`,
    { input: { variantId: variants[seller]!.id, quantity } },
    token[who],
  );
  expect(added.data.addToCart.__typename).toBe('Cart');
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
  return res.data.checkout.orders[0];
}

const RULE = `kind
  ... on SegmentGroupRule { rules { kind
    ... on SegmentGroupRule { rules { kind ... on SegmentWindowRule { days } ... on HasTagRule { tag }
      ... on LifecycleStageRule { stage } } }
    ... on RepeatBuyerRule { count days } ... on SegmentWindowRule { days } ... on HasTagRule { tag } } }
  ... on RepeatBuyerRule { count days }
  ... on SegmentWindowRule { days }
  ... on HighValueRule { amount { amount currency } days }
  ... on HasTagRule { tag }
  ... on LifecycleStageRule { stage }`;

async function createSegment(who: string, accountType: AccountType, rule: Rule, name?: string) {
  const created = await mutate(
    who,
    'createSegment',
    'CreateSegmentInput',
    { name: name ?? `segment ${randomUUID().slice(0, 8)}`, accountType, rule },
    '... on Segment { id }',
  );
  expect(created.__typename, JSON.stringify(created)).toBe('Segment');
  return created.id as string;
}

/** The ids a segment holds as of `at`, checked against its count. */
async function membersAt(who: string, id: string, at: Date): Promise<string[]> {
  const data = await ask(
    who,
    `query ($id: ID!) { segment(id: $id) { memberCount
      members(first: 100) { totalCount edges { node { __typename id } } } } }`,
    { id },
    at,
  );
  const { memberCount, members } = data.segment;
  expect(members.totalCount).toBe(memberCount);
  expect(members.edges).toHaveLength(memberCount);
  return members.edges.map((e: Fields) => e.node.id);
}

/**
 * Which of `cohort` the segment holds as of `at`, asked both ways: the segment's member list
 * (one statement over all accounts) and each account's segments (one statement per account),
 * which must agree.
 */
async function holds(
  who: string,
  id: string,
  cohort: Record<string, Account>,
  at = T0,
): Promise<string[]> {
  const ids = await membersAt(who, id, at);
  const listed = Object.keys(cohort).filter((name) => ids.includes(cohort[name]!.id));
  for (const [name, account] of Object.entries(cohort)) {
    const data = await ask(
      who,
      'query ($a: AccountInput!) { accountSegments(account: $a) { id } }',
      { a: account },
      at,
    );
    const inside = data.accountSegments.some((s: Fields) => s.id === id);
    expect(inside, `${name} in segment ${id} at ${at.toISOString()}`).toBe(listed.includes(name));
  }
  return listed.sort();
}

/** Which of `cohort` a rule selects for `who` (segmentPreview), as of `at`. */
async function preview(
  who: string,
  accountType: AccountType,
  rule: Rule,
  cohort: Record<string, Account>,
  at = T0,
): Promise<string[]> {
  const data = await ask(
    who,
    `query ($type: AccountType!, $rule: SegmentRuleInput!) {
      segmentPreview(accountType: $type, rule: $rule, first: 50) { memberCount members { id } } }`,
    { type: accountType, rule },
    at,
  );
  const ids = data.segmentPreview.members.map((m: Fields) => m.id);
  expect(data.segmentPreview.memberCount).toBe(ids.length);
  return Object.keys(cohort)
    .filter((name) => ids.includes(cohort[name]!.id))
    .sort();
}

/**
 * Every pair of `rules` joined by ALL selects what both select, by ANY what either does (the
 * rules on purchases of a group are compiled into one subquery: it must answer as they do).
 */
async function expectGroupsAsRulesOneByOne(
  who: string,
  accountType: AccountType,
  rules: Rule[],
  cohort: Record<string, Account>,
) {
  const alone = await Promise.all(rules.map((rule) => preview(who, accountType, rule, cohort)));
  for (const [i, a] of rules.entries()) {
    for (const [j, b] of rules.entries()) {
      if (j <= i) continue;
      const all = await preview(who, accountType, { kind: 'ALL', rules: [a, b] }, cohort);
      const any = await preview(who, accountType, { kind: 'ANY', rules: [a, b] }, cohort);
      expect(all, `ALL ${JSON.stringify([a, b])}`).toEqual(
        alone[i]!.filter((name) => alone[j]!.includes(name)),
      );
      expect(any, `ANY ${JSON.stringify([a, b])}`).toEqual(
        [...new Set([...alone[i]!, ...alone[j]!])].sort(),
      );
    }
  }
}

async function tag(who: string, account: Account, text: string, untag = false) {
  return mutate(who, untag ? 'untagAccount' : 'tagAccount', 'AccountTagInput', {
    account,
    tag: text,
  });
}

beforeAll(async () => {
  // Orders placed in the past would otherwise expire under the sweep while the suite runs.
  gw = await startGateway({
    SWEEP_INTERVAL_SECONDS: '0',
    LIFECYCLE_GROWTH_SPEND: '20000',
    LIFECYCLE_MATURE_SPEND: '100000',
  });
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
});
afterAll(() => gw?.stop());

describe('consumer segments', () => {
  const c: Record<string, Account> = {};
  let bigTotal: number;

  beforeAll(async () => {
    c.first = await consumer('first');
    await order('first', 'dairy', day(-10));
    c.repeat = await consumer('repeat');
    for (const n of [-40, -20, -5]) await order('repeat', 'dairy', day(n));
    c.lapsed = await consumer('lapsed');
    for (const n of [-200, -100]) await order('lapsed', 'dairy', day(n));
    c.cancelled = await consumer('cancelled');
    const cancelled = await order('cancelled', 'dairy', day(-3));
    expect(
      (await mutate('cancelled', 'cancelOrder', 'CancelOrderInput', { orderId: cancelled.id }))
        .__typename,
    ).toBe('Order');
    c.officeOnly = await consumer('officeOnly');
    await order('officeOnly', 'office', day(-10));
    c.mixed = await consumer('mixed');
    await order('mixed', 'dairy', day(-10));
    await order('mixed', 'office', day(-8));
    c.big = await consumer('big');
    bigTotal = (await order('big', 'dairy', day(-15), 20)).total.amount;
  });

  it('first-time buyers: exactly one order that counts, with the shop or anywhere', async () => {
    const rule = { kind: 'FIRST_TIME_BUYER' };
    const dairy = await createSegment('dairy', 'CONSUMER', rule);
    expect(await holds('dairy', dairy, c)).toEqual(['big', 'first', 'mixed']);
    const platform = await createSegment('admin', 'CONSUMER', rule);
    expect(await holds('admin', platform, c)).toEqual(['big', 'first', 'officeOnly']);
  });

  it('repeat buyers: at least N orders in the last D days, the window edge included', async () => {
    const id = await createSegment('dairy', 'CONSUMER', {
      kind: 'REPEAT_BUYER',
      count: 3,
      days: 40,
    });
    // The first of the three orders was placed exactly 40 days before T0.
    expect(await holds('dairy', id, c, T0)).toEqual(['repeat']);
    expect(await holds('dairy', id, c, plus(T0, 1000))).toEqual([]);
    expect(
      await preview('dairy', 'CONSUMER', { kind: 'REPEAT_BUYER', count: 2, days: 30 }, c),
    ).toEqual(['repeat']);
    // Across shops only the platform sees two orders of `mixed` within 30 days.
    expect(
      await preview('admin', 'CONSUMER', { kind: 'REPEAT_BUYER', count: 2, days: 30 }, c),
    ).toEqual(['mixed', 'repeat']);
  });

  it('lapsed buyers: ordered before, but not in the last D days', async () => {
    const id = await createSegment('dairy', 'CONSUMER', { kind: 'LAPSED', days: 90 });
    expect(await holds('dairy', id, c)).toEqual(['lapsed']);
    // The last order was 100 days before T0: 90 days after it, it is still inside the window.
    expect(await holds('dairy', id, c, day(-10))).toEqual([]);
    expect(await holds('dairy', id, c, plus(day(-10), 1000))).toEqual(['lapsed']);
    // Long before their last orders, no one has lapsed.
    expect(await holds('dairy', id, c, day(-300))).toEqual([]);
  });

  it('high value: spend above an amount in the last D days', async () => {
    const rule = (amount: number, days = 30) => ({ kind: 'HIGH_VALUE', amount, days });
    expect(await preview('dairy', 'CONSUMER', rule(bigTotal - 1), c)).toEqual(['big']);
    expect(await preview('dairy', 'CONSUMER', rule(bigTotal), c)).toEqual([]);
    const id = await createSegment('dairy', 'CONSUMER', rule(bigTotal - 1, 15));
    expect(await holds('dairy', id, c, T0)).toEqual(['big']);
    expect(await holds('dairy', id, c, plus(T0, 1000))).toEqual([]);
    const segment = await ask(
      'dairy',
      `query ($id: ID!) { segment(id: $id) { rule { ${RULE} } } }`,
      {
        id,
      },
    );
    expect(segment.segment.rule).toEqual({
      kind: 'HIGH_VALUE',
      amount: { amount: bigTotal - 1, currency: 'CNY' },
      days: 15,
    });
  });

  it("has tag: the owner's own tags, normalised", async () => {
    expect((await tag('dairy', c.first!, '  VIP   Gold ')).__typename).toBe('User');
    expect((await tag('dairy', c.first!, 'vip gold')).__typename).toBe('User');
    const rule = { kind: 'HAS_TAG', tag: 'Vip Gold' };
    const id = await createSegment('dairy', 'CONSUMER', rule);
    expect(await holds('dairy', id, c)).toEqual(['first']);
    // The platform's tags are its own.
    expect(await preview('admin', 'CONSUMER', rule, c)).toEqual([]);
    await tag('admin', c.officeOnly!, 'vip gold');
    expect(await preview('admin', 'CONSUMER', rule, c)).toEqual(['officeOnly']);
    await tag('dairy', c.first!, 'VIP GOLD', true);
    expect(await holds('dairy', id, c)).toEqual([]);
  });

  it('combines rules with ALL and ANY, nested', async () => {
    await tag('dairy', c.repeat!, 'newsletter');
    await tag('dairy', c.lapsed!, 'newsletter');
    const rule = {
      kind: 'ANY',
      rules: [
        { kind: 'FIRST_TIME_BUYER' },
        {
          kind: 'ALL',
          rules: [
            { kind: 'HAS_TAG', tag: 'newsletter' },
            {
              kind: 'ANY',
              rules: [
                { kind: 'LAPSED', days: 90 },
                { kind: 'REPEAT_BUYER', count: 2, days: 30 },
              ],
            },
          ],
        },
      ],
    };
    const id = await createSegment('dairy', 'CONSUMER', rule);
    expect(await holds('dairy', id, c)).toEqual(['big', 'first', 'lapsed', 'mixed', 'repeat']);
    // Ninety-one days later the repeat buyer's window is empty and they have lapsed too.
    expect(await holds('dairy', id, c, day(91))).toEqual([
      'big',
      'first',
      'lapsed',
      'mixed',
      'repeat',
    ]);
    expect(
      await preview(
        'dairy',
        'CONSUMER',
        {
          kind: 'ALL',
          rules: [
            { kind: 'HAS_TAG', tag: 'newsletter' },
            { kind: 'LAPSED', days: 90 },
          ],
        },
        c,
      ),
    ).toEqual(['lapsed']);
    expect(
      await preview(
        'dairy',
        'CONSUMER',
        {
          kind: 'ALL',
          rules: [
            { kind: 'HAS_TAG', tag: 'newsletter' },
            { kind: 'REPEAT_BUYER', count: 2, days: 30 },
          ],
        },
        c,
        day(91),
      ),
    ).toEqual([]);
  });

  it('groups of rules on orders answer as their rules one by one', async () => {
    const rules = [
      { kind: 'REPEAT_BUYER', count: 2, days: 30 },
      { kind: 'HIGH_VALUE', amount: bigTotal - 1, days: 15 },
      { kind: 'HIGH_VALUE', amount: 1, days: 9 },
      { kind: 'FIRST_TIME_BUYER' },
      { kind: 'LAPSED', days: 90 },
    ];
    await expectGroupsAsRulesOneByOne('dairy', 'CONSUMER', rules, c);
    await expectGroupsAsRulesOneByOne('admin', 'CONSUMER', rules, c);
  });

  it("a seller's segments hold its own customers only", async () => {
    const everyone = {
      kind: 'ANY',
      rules: [{ kind: 'LAPSED', days: 1 }, { kind: 'FIRST_TIME_BUYER' }],
    };
    expect(await preview('office', 'CONSUMER', everyone, c)).toEqual(['mixed', 'officeOnly']);
    expect(await preview('dairy', 'CONSUMER', everyone, c)).toEqual([
      'big',
      'first',
      'lapsed',
      'mixed',
      'repeat',
    ]);
  });
});

/** A new verified company whose admin and buyer `who` names. */
async function company(who: string): Promise<Account> {
  return { type: 'COMPANY', id: await desk.company(who) };
}

const requestQuote = (who: string, seller: string, kind: DealKind, at: Date) =>
  desk.requestQuote(who, seller, kind, at, variants[seller]!.id);
const offer = (...args: Parameters<DealDesk['offer']>) => desk.offer(...args);
const contract = (who: string, seller: string, kind: DealKind, at: Date) =>
  desk.contract(who, seller, kind, at, variants[seller]!.id);
const callOff = (...args: Parameters<DealDesk['callOff']>) => desk.callOff(...args);

async function cancelQuote(who: string, quote: Fields) {
  const input = { quoteId: quote.id, expectedVersion: quote.version };
  expect((await mutate(who, 'cancelQuoteRequest', 'QuoteActionInput', input, QUOTE)).status).toBe(
    'CANCELLED',
  );
  const read = await ask(who, 'query ($id: ID!) { quoteRequest(id: $id) { updatedAt } }', {
    id: quote.id,
  });
  return new Date(read.quoteRequest.updatedAt);
}

describe('company segments', () => {
  const k: Record<string, Account> = {};
  let endsOn: string;
  let rfqLostAt: Date;

  beforeAll(async () => {
    k.frame = await company('frame');
    const agreement = await contract('frame', 'dairy', 'FRAMEWORK', day(-300));
    endsOn = agreement.endsOn;
    await mutate('dairy', 'setCreditLimit', 'SetCreditLimitInput', {
      companyId: k.frame.id,
      limit: 10_000_000,
    });
    for (const n of [-200, -50, -10]) await callOff('frame', agreement, day(n));

    k.oneoff = await company('oneoff');
    await contract('oneoff', 'dairy', 'ONE_OFF', day(-30));
    await offer(
      'dairy',
      await requestQuote('oneoff', 'dairy', 'ONE_OFF', day(-10)),
      'ONE_OFF',
      day(-10),
      day(-5),
    );

    k.rfq = await company('rfq');
    await requestQuote('rfq', 'dairy', 'ONE_OFF', T0);
    const declined = await offer(
      'dairy',
      await requestQuote('rfq', 'dairy', 'ONE_OFF', day(-2)),
      'ONE_OFF',
      day(-2),
      day(5),
    );
    rfqLostAt = await cancelQuote('rfq', declined);

    k.staged = await company('staged');
    await cancelQuote('staged', await requestQuote('staged', 'dairy', 'ONE_OFF', day(-20)));
    const staged = await mutate(
      'dairy',
      'setCompanyLifecycleStage',
      'SetCompanyLifecycleStageInput',
      { companyId: k.staged.id, stage: 'MATURE' },
      '... on CompanyLifecycle { stage }',
    );
    expect(staged.stage).toBe('MATURE');

    k.officeCo = await company('officeCo');
    await requestQuote('officeCo', 'office', 'ONE_OFF', day(-1));
  });

  it('buyers, repeat buyers, lapsed and high value count call-offs and one-off contracts', async () => {
    const first = await createSegment('dairy', 'COMPANY', { kind: 'FIRST_TIME_BUYER' });
    expect(await holds('dairy', first, k)).toEqual(['oneoff']);
    const repeat = await createSegment('dairy', 'COMPANY', {
      kind: 'REPEAT_BUYER',
      count: 3,
      days: 200,
    });
    expect(await holds('dairy', repeat, k)).toEqual(['frame']);
    expect(await holds('dairy', repeat, k, plus(T0, 1000))).toEqual([]);
    // The one-off contract was bought when the second side signed, 30 days before T0.
    const lapsed = await createSegment('dairy', 'COMPANY', { kind: 'LAPSED', days: 30 });
    expect(await holds('dairy', lapsed, k)).toEqual([]);
    expect(await holds('dairy', lapsed, k, plus(T0, 1000))).toEqual(['oneoff']);
    const big = await createSegment('dairy', 'COMPANY', {
      kind: 'HIGH_VALUE',
      amount: 29_999,
      days: 200,
    });
    expect(await holds('dairy', big, k)).toEqual(['frame']);
    expect(await holds('dairy', big, k, plus(T0, 1000))).toEqual([]);
  });

  it('groups of rules on purchases answer as their rules one by one', async () => {
    const rules = [
      { kind: 'REPEAT_BUYER', count: 3, days: 200 },
      { kind: 'HIGH_VALUE', amount: 29_999, days: 200 },
      { kind: 'FIRST_TIME_BUYER' },
      { kind: 'LAPSED', days: 20 },
    ];
    await expectGroupsAsRulesOneByOne('dairy', 'COMPANY', rules, k);
    await expectGroupsAsRulesOneByOne('admin', 'COMPANY', rules, k);
  });

  it('contract ending within D days: active contracts whose end date falls in the window', async () => {
    const today = T0.toISOString().slice(0, 10);
    const left = (Date.parse(endsOn) - Date.parse(today)) / DAY;
    expect(left).toBeGreaterThan(30);
    const ending = await createSegment('dairy', 'COMPANY', { kind: 'CONTRACT_ENDING', days: left });
    expect(await holds('dairy', ending, k)).toEqual(['frame']);
    expect(
      await preview('dairy', 'COMPANY', { kind: 'CONTRACT_ENDING', days: left - 1 }, k),
    ).toEqual([]);
    // On its last day it still ends within any window; the day after, it has ended.
    expect(await holds('dairy', ending, k, new Date(`${endsOn}T12:00:00Z`))).toEqual(['frame']);
    expect(await holds('dairy', ending, k, new Date(Date.parse(endsOn) + DAY))).toEqual([]);
  });

  it('quote lost: cancelled after an offer, or the offer expired unanswered', async () => {
    const lost = await createSegment('dairy', 'COMPANY', { kind: 'QUOTE_LOST', days: 5 });
    // The offer to `oneoff` expired 5 days before T0; `rfq` withdrew its quote just now.
    expect(await holds('dairy', lost, k)).toEqual(['oneoff', 'rfq']);
    expect(await holds('dairy', lost, k, plus(T0, 1000))).toEqual(['rfq']);
    // While the offer is valid it is not lost (its last instant included).
    expect(await holds('dairy', lost, k, day(-5))).toEqual(['rfq']);
    expect(await holds('dairy', lost, k, plus(day(-5), 1000))).toEqual(['oneoff', 'rfq']);
    // A withdrawal counts from when the database recorded it (to the second).
    expect(await holds('dairy', lost, k, plus(rfqLostAt, 5 * DAY - 1000))).toEqual(['rfq']);
    expect(await holds('dairy', lost, k, plus(rfqLostAt, 5 * DAY + 1000))).toEqual([]);
  });

  it('open RFQ: sent and not closed, an offer counting while it is valid', async () => {
    const open = await createSegment('dairy', 'COMPANY', { kind: 'OPEN_RFQ' });
    expect(await holds('dairy', open, k)).toEqual(['rfq']);
    expect(await holds('dairy', open, k, day(-5))).toEqual(['oneoff', 'rfq']);
    expect(await holds('dairy', open, k, plus(day(-5), 1000))).toEqual(['rfq']);
    expect(await preview('office', 'COMPANY', { kind: 'OPEN_RFQ' }, k)).toEqual(['officeCo']);
  });

  it('lifecycle stage: the one the seller set, else the one proposed from a year of spend', async () => {
    const stage = (s: string) => ({ kind: 'LIFECYCLE_STAGE', stage: s });
    const growth = await createSegment('dairy', 'COMPANY', stage('GROWTH'));
    const mature = await createSegment('dairy', 'COMPANY', stage('MATURE'));
    expect(await preview('dairy', 'COMPANY', stage('STARTUP'), k)).toEqual(['oneoff', 'rfq']);
    expect(await holds('dairy', growth, k)).toEqual(['frame']);
    expect(await holds('dairy', mature, k)).toEqual(['staged']);
    // 365 days after the call-off of day -50, two call-offs (20,000) still count; then one.
    expect(await holds('dairy', growth, k, day(315))).toEqual(['frame']);
    expect(await holds('dairy', growth, k, plus(day(315), 1000))).toEqual([]);

    const LIFECYCLE = `stage proposedStage spend { amount currency } setBy setAt company { id }`;
    const view = async (who: string, id: string) =>
      (await ask(who, `query { companies { id lifecycle { ${LIFECYCLE} } } }`)).companies.find(
        (c: Fields) => c.id === id,
      )?.lifecycle;
    // Every customer company has one of the three stages: the seller's view of each of them.
    const seenBy = async (who: string, account: Account) =>
      (
        await ask(
          who,
          `{ segmentPreview(accountType: COMPANY, first: 50, rule: { kind: ANY, rules: [
              { kind: LIFECYCLE_STAGE, stage: STARTUP }, { kind: LIFECYCLE_STAGE, stage: GROWTH },
              { kind: LIFECYCLE_STAGE, stage: MATURE }] }) {
            members { id ... on Company { lifecycle { ${LIFECYCLE} } } } } }`,
        )
      ).segmentPreview.members.find((m: Fields) => m.id === account.id)?.lifecycle;
    expect(await view('frame', k.frame!.id)).toBeNull();
    expect(await seenBy('dairy', k.frame!)).toEqual({
      stage: null,
      proposedStage: 'GROWTH',
      spend: { amount: 30_000, currency: 'CNY' },
      setBy: null,
      setAt: null,
      company: { id: k.frame!.id },
    });
    const set = await mutate(
      'dairy',
      'setCompanyLifecycleStage',
      'SetCompanyLifecycleStageInput',
      { companyId: k.frame!.id, stage: 'MATURE' },
      `... on CompanyLifecycle { ${LIFECYCLE} }`,
      T0,
    );
    expect(set).toMatchObject({
      stage: 'MATURE',
      proposedStage: 'GROWTH',
      setBy: 'North Dairy Sales',
      setAt: T0.toISOString(),
    });
    expect(await holds('dairy', mature, k)).toEqual(['frame', 'staged']);
    expect(await holds('dairy', growth, k)).toEqual([]);
    // Across the platform: any seller's set stage, else the proposal from all spend.
    expect(await preview('admin', 'COMPANY', stage('MATURE'), k)).toEqual(['frame', 'staged']);
    expect(await preview('admin', 'COMPANY', stage('STARTUP'), k)).toEqual([
      'officeCo',
      'oneoff',
      'rfq',
    ]);
    await mutate('dairy', 'setCompanyLifecycleStage', 'SetCompanyLifecycleStageInput', {
      companyId: k.frame!.id,
      stage: null,
    });
    expect(await holds('dairy', growth, k)).toEqual(['frame']);
    // Another shop sees no stage of a company that is not its customer.
    expect(await seenBy('office', k.frame!)).toBeUndefined();
    expect(
      await mutate('office', 'setCompanyLifecycleStage', 'SetCompanyLifecycleStageInput', {
        companyId: k.frame!.id,
        stage: 'GROWTH',
      }),
    ).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('combines company rules and tags', async () => {
    expect((await tag('dairy', k.frame!, 'Key account')).__typename).toBe('Company');
    const rule = {
      kind: 'ANY',
      rules: [
        {
          kind: 'ALL',
          rules: [
            { kind: 'HAS_TAG', tag: 'key account' },
            { kind: 'LIFECYCLE_STAGE', stage: 'GROWTH' },
          ],
        },
        { kind: 'QUOTE_LOST', days: 30 },
      ],
    };
    const id = await createSegment('dairy', 'COMPANY', rule);
    expect(await holds('dairy', id, k)).toEqual(['frame', 'oneoff', 'rfq']);
    const read = await ask('dairy', `query ($id: ID!) { segment(id: $id) { rule { ${RULE} } } }`, {
      id,
    });
    expect(read.segment.rule).toEqual(rule);
  });
});

describe('who sees what', () => {
  const c: Record<string, Account> = {};
  let dairySegment: string;
  const TAGS = `... on User { tags { tag createdBy } }`;
  const tagsOf = async (who: string, account: Account) =>
    (
      await ask(
        who,
        `{ segmentPreview(accountType: CONSUMER, first: 50, rule: { kind: ANY, rules: [
          { kind: FIRST_TIME_BUYER }, { kind: REPEAT_BUYER, count: 2, days: 3650 }] }) {
          members { id ${TAGS} } } }`,
      )
    ).segmentPreview.members.find((m: Fields) => m.id === account.id)?.tags;

  beforeAll(async () => {
    c.dairyFan = await consumer('dairyFan');
    await order('dairyFan', 'dairy', day(-1));
    c.both = await consumer('both');
    await order('both', 'dairy', day(-1));
    await order('both', 'office', day(-1));
    await tag('dairy', c.dairyFan, 'fan');
    await tag('dairy', c.both, 'dairy-vip');
    await tag('office', c.both, 'office-vip');
    await tag('admin', c.both, 'platform-vip');
    dairySegment = await createSegment('dairy', 'CONSUMER', { kind: 'HAS_TAG', tag: 'fan' });
  });

  it('each shop and the platform see only their own tags', async () => {
    expect(await tagsOf('dairy', c.both!)).toEqual([
      { tag: 'dairy-vip', createdBy: 'North Dairy Sales' },
    ]);
    expect(await tagsOf('office', c.both!)).toEqual([
      { tag: 'office-vip', createdBy: 'Office Hub Sales' },
    ]);
    expect(await tagsOf('admin', c.both!)).toEqual([
      { tag: 'platform-vip', createdBy: 'Platform Admin' },
    ]);
    // The consumer sees no tags about themselves.
    expect((await ask('both', '{ me { tags { tag } } }')).me.tags).toEqual([]);
    const inUse = await ask('dairy', '{ tagsInUse(accountType: CONSUMER) { tag accounts } }');
    expect(inUse.tagsInUse).toEqual(
      expect.arrayContaining([
        { tag: 'dairy-vip', accounts: 1 },
        { tag: 'fan', accounts: 1 },
      ]),
    );
    expect(inUse.tagsInUse).not.toContainEqual(expect.objectContaining({ tag: 'office-vip' }));
  });

  it('lists each shop its own customers by name, found by words and by its tags', async () => {
    const list = async (who: string, filter: Fields | null, first = 100, after?: string) =>
      (
        await ask(
          who,
          `query ($filter: AccountFilter, $first: Int!, $after: String) {
            accounts(accountType: CONSUMER, filter: $filter, first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`,
          { filter, first, after },
        )
      ).accounts;
    const ids = (page: Fields) => page.edges.map((e: Fields) => e.node.id);
    expect(ids(await list('dairy', null))).toEqual(
      expect.arrayContaining([c.dairyFan!.id, c.both!.id]),
    );
    const office = ids(await list('office', null));
    expect(office).toContain(c.both!.id);
    expect(office).not.toContain(c.dairyFan!.id);
    expect(ids(await list('admin', null))).toEqual(
      expect.arrayContaining([c.dairyFan!.id, c.both!.id]),
    );

    expect(ids(await list('dairy', { tag: ' FAN ' }))).toEqual([c.dairyFan!.id]);
    expect(ids(await list('office', { tag: 'fan' }))).toEqual([]);
    const email = (await ask('dairyFan', '{ me { email } }')).me.email as string;
    expect(ids(await list('dairy', { search: email.slice(3, 20).toUpperCase() }))).toEqual([
      c.dairyFan!.id,
    ]);
    expect(ids(await list('dairy', { search: '100%_' }))).toEqual([]);

    const all = await list('dairy', null);
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = await list('dairy', null, 1, after);
      paged.push(...ids(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(paged).toEqual(ids(all));
    expect(all.totalCount).toBe(paged.length);

    const bad = await gw.gql(
      '{ accounts(accountType: CONSUMER, filter: { tag: "!!" }) { totalCount } }',
      {},
      token.dairy,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.fields).toMatchObject([
      { path: 'filter.tag', problems: [{ code: 'TAG' }] },
    ]);
    expect(
      errorCode(await gw.gql('{ accounts(accountType: COMPANY) { totalCount } }', {}, token.frame)),
    ).toBe('FORBIDDEN');
  });

  it('tells editors the currency of high-value amounts', async () => {
    for (const who of ['dairy', 'admin']) {
      expect((await ask(who, '{ platformCurrency }')).platformCurrency).toBe('CNY');
    }
  });

  it("another shop's segments, customers and tags answer as missing", async () => {
    const seen = await ask('office', 'query ($id: ID!) { segment(id: $id) { id } }', {
      id: dairySegment,
    });
    expect(seen.segment).toBeNull();
    expect(
      await mutate(
        'office',
        'updateSegment',
        'UpdateSegmentInput',
        { id: dairySegment, name: 'taken over' },
        '... on Segment { id }',
      ),
    ).toMatchObject({ __typename: 'NotFoundError' });
    const deleted = await ask('office', 'mutation ($id: ID!) { deleteSegment(id: $id) }', {
      id: dairySegment,
    });
    expect(deleted.deleteSegment).toBe(false);
    const listed = await ask('office', '{ segments(first: 100) { edges { node { id } } } }');
    expect(listed.segments.edges.map((e: Fields) => e.node.id)).not.toContain(dairySegment);
    const inside = await ask(
      'office',
      'query ($a: AccountInput!) { accountSegments(account: $a) { id } }',
      {
        a: c.dairyFan,
      },
    );
    expect(inside.accountSegments).toEqual([]);
    expect(await tag('office', c.dairyFan!, 'poached')).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await tag('office', { type: 'CONSUMER', id: '999999' }, 'ghost')).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await preview('office', 'CONSUMER', { kind: 'LAPSED', days: 0 + 1 }, c, day(1))).toEqual(
      ['both'],
    );
    // A company member is no consumer to tag.
    expect(
      await tag(
        'admin',
        { type: 'CONSUMER', id: (await ask('frame', '{ me { id } }')).me.id },
        'x',
      ),
    ).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('platform admins see and change every segment', async () => {
    const seen = await ask(
      'admin',
      'query ($id: ID!) { segment(id: $id) { id seller { slug } createdBy } }',
      { id: dairySegment },
    );
    expect(seen.segment).toEqual({
      id: dairySegment,
      seller: { slug: 'north-dairy' },
      createdBy: 'North Dairy Sales',
    });
    const renamed = await mutate(
      'admin',
      'updateSegment',
      'UpdateSegmentInput',
      { id: dairySegment, name: 'Fans' },
      '... on Segment { name updatedBy memberCount seller { slug } }',
    );
    expect(renamed).toMatchObject({
      name: 'Fans',
      updatedBy: 'Platform Admin',
      memberCount: 1,
      seller: { slug: 'north-dairy' },
    });
    const all = await ask(
      'admin',
      '{ segments(first: 100) { edges { node { id seller { slug } } } } }',
    );
    const owners = new Set(
      all.segments.edges.map((e: Fields) => e.node.seller?.slug ?? 'platform'),
    );
    expect([...owners].sort()).toEqual(['north-dairy', 'platform']);
  });

  it('others may not use segments or tags at all', async () => {
    for (const who of ['dairyFan', 'frame']) {
      for (const query of [
        '{ segments { edges { node { id } } } }',
        '{ segmentPreview(accountType: CONSUMER, rule: { kind: FIRST_TIME_BUYER }) { memberCount } }',
        '{ tagsInUse(accountType: COMPANY) { tag } }',
        '{ platformCurrency }',
      ]) {
        expect(errorCode(await gw.gql(query, {}, token[who]))).toBe('FORBIDDEN');
      }
      const res = await gw.gql(
        'mutation ($input: AccountTagInput!) { tagAccount(input: $input) { __typename } }',
        { input: { account: c.both, tag: 'x' } },
        token[who],
      );
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(errorCode(await gw.gql('{ segments { edges { node { id } } } }'))).toBe(
      'UNAUTHENTICATED',
    );
    const staging = await gw.gql(
      `mutation { setCompanyLifecycleStage(input: { companyId: "1", stage: MATURE }) { __typename } }`,
      {},
      token.admin,
    );
    expect(errorCode(staging)).toBe('FORBIDDEN');
  });

  it('a deleted segment is gone', async () => {
    const id = await createSegment('dairy', 'CONSUMER', { kind: 'FIRST_TIME_BUYER' });
    const remove = 'mutation ($id: ID!) { deleteSegment(id: $id) }';
    expect((await ask('dairy', remove, { id })).deleteSegment).toBe(true);
    expect(
      (await ask('dairy', 'query ($id: ID!) { segment(id: $id) { id } }', { id })).segment,
    ).toBeNull();
    expect((await ask('dairy', remove, { id })).deleteSegment).toBe(false);
  });
});

describe('malformed rules and tags', () => {
  /** The BAD_USER_INPUT paths (and first messages) of a response. */
  const problems = (res: GqlResponse<unknown>) => {
    expect(errorCode(res), res.raw).toBe('BAD_USER_INPUT');
    return Object.fromEntries(
      (res.errors?.[0]?.extensions?.fields ?? []).map((f) => [f.path, f.messages[0]]),
    );
  };
  const create = (rule: Rule, accountType: AccountType = 'CONSUMER', name = 'bad') =>
    gw.gql(
      'mutation ($input: CreateSegmentInput!) { createSegment(input: $input) { __typename } }',
      { input: { name, accountType, rule } },
      token.dairy,
    );

  it('names each problem of a rule tree at its path', async () => {
    expect(problems(await create({ kind: 'FIRST_TIME_BUYER', days: 30 }))).toEqual({
      'input.rule.days': 'FIRST_TIME_BUYER takes no days',
    });
    expect(problems(await create({ kind: 'REPEAT_BUYER', days: 0 }))).toEqual({
      'input.rule.days': 'days must be from 1 to 3650',
      'input.rule.count': 'REPEAT_BUYER needs count',
    });
    expect(
      problems(
        await create({
          kind: 'ALL',
          rules: [
            { kind: 'LAPSED', days: 5000 },
            { kind: 'HAS_TAG', tag: '!!' },
            { kind: 'OPEN_RFQ' },
            { kind: 'HIGH_VALUE', amount: 0, days: 30, stage: 'GROWTH' },
          ],
        }),
      ),
    ).toEqual({
      'input.rule.rules.0.days': 'days must be from 1 to 3650',
      'input.rule.rules.1.tag': expect.stringMatching(/^A tag is 1 to 40 letters/),
      'input.rule.rules.2.kind': 'OPEN_RFQ selects companies only, not consumers',
      'input.rule.rules.3.amount': 'amount must be from 1 to 2000000000',
      'input.rule.rules.3.stage': 'HIGH_VALUE takes no stage',
    });
    expect(problems(await create({ kind: 'ANY', rules: [] }))).toEqual({
      'input.rule.rules': 'A group holds 1 to 10 rules',
    });
    const deep = {
      kind: 'ALL',
      rules: [
        {
          kind: 'ANY',
          rules: [{ kind: 'ALL', rules: [{ kind: 'ANY', rules: [{ kind: 'OPEN_RFQ' }] }] }],
        },
      ],
    };
    expect(problems(await create(deep, 'COMPANY'))).toEqual({
      'input.rule.rules.0.rules.0.rules': 'Groups nest at most 3 deep',
    });
    const preview = await gw.gql(
      `{ segmentPreview(accountType: COMPANY, rule: { kind: CONTRACT_ENDING }) { memberCount } }`,
      {},
      token.dairy,
    );
    expect(problems(preview)).toEqual({ 'rule.days': 'CONTRACT_ENDING needs days' });
  });

  it('refuses a name taken and a rule for the other kind of account', async () => {
    const id = await createSegment('dairy', 'CONSUMER', { kind: 'FIRST_TIME_BUYER' }, 'Taken');
    expect((await create({ kind: 'FIRST_TIME_BUYER' }, 'CONSUMER', ' Taken ')).data).toEqual({
      createSegment: { __typename: 'AlreadyExistsError' },
    });
    // Names are kept per owner: another shop may use it.
    await createSegment('office', 'CONSUMER', { kind: 'FIRST_TIME_BUYER' }, 'Taken');
    const other = await createSegment('dairy', 'CONSUMER', { kind: 'FIRST_TIME_BUYER' });
    expect(
      await mutate('dairy', 'updateSegment', 'UpdateSegmentInput', { id: other, name: 'Taken' }),
    ).toMatchObject({ __typename: 'AlreadyExistsError', errorCode: 'ALREADY_EXISTS' });
    const res = await gw.gql(
      'mutation ($input: UpdateSegmentInput!) { updateSegment(input: $input) { __typename } }',
      { input: { id, rule: { kind: 'QUOTE_LOST', days: 30 } } },
      token.dairy,
    );
    expect(problems(res)).toEqual({
      'input.rule.kind': 'QUOTE_LOST selects companies only, not consumers',
    });
  });

  it('keeps tags trimmed, in lower case and short', async () => {
    const fan = await consumer('tagged');
    await order('tagged', 'dairy', day(-1));
    const tagRes = (text: string) =>
      gw.gql(
        'mutation ($input: AccountTagInput!) { tagAccount(input: $input) { __typename } }',
        { input: { account: fan, tag: text } },
        token.dairy,
      );
    for (const text of ['   ', 'x'.repeat(41), '-vip', 'vip!']) {
      expect(Object.keys(problems(await tagRes(text)))).toEqual(['input.tag']);
    }
    expect((await tagRes('重要客户')).data).toEqual({ tagAccount: { __typename: 'User' } });
    expect((await tagRes('ＶＩＰ  2026')).data).toEqual({ tagAccount: { __typename: 'User' } });
    const inUse = await ask('dairy', '{ tagsInUse(accountType: CONSUMER) { tag } }');
    expect(inUse.tagsInUse.map((t: Fields) => t.tag)).toEqual(
      expect.arrayContaining(['vip 2026', '重要客户']),
    );
  });
});

describe('lists', () => {
  it('pages segments newest first, and counts members for a page in one statement', async () => {
    for (const n of [1, 2, 3]) {
      await createSegment('office', 'COMPANY', { kind: 'OPEN_RFQ' }, `page ${n}`);
    }
    const page = async (first: number, after: string | null) =>
      gw.gql<Fields>(
        `query ($first: Int!, $after: String) { segments(first: $first, after: $after, accountType: COMPANY) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { id name memberCount createdBy seller { slug } rule { kind } } } } }`,
        { first, after },
        token.office,
      );
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const res: GqlResponse<Fields> = await page(2, after);
      total = res.data.segments.totalCount;
      ids.push(...res.data.segments.edges.map((e: Fields) => e.node.id));
      after = res.data.segments.pageInfo.hasNextPage ? res.data.segments.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(ids).toHaveLength(total);
    expect(ids).toEqual([...ids].sort((a, b) => Number(b) - Number(a)));
    const small = await page(1, null);
    const large = await page(100, null);
    expect(large.data.segments.edges[0].node).toMatchObject({
      name: 'page 3',
      memberCount: 1,
      seller: { slug: 'office-hub' },
    });
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
  });

  it('previews a rule, counted and its first members, in one statement', async () => {
    const cost = async (query: string) => {
      const res = await gw.gql<Fields>(query, {}, token.office);
      expect(res.errors, res.raw).toBeUndefined();
      return res.extensions?.sqlStatements as number;
    };
    const oneStatement = await cost('{ tagsInUse(accountType: CONSUMER) { tag } }');
    const preview = await cost(`{ segmentPreview(accountType: CONSUMER, first: 50, rule: {
      kind: ALL, rules: [{ kind: REPEAT_BUYER, count: 2, days: 3650 }, { kind: LAPSED, days: 1 }] })
      { memberCount members { id } } }`);
    expect(preview).toBe(oneStatement);
  });

  it("answers an account's segments in one statement however many there are", async () => {
    const fan = await consumer('counted');
    await order('counted', 'office', day(-1));
    const ask = () =>
      gw.gql<Fields>(
        'query ($a: AccountInput!) { accountSegments(account: $a) { id } }',
        { a: fan },
        token.office,
      );
    const before = await ask();
    await createSegment('office', 'CONSUMER', {
      kind: 'ANY',
      rules: [{ kind: 'FIRST_TIME_BUYER' }, { kind: 'LAPSED', days: 30 }],
    });
    const after = await ask();
    expect(after.data.accountSegments.length).toBe(before.data.accountSegments.length + 1);
    expect(after.extensions?.sqlStatements).toBe(before.extensions?.sqlStatements);
  });
});
