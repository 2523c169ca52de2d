import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, type TestGateway } from './harness.js';
import { ADDRESS, setAvailable } from './shop.js';

type Fields = Record<string, any>;

let gw: TestGateway;
const token: Record<string, string> = {};
let dairyId: string;
let variantId: string;

async function ask(who: string, query: string, variables: Fields = {}): Promise<Fields> {
  const res = await gw.gql<Fields>(query, variables, token[who]);
  if (res.errors) throw new Error(res.raw);
  return res.data;
}

const QUOTE = `__typename
  ... on QuoteRequest { id status version allowedActions lines { id }
    latestVersion { installments { label amount { amount currency } } } }
  ... on ErrorResult { errorCode message }`;

async function step(who: string, name: string, inputType: string, input: Fields) {
  const data = await ask(
    who,
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${QUOTE} } }`,
    { input },
  );
  return data[name] as Fields;
}

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

const SCHEDULE = [
  { label: 'Deposit', amount: 1_000, trigger: 'ON_SIGNING' },
  { label: 'Delivery', percentBp: 3333, trigger: 'ON_DELIVERY', netDays: 15 },
  { label: 'Final', percentBp: 6667, trigger: 'ON_ACCEPTANCE', netDays: 30 },
];

/** The seller's offer (or the buyer's counter) at `unitPrice` on the one line, with `milestones`. */
function offerInput(quote: Fields, unitPrice: number, milestones: Fields[] = SCHEDULE) {
  return {
    quoteId: quote.id,
    expectedVersion: quote.version,
    validUntil: inADay(),
    paymentTerms: { kind: 'INSTALLMENTS', milestones },
    lines: [{ lineId: quote.lines[0].id, unitPrice }],
  };
}

/** The quote's allowed actions as each viewer sees them (null: they cannot see the quote). */
async function actionsOf(id: string): Promise<Record<string, string[] | null>> {
  const seen: Record<string, string[] | null> = {};
  for (const who of ['buyer', 'finance', 'seller', 'otherSeller']) {
    const data = await ask(who, 'query ($id: ID!) { quoteRequest(id: $id) { allowedActions } }', {
      id,
    });
    seen[who] = data.quoteRequest?.allowedActions ?? null;
  }
  return seen;
}

const PREVIEW = `query ($input: InstallmentPreviewInput!) { installmentPreview(input: $input) {
  __typename
  ... on InstallmentPreview { total { amount currency }
    installments { label trigger netDays dueDate amount { amount currency } } }
  ... on InvalidScheduleError { errorCode message percentBp problems { milestone code message } }
} }`;

const preview = async (amount: number, milestones: Fields[], who = 'seller') =>
  (await ask(who, PREVIEW, { input: { total: { amount, currency: 'CNY' }, milestones } }))
    .installmentPreview as Fields;

beforeAll(async () => {
  gw = await startGateway();
  const logins = {
    buyer: 'buyer@acme.example',
    finance: 'finance@acme.example',
    acmeAdmin: 'admin@acme.example',
    seller: 'sales@north-dairy.example',
    otherSeller: 'sales@office-hub.example',
  };
  for (const [who, email] of Object.entries(logins)) token[who] = await gw.login(email);
  const acmeId = (await ask('acmeAdmin', '{ companies { id } }')).companies[0].id;
  dairyId = (await ask('buyer', '{ sellers { id slug } }')).sellers.find(
    (s: Fields) => s.slug === 'north-dairy',
  ).id;
  const products = await ask(
    'buyer',
    'query ($s: ID!) { products(first: 1, filter: { sellerId: $s }) { edges { node { id variants { id } } } } }',
    { s: dairyId },
  );
  const product = products.products.edges[0].node;
  variantId = product.variants[0].id;
  await setAvailable(gw, token.seller as string, { id: variantId, productId: product.id }, 1_000);
  await ask(
    'acmeAdmin',
    `mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { __typename } }`,
    { input: { companyId: acmeId, stages: [{ department: 'FINANCE', mode: 'ANY' }] } },
  );
});
afterAll(() => gw?.stop());

describe("a quote's allowed actions", () => {
  it('follow the negotiation, and every step listed is taken while others are refused', async () => {
    let quote = await step('buyer', 'createQuoteRequest', 'CreateQuoteRequestInput', {
      sellerId: dairyId,
      dealKind: 'ONE_OFF',
      deliveryAddress: ADDRESS,
      lines: [{ variantId, quantity: 10 }],
    });
    expect(quote.allowedActions).toEqual(['EDIT', 'SUBMIT', 'CANCEL']);
    expect(await actionsOf(quote.id)).toEqual({
      buyer: ['EDIT', 'SUBMIT', 'CANCEL'],
      finance: [],
      seller: null,
      otherSeller: null,
    });

    quote = await step('buyer', 'submitQuoteRequest', 'QuoteActionInput', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    expect(await actionsOf(quote.id)).toEqual({
      buyer: ['CANCEL', 'POST_MESSAGE'],
      finance: ['POST_MESSAGE'],
      seller: ['OFFER', 'CANCEL', 'POST_MESSAGE'],
      otherSeller: null,
    });
    const early = await gw.gql(
      `mutation ($input: OfferInput!) { counterQuote(input: $input) { ${QUOTE} } }`,
      { input: offerInput(quote, 90) },
      token.buyer,
    );
    expect(early.data.counterQuote).toMatchObject({ errorCode: 'INVALID_STATE' });

    quote = await step('seller', 'offerQuote', 'OfferInput', offerInput(quote, 1_000));
    expect(quote).toMatchObject({
      status: 'OFFERED',
      allowedActions: ['REVISE', 'CANCEL', 'POST_MESSAGE'],
    });
    expect(await actionsOf(quote.id)).toEqual({
      buyer: ['COUNTER', 'ACCEPT', 'CANCEL', 'POST_MESSAGE'],
      finance: ['POST_MESSAGE'],
      seller: ['REVISE', 'CANCEL', 'POST_MESSAGE'],
      otherSeller: null,
    });
    const notBuying = await gw.gql(
      `mutation ($input: OfferInput!) { counterQuote(input: $input) { ${QUOTE} } }`,
      { input: offerInput(quote, 900) },
      token.finance,
    );
    expect(errorCode(notBuying)).toBe('FORBIDDEN');

    quote = await step('seller', 'offerQuote', 'OfferInput', offerInput(quote, 980));
    expect(quote.status).toBe('OFFERED');
    quote = await step('buyer', 'counterQuote', 'OfferInput', offerInput(quote, 950));
    expect(quote).toMatchObject({
      status: 'COUNTERED',
      allowedActions: ['CANCEL', 'POST_MESSAGE'],
    });
    expect((await actionsOf(quote.id)).seller).toEqual(['OFFER', 'CANCEL', 'POST_MESSAGE']);

    quote = await step('seller', 'offerQuote', 'OfferInput', offerInput(quote, 960));
    quote = await step('buyer', 'acceptQuote', 'QuoteActionInput', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    expect(quote.status).toBe('PENDING_APPROVAL');
    expect(await actionsOf(quote.id)).toEqual({
      buyer: ['POST_MESSAGE'],
      finance: ['POST_MESSAGE'],
      seller: ['POST_MESSAGE'],
      otherSeller: null,
    });
    // The seller cannot revise an offer the buyer's company is deciding on.
    const revised = await step('seller', 'offerQuote', 'OfferInput', offerInput(quote, 900));
    expect(revised).toMatchObject({ errorCode: 'INVALID_STATE' });
    const withdrawn = await step('buyer', 'cancelQuoteRequest', 'QuoteActionInput', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    expect(withdrawn).toMatchObject({ errorCode: 'INVALID_STATE' });
  });

  it('cost no SQL statement in a list', async () => {
    const count = async (fields: string) =>
      (await gw.gql(`{ quoteRequests { edges { node { ${fields} } } } }`, {}, token.seller))
        .extensions?.sqlStatements;
    for (const description of ['Boxes', 'Tape']) {
      const created = await step('buyer', 'createQuoteRequest', 'CreateQuoteRequestInput', {
        sellerId: dairyId,
        dealKind: 'ONE_OFF',
        deliveryAddress: ADDRESS,
        lines: [{ description, quantity: 1 }],
      });
      await step('buyer', 'submitQuoteRequest', 'QuoteActionInput', {
        quoteId: created.id,
        expectedVersion: created.version,
      });
    }
    const list = await ask(
      'seller',
      '{ quoteRequests { edges { node { status allowedActions } } } }',
    );
    expect(list.quoteRequests.edges).toContainEqual({
      node: { status: 'SUBMITTED', allowedActions: ['OFFER', 'CANCEL', 'POST_MESSAGE'] },
    });
    expect(list.quoteRequests.edges.length).toBeGreaterThan(2);
    expect(await count('id status allowedActions')).toBe(await count('id status'));
  });

  it('page on the gateway in every sort, and filter what waits for your answer', async () => {
    const query = `query ($after: String, $sort: QuoteRequestSort!, $filter: QuoteRequestsFilter) {
      quoteRequests(first: 2, after: $after, sort: $sort, filter: $filter) {
        totalCount edges { node { id status createdAt updatedAt allowedActions } }
        pageInfo { hasNextPage endCursor } } }`;
    const all = async (sort: string, filter: Fields | null = null) => {
      const nodes: Fields[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const page: Fields = (await ask('seller', query, { after, sort, filter })).quoteRequests;
        nodes.push(...page.edges.map((e: Fields) => e.node));
        total = page.totalCount;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(nodes).toHaveLength(total);
      return nodes;
    };
    const time = (iso: string) => Date.parse(iso);
    const byUpdate = await all('UPDATED_DESC');
    expect(new Set(byUpdate.map((q) => q.id)).size).toBe(byUpdate.length);
    expect(byUpdate.every((q) => q.status !== 'DRAFT')).toBe(true);
    const updated = byUpdate.map((q) => time(q.updatedAt));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect((await all('UPDATED_ASC')).map((q) => q.id)).toEqual(
      byUpdate.map((q) => q.id).reverse(),
    );
    const byCreation = await all('CREATED_ASC');
    expect(byCreation.map((q) => Number(q.id))).toEqual(
      byUpdate.map((q) => Number(q.id)).sort((a, b) => a - b),
    );
    const waiting = await all('CREATED_DESC', { awaitingMe: true });
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((q) => q.allowedActions.includes('OFFER'))).toBe(true);
    const others = await all('CREATED_DESC', { awaitingMe: false });
    expect(others.some((q) => q.allowedActions.includes('OFFER'))).toBe(false);
    expect(waiting.length + others.length).toBe(byUpdate.length);
    const bad = await gw.gql(query, { after: 'nope', sort: 'UPDATED_DESC' }, token.seller);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('installmentPreview', () => {
  it('splits a total as the offer then does', async () => {
    const answer = await preview(10_001, SCHEDULE);
    expect(answer).toEqual({
      __typename: 'InstallmentPreview',
      total: { amount: 10_001, currency: 'CNY' },
      installments: [
        {
          label: 'Deposit',
          trigger: 'ON_SIGNING',
          netDays: 0,
          dueDate: null,
          amount: { amount: 1_000, currency: 'CNY' },
        },
        {
          label: 'Delivery',
          trigger: 'ON_DELIVERY',
          netDays: 15,
          dueDate: null,
          amount: { amount: 3_000, currency: 'CNY' },
        },
        {
          label: 'Final',
          trigger: 'ON_ACCEPTANCE',
          netDays: 30,
          dueDate: null,
          amount: { amount: 6_001, currency: 'CNY' },
        },
      ],
    });

    const created = await step('buyer', 'createQuoteRequest', 'CreateQuoteRequestInput', {
      sellerId: dairyId,
      dealKind: 'ONE_OFF',
      deliveryAddress: ADDRESS,
      lines: [{ description: 'Pallets', quantity: 1 }],
    });
    const submitted = await step('buyer', 'submitQuoteRequest', 'QuoteActionInput', {
      quoteId: created.id,
      expectedVersion: created.version,
    });
    const offered = await step('seller', 'offerQuote', 'OfferInput', offerInput(submitted, 10_001));
    expect(offered.latestVersion.installments).toEqual(
      answer.installments.map((i: Fields) => ({ label: i.label, amount: i.amount })),
    );
    expect((await preview(10_001, SCHEDULE, 'buyer')).__typename).toBe('InstallmentPreview');
  });

  it('names every problem the offer would be refused for, with its code', async () => {
    const uneven = [
      { label: 'Deposit', percentBp: 3000, trigger: 'ON_SIGNING' },
      { label: 'Final', percentBp: 6000, trigger: 'ON_DATE', dueDate: '2027-02-30' },
      { label: ' ', amount: 100, trigger: 'ON_DELIVERY' },
    ];
    expect(await preview(10_000, uneven)).toEqual({
      __typename: 'InvalidScheduleError',
      errorCode: 'INVALID_INPUT',
      message: expect.stringContaining('dueDate'),
      percentBp: 9000,
      problems: [
        { milestone: 1, code: 'DUE_DATE', message: expect.stringContaining('dueDate') },
        { milestone: 2, code: 'LABEL', message: expect.stringContaining('label') },
        { milestone: null, code: 'PERCENT_SUM', message: expect.stringContaining('9000 bp') },
      ],
    });
    const fixedOnly = [
      { label: 'Deposit', amount: 3_000, trigger: 'ON_SIGNING' },
      { label: 'Final', amount: 6_000, trigger: 'ON_ACCEPTANCE' },
    ];
    expect(await preview(10_000, fixedOnly)).toMatchObject({
      percentBp: 0,
      problems: [{ milestone: null, code: 'FIXED_SUM' }],
    });
    expect(
      (await preview(100, [{ label: 'All', amount: 101, trigger: 'ON_SIGNING' }])).problems,
    ).toMatchObject([{ milestone: null, code: 'FIXED_OVER_TOTAL' }]);
    expect((await preview(100, [])).problems).toMatchObject([{ code: 'NO_MILESTONES' }]);

    // The offer refuses the same schedule at the first problem's milestone, with its message.
    const created = await step('buyer', 'createQuoteRequest', 'CreateQuoteRequestInput', {
      sellerId: dairyId,
      dealKind: 'ONE_OFF',
      deliveryAddress: ADDRESS,
      lines: [{ description: 'Crates', quantity: 1 }],
    });
    const submitted = await step('buyer', 'submitQuoteRequest', 'QuoteActionInput', {
      quoteId: created.id,
      expectedVersion: created.version,
    });
    const refused = await gw.gql(
      `mutation ($input: OfferInput!) { offerQuote(input: $input) { __typename } }`,
      { input: offerInput(submitted, 10_000, uneven) },
      token.seller,
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const [broken] = (await preview(10_000, uneven)).problems;
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([
      {
        path: 'input.paymentTerms.milestones.1',
        messages: [broken.message],
        problems: [{ code: 'SCHEDULE', params: { rule: broken.code } }],
      },
    ]);
  });

  it('refuses input the offer refuses too, and anonymous callers', async () => {
    const thirteen = Array.from({ length: 13 }, () => ({
      label: 'Part',
      amount: 1,
      trigger: 'ON_SIGNING',
    }));
    const many = await gw.gql(
      PREVIEW,
      { input: { total: { amount: 13, currency: 'CNY' }, milestones: thirteen } },
      token.seller,
    );
    expect(errorCode(many)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(many.errors)).toContain('milestones');
    const currency = await gw.gql(
      PREVIEW,
      { input: { total: { amount: 13, currency: 'yuan' }, milestones: thirteen.slice(1) } },
      token.seller,
    );
    expect(errorCode(currency)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(currency.errors)).toContain('total.currency');
    const anonymous = await gw.gql(PREVIEW, {
      input: { total: { amount: 1, currency: 'CNY' }, milestones: [] },
    });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});
