import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, type TestGateway } from './harness.js';
import { ADDRESS, setAvailable, stockOf, type VariantRef } from './shop.js';

type Fields = Record<string, any>;

let gw: TestGateway;
const token: Record<string, string> = {};
let acmeId: string;
let dairyId: string;
let variantId: string;
let variant: VariantRef;

const QUOTE_FIELDS = `id number status version dealKind
  latestVersion { number side total { amount } installments { label amount { amount } } }
  approval { id status currentStage currentDepartment }
  contract { id status }`;

const QUOTE = `__typename
  ... on QuoteRequest { ${QUOTE_FIELDS} }
  ... on StaleVersionError { errorCode currentVersion }
  ... on NoApproverError { errorCode department }
  ... on ErrorResult { errorCode message }`;

const APPROVAL = `__typename
  ... on ApprovalRequest { id status currentStage currentDepartment decisions { approver decision } }
  ... on NotAnApproverError { errorCode department }
  ... on StaleVersionError { errorCode currentVersion }
  ... on ErrorResult { errorCode message }`;

async function ask(who: string, query: string, variables: Fields = {}): Promise<Fields> {
  const res = await gw.gql<Fields>(query, variables, token[who]);
  if (res.errors) throw new Error(res.raw);
  return res.data;
}

async function mutate(who: string, name: string, input: Fields, selection = QUOTE) {
  const inputType = {
    createQuoteRequest: 'CreateQuoteRequestInput',
    submitQuoteRequest: 'QuoteActionInput',
    offerQuote: 'OfferInput',
    counterQuote: 'OfferInput',
    acceptQuote: 'QuoteActionInput',
    cancelQuoteRequest: 'QuoteActionInput',
    decideApproval: 'DecideApprovalInput',
    setApprovalPolicy: 'SetApprovalPolicyInput',
  }[name];
  const data = await ask(
    who,
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`,
    { input },
  );
  return data[name] as Fields;
}

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

const INSTALLMENTS = {
  kind: 'INSTALLMENTS',
  milestones: [
    { label: 'Deposit', percentBp: 3000, trigger: 'ON_SIGNING', netDays: 0 },
    { label: 'Mid-term', percentBp: 4000, trigger: 'ON_DELIVERY', netDays: 15 },
    { label: 'Final', percentBp: 3000, trigger: 'ON_ACCEPTANCE', netDays: 30 },
  ],
};

/** A submitted one-off request of two lines (a catalog variant and a free-text item). */
async function submittedQuote(buyer = 'buyer'): Promise<Fields> {
  const created = await mutate(buyer, 'createQuoteRequest', {
    sellerId: dairyId,
    dealKind: 'ONE_OFF',
    deliveryAddress: ADDRESS,
    wantedDeliveryDate: '2027-03-01',
    notes: 'Monthly office supply',
    lines: [
      { variantId, quantity: 100, targetUnitPrice: 900 },
      { description: 'Custom printed labels', quantity: 100 },
    ],
  });
  expect(created).toMatchObject({ status: 'DRAFT', version: 1 });
  return mutate(buyer, 'submitQuoteRequest', { quoteId: created.id, expectedVersion: 1 });
}

async function lineIdsOf(quoteId: string): Promise<string[]> {
  const data = await ask('seller', 'query ($id: ID!) { quoteRequest(id: $id) { lines { id } } }', {
    id: quoteId,
  });
  return data.quoteRequest.lines.map((l: { id: string }) => l.id);
}

async function offer(quote: Fields, prices: [number, number], who = 'seller', extra: Fields = {}) {
  const [a, b] = await lineIdsOf(quote.id);
  return mutate(who, who === 'seller' ? 'offerQuote' : 'counterQuote', {
    quoteId: quote.id,
    expectedVersion: quote.version,
    lines: [
      { lineId: a, unitPrice: prices[0] },
      { lineId: b, unitPrice: prices[1] },
    ],
    ...(who === 'seller'
      ? { validUntil: inADay(), deliveryTerms: 'DAP Hangzhou', paymentTerms: INSTALLMENTS }
      : {}),
    ...extra,
  });
}

async function policy(stages: Fields[], callOffThreshold: number | null = null) {
  const set = await mutate(
    'acmeAdmin',
    'setApprovalPolicy',
    { companyId: acmeId, stages, callOffThreshold },
    '__typename ... on ApprovalPolicyView { stages { department mode minAmount } }',
  );
  expect(set.stages).toHaveLength(stages.length);
}

/** The version of an approval request as `who` sees it now. */
async function versionOf(who: string, requestId: string): Promise<number> {
  return (
    await ask(who, 'query ($id: ID!) { approvalRequest(id: $id) { version } }', { id: requestId })
  ).approvalRequest.version;
}

/** `who` decides on the request as it is now (or on the version they saw). */
async function decide(
  who: string,
  requestId: string,
  decision = 'APPROVE',
  comment = '',
  expectedVersion?: number,
) {
  const version = expectedVersion ?? (await versionOf(who, requestId));
  return mutate(
    who,
    'decideApproval',
    { requestId, decision, comment, expectedVersion: version },
    APPROVAL,
  );
}

beforeAll(async () => {
  gw = await startGateway();
  const logins = {
    buyer: 'buyer@acme.example',
    sourcing: 'sourcing@acme.example',
    finance: 'finance@acme.example',
    manager: 'manager@acme.example',
    acmeAdmin: 'admin@acme.example',
    seller: 'sales@north-dairy.example',
    otherSeller: 'sales@office-hub.example',
    globex: 'buyer@globex.example',
  };
  for (const [who, email] of Object.entries(logins)) token[who] = await gw.login(email);
  acmeId = (await ask('acmeAdmin', '{ companies { id } }')).companies[0].id;
  const sellers = (await ask('buyer', '{ sellers { id slug } }')).sellers;
  dairyId = sellers.find((s: { slug: string }) => s.slug === 'north-dairy').id;
  const products = await ask(
    'buyer',
    'query ($s: ID!) { products(first: 1, filter: { sellerId: $s }) { edges { node { id variants { id } } } } }',
    { s: dairyId },
  );
  const product = products.products.edges[0].node;
  variantId = product.variants[0].id;
  variant = { id: variantId, productId: product.id };
  // Enough for every one-off deal of this file (each reserves 100 at signing).
  await setAvailable(gw, token.seller as string, variant, 5_000);
  // A second finance approver, so a FINANCE stage in ALL mode needs two approvals, and a buyer
  // who also approves for sourcing, who must not approve their own purchase.
  for (const [who, roles, department] of [
    ['finance2', ['APPROVER'], 'FINANCE'],
    ['buyerApprover', ['BUYER', 'APPROVER'], 'SOURCING'],
  ] as const) {
    const invited = await ask(
      'acmeAdmin',
      `mutation ($input: InviteCompanyMemberInput!) { inviteCompanyMember(input: $input) {
        ... on InvitationPayload { token } } }`,
      { input: { companyId: acmeId, email: `${who}@acme.example`, roles, department } },
    );
    const accepted = await ask(
      who,
      `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
        ... on AuthPayload { token } } }`,
      {
        input: {
          token: invited.inviteCompanyMember.token,
          name: who,
          password: 'long-enough-1',
        },
      },
    );
    token[who] = accepted.acceptInvitation.token;
  }
});
afterAll(() => gw?.stop());

describe('a one-off deal', () => {
  it('goes from RFQ through two rounds and a three-stage approval to a signed contract', async () => {
    await policy([
      { department: 'SOURCING', mode: 'ANY', minAmount: null },
      { department: 'FINANCE', mode: 'ALL', minAmount: 50_000 },
      { department: 'MANAGEMENT', mode: 'ANY', minAmount: 50_000 },
    ]);
    let quote = await submittedQuote();
    expect(quote).toMatchObject({ status: 'SUBMITTED', version: 2 });

    quote = await offer(quote, [1_000, 50]);
    expect(quote.status).toBe('OFFERED');
    expect(quote.latestVersion).toMatchObject({
      number: 1,
      side: 'SELLER',
      total: { amount: 105_000 },
    });
    expect(quote.latestVersion.installments.map((i: Fields) => i.amount.amount)).toEqual([
      31_500, 42_000, 31_500,
    ]);

    quote = await offer(quote, [900, 45], 'buyer', { note: 'Closer to our target, please' });
    expect(quote).toMatchObject({
      status: 'COUNTERED',
      latestVersion: { number: 2, side: 'BUYER' },
    });
    const diff = await ask(
      'buyer',
      `query ($q: ID!) { quoteVersionDiff(quoteId: $q, from: 1, to: 2) {
        lines { changed unitPriceBefore { amount } unitPriceAfter { amount } }
        totalBefore { amount } totalAfter { amount } paymentTermsChanged } }`,
      { q: quote.id },
    );
    expect(diff.quoteVersionDiff).toEqual({
      lines: [
        { changed: true, unitPriceBefore: { amount: 1_000 }, unitPriceAfter: { amount: 900 } },
        { changed: true, unitPriceBefore: { amount: 50 }, unitPriceAfter: { amount: 45 } },
      ],
      totalBefore: { amount: 105_000 },
      totalAfter: { amount: 94_500 },
      paymentTermsChanged: false,
    });

    quote = await offer(quote, [950, 48]);
    expect(quote).toMatchObject({ status: 'OFFERED', latestVersion: { number: 3 } });
    const stale = await mutate('buyer', 'acceptQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version - 1,
    });
    expect(stale).toMatchObject({ errorCode: 'STALE_VERSION', currentVersion: quote.version });

    quote = await mutate('buyer', 'acceptQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    expect(quote).toMatchObject({
      status: 'PENDING_APPROVAL',
      approval: { status: 'PENDING', currentStage: 0, currentDepartment: 'SOURCING' },
    });
    const requestId = quote.approval.id;
    const asked = await ask(
      'sourcing',
      `query ($id: ID!) { approvalRequest(id: $id) {
        version quoteId callOff { id } company { name } seller { slug } } }`,
      { id: requestId },
    );
    expect(asked.approvalRequest).toEqual({
      version: 0,
      quoteId: quote.id,
      callOff: null,
      company: { name: 'Acme Trading Co.' },
      seller: { slug: 'north-dairy' },
    });
    const canDecide = async (who: string) =>
      (
        await ask(who, 'query ($id: ID!) { approvalRequest(id: $id) { canDecide } }', {
          id: requestId,
        })
      ).approvalRequest.canDecide as boolean;
    expect(await Promise.all(['sourcing', 'finance', 'buyer', 'acmeAdmin'].map(canDecide))).toEqual(
      [true, false, false, false],
    );
    expect(await decide('sourcing', requestId, 'APPROVE', '', 1)).toMatchObject({
      errorCode: 'STALE_VERSION',
      currentVersion: 0,
    });

    const tasks = async (who: string) =>
      (
        await ask(who, '{ myApprovalTasks(first: 100) { edges { node { id } } } }')
      ).myApprovalTasks.edges.map((e: Fields) => e.node.id);
    expect(await tasks('sourcing')).toContain(requestId);
    expect(await tasks('finance')).not.toContain(requestId);
    expect(await decide('finance', requestId)).toMatchObject({
      errorCode: 'NOT_AN_APPROVER',
      department: 'SOURCING',
    });

    expect(await decide('sourcing', requestId, 'APPROVE', 'Best of three offers')).toMatchObject({
      currentDepartment: 'FINANCE',
    });
    expect(await tasks('finance')).toContain(requestId);
    expect([await canDecide('sourcing'), await canDecide('finance')]).toEqual([false, true]);
    expect(await decide('finance', requestId)).toMatchObject({ currentDepartment: 'FINANCE' });
    expect([await canDecide('finance'), await canDecide('finance2')]).toEqual([false, true]);
    expect(await tasks('finance')).not.toContain(requestId);
    expect(await tasks('finance2')).toContain(requestId);
    expect((await decide('finance', requestId)).errorCode).toBe('ALREADY_DECIDED');
    expect(await decide('finance2', requestId)).toMatchObject({ currentDepartment: 'MANAGEMENT' });
    const approved = await decide('manager', requestId);
    expect(approved).toMatchObject({ status: 'APPROVED', currentStage: null });
    expect(approved.decisions.map((d: Fields) => d.approver)).toEqual([
      'Acme Sourcing',
      'Acme Finance',
      'finance2',
      'Acme Manager',
    ]);

    const done = await ask(
      'buyer',
      `query ($id: ID!) { quoteRequest(id: $id) { ${QUOTE_FIELDS} } }`,
      {
        id: quote.id,
      },
    );
    expect(done.quoteRequest).toMatchObject({
      status: 'ACCEPTED',
      contract: { status: 'PENDING_SIGNATURE' },
    });
    const contractId = done.quoteRequest.contract.id;
    const SIGN = `mutation ($id: ID!) { signContract(id: $id) {
      __typename ... on Contract { status startsOn total { amount } lines { description quantity unitPrice { amount } }
        milestones { id label status amount { amount } } }
      ... on ErrorResult { errorCode } } }`;
    const byBuyer = await gw.gql(SIGN, { id: contractId }, token.buyer);
    expect(errorCode(byBuyer)).toBe('FORBIDDEN');
    expect((await ask('acmeAdmin', SIGN, { id: contractId })).signContract.status).toBe(
      'PENDING_SIGNATURE',
    );
    expect((await ask('acmeAdmin', SIGN, { id: contractId })).signContract.errorCode).toBe(
      'INVALID_STATE',
    );
    const active = (await ask('seller', SIGN, { id: contractId })).signContract;
    expect(active).toMatchObject({
      status: 'ACTIVE',
      startsOn: new Date().toISOString().slice(0, 10),
      total: { amount: 99_800 },
    });
    expect(active.lines.map((l: Fields) => [l.quantity, l.unitPrice.amount])).toEqual([
      [100, 950],
      [100, 48],
    ]);
    expect(active.milestones.map((m: Fields) => [m.label, m.status, m.amount.amount])).toEqual([
      ['Deposit', 'DUE', 29_940],
      ['Mid-term', 'SCHEDULED', 39_920],
      ['Final', 'SCHEDULED', 29_940],
    ]);
    expect(await stockOf(gw, variant)).toMatchObject({ onHand: 5_000, reserved: 100 });
    const [deposit, midTerm, final] = active.milestones.map((m: Fields) => m.id as string);

    const PAY = `mutation ($input: RecordContractPaymentInput!) { recordContractPayment(input: $input) {
      __typename ... on ContractPayment { id amount { amount } reference recordedAt }
      ... on OverpaymentError { errorCode outstanding { amount } }
      ... on ErrorResult { errorCode } } }`;
    const pay = async (milestoneId: string, amount: number, reference: string) =>
      (await ask('seller', PAY, { input: { milestoneId, amount, reference } }))
        .recordContractPayment as Fields;
    // Recorded a minute on (the request's clock), the payment says when it was recorded.
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
    const first = (
      await gw.gql<Fields>(
        PAY,
        { input: { milestoneId: deposit, amount: 29_940, reference: 'BANK-0001' } },
        token.seller,
        at,
      )
    ).data.recordContractPayment;
    expect(first).toMatchObject({
      __typename: 'ContractPayment',
      amount: { amount: 29_940 },
      recordedAt: at.toISOString(),
    });
    expect((await pay(deposit, 29_940, 'BANK-0001')).id).toBe(first.id);
    expect((await pay(midTerm, 10, 'BANK-0001')).errorCode).toBe('ALREADY_EXISTS');
    expect(await pay(midTerm, 40_000, 'BANK-0002')).toMatchObject({
      errorCode: 'OVERPAYMENT',
      outstanding: { amount: 39_920 },
    });
    const byBuyerPay = await gw.gql(
      PAY,
      { input: { milestoneId: midTerm, amount: 1, reference: 'X' } },
      token.buyer,
    );
    expect(errorCode(byBuyerPay)).toBe('FORBIDDEN');

    const CONTRACT_ACTION = (name: string) => `mutation ($id: ID!) { ${name}(id: $id) {
      __typename ... on Contract { status deliveredAt acceptedAt disputeNote milestones { label status dueAt } }
      ... on ErrorResult { errorCode } } }`;
    expect(
      (await ask('buyer', CONTRACT_ACTION('acceptContractDelivery'), { id: contractId }))
        .acceptContractDelivery.errorCode,
    ).toBe('INVALID_STATE');
    const delivered = (
      await ask('seller', CONTRACT_ACTION('recordContractDelivery'), { id: contractId })
    ).recordContractDelivery;
    expect(delivered.milestones.map((m: Fields) => m.status)).toEqual(['PAID', 'DUE', 'SCHEDULED']);
    expect(await stockOf(gw, variant)).toMatchObject({ onHand: 4_900, reserved: 0 });
    const disputed = await ask(
      'buyer',
      `mutation ($input: DisputeContractDeliveryInput!) { disputeContractDelivery(input: $input) {
        ... on Contract { disputeNote } } }`,
      { input: { contractId, note: 'Two boxes damaged' } },
    );
    expect(disputed.disputeContractDelivery.disputeNote).toBe('Two boxes damaged');
    const accepted = (
      await ask('buyer', CONTRACT_ACTION('acceptContractDelivery'), { id: contractId })
    ).acceptContractDelivery;
    expect(accepted).toMatchObject({ status: 'ACTIVE', disputeNote: null });
    expect(accepted.milestones.map((m: Fields) => m.status)).toEqual(['PAID', 'DUE', 'DUE']);

    const inFortyDays = new Date(Date.now() + 40 * 86_400_000);
    const overdue = await gw.gql<Fields>(
      `{ dueMilestones(filter: { overdueOnly: true }) { edges { node { label status } }
        outstanding { amount } overdueCount } }`,
      {},
      token.buyer,
      inFortyDays,
    );
    expect(overdue.data.dueMilestones).toEqual({
      edges: [
        { node: { label: 'Mid-term', status: 'OVERDUE' } },
        { node: { label: 'Final', status: 'OVERDUE' } },
      ],
      outstanding: [{ amount: 39_920 + 29_940 }],
      overdueCount: 2,
    });
    const dueNow = await ask(
      'seller',
      '{ dueMilestones { edges { node { label status contract { id } } } overdueCount } }',
    );
    expect(dueNow.dueMilestones).toEqual({
      edges: [
        { node: { label: 'Mid-term', status: 'DUE', contract: { id: contractId } } },
        { node: { label: 'Final', status: 'DUE', contract: { id: contractId } } },
      ],
      overdueCount: 0,
    });

    await pay(midTerm, 20_000, 'BANK-0002');
    await pay(midTerm, 19_920, 'BANK-0003');
    expect((await pay(final, 29_940, 'BANK-0004')).__typename).toBe('ContractPayment');
    const completed = await ask(
      'buyer',
      'query ($id: ID!) { contract(id: $id) { status milestones { status } payments { reference } } }',
      { id: contractId },
    );
    expect(completed.contract).toEqual({
      status: 'COMPLETED',
      milestones: [{ status: 'PAID' }, { status: 'PAID' }, { status: 'PAID' }],
      payments: ['BANK-0001', 'BANK-0002', 'BANK-0003', 'BANK-0004'].map((reference) => ({
        reference,
      })),
    });

    const TRAIL = `query ($d: AuditDocument!, $id: ID!) { auditTrail(document: $d, id: $id) {
      action fromState toState actor } }`;
    const trail = async (who: string, d: string, id: string) =>
      (await ask(who, TRAIL, { d, id })).auditTrail as Fields[] | null;
    expect((await trail('acmeAdmin', 'QUOTE', quote.id))?.map((e) => e.action)).toEqual([
      'created',
      'submitted',
      'offered',
      'countered',
      'offered',
      'accepted',
      'approved',
    ]);
    const contractTrail = await trail('seller', 'CONTRACT', contractId);
    expect(contractTrail?.map((e) => e.action)).toEqual([
      'drawn up',
      'signed by buyer',
      'signed by seller',
      'payment recorded',
      'delivered',
      'delivery disputed',
      'delivery accepted',
      'payment recorded',
      'payment recorded',
      'payment recorded',
      'completed',
    ]);
    expect(contractTrail?.at(-1)).toMatchObject({ fromState: 'ACTIVE', toState: 'COMPLETED' });
    expect((await trail('manager', 'APPROVAL_REQUEST', requestId))?.length).toBe(5);
    for (const outsider of ['buyer', 'globex', 'otherSeller']) {
      expect(await trail(outsider, 'CONTRACT', contractId)).toBeNull();
    }
  });

  it('returns a rejected deal to the buyer, who can accept it again', async () => {
    await policy([{ department: 'SOURCING', mode: 'ANY', minAmount: null }]);
    let quote = await offer(await submittedQuote(), [1_000, 50]);
    quote = await mutate('buyer', 'acceptQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    const rejected = await decide('sourcing', quote.approval.id, 'REJECT', 'Over budget');
    expect(rejected.status).toBe('REJECTED');
    const back = (
      await ask('buyer', `query ($id: ID!) { quoteRequest(id: $id) { ${QUOTE_FIELDS} } }`, {
        id: quote.id,
      })
    ).quoteRequest;
    expect(back).toMatchObject({ status: 'OFFERED', approval: { status: 'REJECTED' } });
    const again = await mutate('buyer', 'acceptQuote', {
      quoteId: back.id,
      expectedVersion: back.version,
    });
    expect(again.approval).toMatchObject({ status: 'PENDING' });
    expect(again.approval.id).not.toBe(quote.approval.id);
  });

  it('previews the stages an amount would go through', async () => {
    await policy([
      { department: 'SOURCING', mode: 'ANY', minAmount: null },
      { department: 'FINANCE', mode: 'ALL', minAmount: 50_000 },
    ]);
    const preview = async (who: string, amount: number) =>
      (
        await ask(
          who,
          'query ($c: ID!, $a: Int!) { approvalPreview(companyId: $c, amount: $a) { department } }',
          { c: acmeId, a: amount },
        )
      ).approvalPreview as Fields[] | null;
    expect(await preview('buyer', 10_000)).toEqual([{ department: 'SOURCING' }]);
    expect(await preview('buyer', 50_000)).toEqual([
      { department: 'SOURCING' },
      { department: 'FINANCE' },
    ]);
    expect(await preview('globex', 50_000)).toBeNull();
  });

  it('refuses self-approval, and approves below every threshold at once', async () => {
    await policy([{ department: 'SOURCING', mode: 'ANY', minAmount: null }]);
    let quote = await offer(await submittedQuote('buyerApprover'), [1_000, 50]);
    quote = await mutate('buyerApprover', 'acceptQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    expect((await decide('buyerApprover', quote.approval.id)).errorCode).toBe('SELF_APPROVAL');

    await policy([{ department: 'MANAGEMENT', mode: 'ANY', minAmount: 10_000_000 }]);
    let small = await offer(await submittedQuote(), [10, 5]);
    small = await mutate('buyer', 'acceptQuote', {
      quoteId: small.id,
      expectedVersion: small.version,
    });
    expect(small).toMatchObject({
      status: 'ACCEPTED',
      approval: { status: 'APPROVED' },
      contract: { status: 'PENDING_SIGNATURE' },
    });
  });

  it('leaves one consistent outcome when two approvers decide at once', async () => {
    await policy([
      { department: 'FINANCE', mode: 'ALL', minAmount: null },
      { department: 'MANAGEMENT', mode: 'ANY', minAmount: null },
    ]);
    let quote = await offer(await submittedQuote(), [1_000, 50]);
    quote = await mutate('buyer', 'acceptQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    const seen = await versionOf('finance', quote.approval.id);
    const both = await Promise.all([
      decide('finance', quote.approval.id, 'APPROVE', '', seen),
      decide('finance2', quote.approval.id, 'APPROVE', '', seen),
    ]);
    expect(both.map((r) => r.__typename).sort()).toEqual(['ApprovalRequest', 'StaleVersionError']);
    const loser = both.find((r) => r.__typename === 'StaleVersionError') as Fields;
    expect(loser).toMatchObject({ errorCode: 'STALE_VERSION', currentVersion: seen + 1 });
    const second = both[0] === loser ? 'finance' : 'finance2';
    expect(await decide(second, quote.approval.id)).toMatchObject({
      currentDepartment: 'MANAGEMENT',
    });
    const after = (
      await ask(
        'buyer',
        'query ($id: ID!) { approvalRequest(id: $id) { currentDepartment decisions { decision } } }',
        { id: quote.approval.id },
      )
    ).approvalRequest;
    expect(after).toEqual({
      currentDepartment: 'MANAGEMENT',
      decisions: [{ decision: 'APPROVE' }, { decision: 'APPROVE' }],
    });
  });

  it('refuses an offer once it expired', async () => {
    const quote = await offer(await submittedQuote(), [1_000, 50]);
    const ACCEPT = `mutation ($input: QuoteActionInput!) { acceptQuote(input: $input) {
      ... on QuoteExpiredError { errorCode validUntil } } }`;
    const input = { quoteId: quote.id, expectedVersion: quote.version };
    const later = await gw.gql<Fields>(
      ACCEPT,
      { input },
      token.buyer,
      new Date(Date.now() + 2 * 86_400_000),
    );
    expect(later.data.acceptQuote.errorCode).toBe('QUOTE_EXPIRED');
  });
});

describe('quotes and contracts are private to their company and seller', () => {
  it('answers outsiders as if nothing existed', async () => {
    await policy([]);
    let quote = await offer(await submittedQuote(), [1_000, 50]);
    quote = await mutate('buyer', 'acceptQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    const contractId = quote.contract.id;
    for (const outsider of ['globex', 'otherSeller']) {
      const seen = await ask(
        outsider,
        `query ($q: ID!, $c: ID!, $a: ID!) { quoteRequest(id: $q) { id } contract(id: $c) { id }
          approvalRequest(id: $a) { id } quoteRequests { totalCount edges { node { id } } }
          contracts { totalCount edges { node { id } } } }`,
        { q: quote.id, c: contractId, a: quote.approval.id },
      );
      expect(seen).toEqual({
        quoteRequest: null,
        contract: null,
        approvalRequest: null,
        quoteRequests: { totalCount: 0, edges: [] },
        contracts: { totalCount: 0, edges: [] },
      });
      const sign = await gw.gql<Fields>(
        'mutation ($id: ID!) { signContract(id: $id) { ... on ErrorResult { errorCode } } }',
        { id: contractId },
        token[outsider],
      );
      expect(sign.data.signContract.errorCode).toBe('NOT_FOUND');
    }
    const asOutsider = async (who: string, mutation: string, input: Fields) => {
      const res = await gw.gql<Fields>(mutation, { input }, token[who]);
      return (Object.values(res.data ?? {})[0] as Fields | undefined)?.errorCode ?? errorCode(res);
    };
    const action = { quoteId: quote.id, expectedVersion: quote.version };
    for (const [mutation, input] of [
      [
        'mutation ($input: QuoteActionInput!) { acceptQuote(input: $input) { ... on ErrorResult { errorCode } } }',
        action,
      ],
      [
        'mutation ($input: QuoteActionInput!) { cancelQuoteRequest(input: $input) { ... on ErrorResult { errorCode } } }',
        action,
      ],
      [
        'mutation ($input: QuoteMessageInput!) { postQuoteMessage(input: $input) { ... on ErrorResult { errorCode } } }',
        { quoteId: quote.id, body: 'hello' },
      ],
      [
        'mutation ($input: DecideApprovalInput!) { decideApproval(input: $input) { ... on ErrorResult { errorCode } } }',
        { requestId: quote.approval.id, decision: 'APPROVE', expectedVersion: 0 },
      ],
      [
        'mutation ($input: PlaceCallOffInput!) { placeCallOff(input: $input) { ... on ErrorResult { errorCode } } }',
        { contractId, idempotencyKey: 'outsider-1', lines: [{ contractLineId: '1', quantity: 1 }] },
      ],
    ] as const) {
      expect(await asOutsider('globex', mutation, input)).toBe('NOT_FOUND');
    }
    for (const name of ['recordContractDelivery', 'deliverCallOff']) {
      const res = await gw.gql<Fields>(
        `mutation ($id: ID!) { ${name}(id: $id) { ... on ErrorResult { errorCode } } }`,
        { id: name === 'deliverCallOff' ? '1' : contractId },
        token.otherSeller,
      );
      expect(res.data[name].errorCode).toBe('NOT_FOUND');
    }
    const offered = await gw.gql<Fields>(
      `mutation ($input: OfferInput!) { offerQuote(input: $input) { ... on ErrorResult { errorCode } } }`,
      { input: { quoteId: quote.id, expectedVersion: 1, lines: [{ lineId: '1', unitPrice: 1 }] } },
      token.otherSeller,
    );
    expect(offered.data.offerQuote.errorCode).toBe('NOT_FOUND');
    const draft = await mutate('buyer', 'createQuoteRequest', {
      sellerId: dairyId,
      dealKind: 'ONE_OFF',
      deliveryAddress: ADDRESS,
      lines: [{ description: 'Not sent yet', quantity: 1 }],
    });
    const bySeller = await ask('seller', 'query ($id: ID!) { quoteRequest(id: $id) { id } }', {
      id: draft.id,
    });
    expect(bySeller.quoteRequest).toBeNull();
  });
});

describe('bad input', () => {
  const base = { sellerId: '1', dealKind: 'ONE_OFF', deliveryAddress: ADDRESS };
  it.each([
    [{ ...base, lines: [] }, 'lines'],
    [{ ...base, lines: [{ description: 'x', quantity: 0 }] }, 'quantity'],
    [{ ...base, dealKind: 'FRAMEWORK', lines: [{ description: 'x', quantity: 1 }] }, 'termMonths'],
    [{ ...base, termMonths: 12, lines: [{ description: 'x', quantity: 1 }] }, 'termMonths'],
    [{ ...base, lines: [{ quantity: 1 }] }, 'lines.0'],
    [
      { ...base, wantedDeliveryDate: 'soon', lines: [{ description: 'x', quantity: 1 }] },
      'wantedDeliveryDate',
    ],
  ])('refuses a request for quotation: %#', async (input, field) => {
    const res = await gw.gql(
      'mutation ($input: CreateQuoteRequestInput!) { createQuoteRequest(input: $input) { __typename } }',
      { input: { ...input, sellerId: dairyId } },
      token.buyer,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain(field);
  });

  it('refuses offers that miss a line or whose schedule does not add up', async () => {
    const quote = await submittedQuote();
    const [a] = await lineIdsOf(quote.id);
    const missing = await gw.gql(
      'mutation ($input: OfferInput!) { offerQuote(input: $input) { __typename } }',
      {
        input: {
          quoteId: quote.id,
          expectedVersion: quote.version,
          lines: [{ lineId: a, unitPrice: 10 }],
          validUntil: inADay(),
          paymentTerms: INSTALLMENTS,
        },
      },
      token.seller,
    );
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    const uneven = await gw.gql(
      'mutation ($input: OfferInput!) { offerQuote(input: $input) { __typename } }',
      {
        input: {
          quoteId: quote.id,
          expectedVersion: quote.version,
          lines: (await lineIdsOf(quote.id)).map((lineId) => ({ lineId, unitPrice: 10 })),
          validUntil: inADay(),
          paymentTerms: {
            kind: 'INSTALLMENTS',
            milestones: [{ label: 'All', percentBp: 9000, trigger: 'ON_SIGNING' }],
          },
        },
      },
      token.seller,
    );
    expect(errorCode(uneven)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(uneven.errors)).toContain('paymentTerms.milestones');
    expect(uneven.raw).not.toMatch(/stack|SELECT|INSERT/);
  });
});

describe('a framework deal', () => {
  const CALL_OFF = `mutation ($input: PlaceCallOffInput!) { placeCallOff(input: $input) {
    __typename ... on CallOff { id number status total { amount } invoice { id status dueAt callOff { number } } }
    ... on CreditLimitExceededError { errorCode limit { amount } exposure { amount } }
    ... on CommittedQuantityExceededError { errorCode remaining }
    ... on ErrorResult { errorCode } } }`;
  let quoteId: string;
  let contractId: string;
  let lineIds: string[];
  let key = 0;
  const callOff = async (quantities: [number, number], idempotencyKey = `call-off-${++key}`) =>
    (
      await ask('buyer', CALL_OFF, {
        input: {
          contractId,
          idempotencyKey,
          lines: lineIds
            .map((contractLineId, i) => ({ contractLineId, quantity: quantities[i] ?? 0 }))
            .filter((l) => l.quantity > 0),
        },
      })
    ).placeCallOff as Fields;
  const exposure = async () =>
    (
      await ask(
        'seller',
        `query ($acme: ID!) { creditLines(filter: { companyIds: [$acme] }) {
          edges { node { exposure { amount } } } } }`,
        { acme: acmeId },
      )
    ).creditLines.edges[0]?.node.exposure.amount ?? 0;
  const setLimit = (limit: number) =>
    ask(
      'seller',
      `mutation ($input: SetCreditLimitInput!) { setCreditLimit(input: $input) {
        ... on CreditLine { limit { amount } } } }`,
      { input: { companyId: acmeId, limit } },
    );

  beforeAll(async () => {
    await policy([]);
    const created = await mutate('buyer', 'createQuoteRequest', {
      sellerId: dairyId,
      dealKind: 'FRAMEWORK',
      termMonths: 12,
      deliveryAddress: ADDRESS,
      // The buyer's first guess; the offer commits them to 500 and 50 over the term.
      lines: [
        { variantId, quantity: 100 },
        { description: 'Cold-chain delivery per drop', quantity: 10 },
      ],
    });
    quoteId = created.id;
    let quote = await mutate('buyer', 'submitQuoteRequest', {
      quoteId: created.id,
      expectedVersion: 1,
    });
    const [a, b] = await lineIdsOf(quote.id);
    quote = await mutate('seller', 'offerQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version,
      validUntil: inADay(),
      paymentTerms: { kind: 'NET', netDays: 30 },
      lines: [
        { lineId: a, unitPrice: 900, committedQuantity: 500 },
        { lineId: b, unitPrice: 2_000, committedQuantity: 50 },
      ],
    });
    quote = await mutate('buyer', 'acceptQuote', {
      quoteId: quote.id,
      expectedVersion: quote.version,
    });
    contractId = quote.contract.id;
    const SIGN = `mutation ($id: ID!) { signContract(id: $id) { ... on Contract { status startsOn endsOn } } }`;
    await ask('acmeAdmin', SIGN, { id: contractId });
    const signed = (await ask('seller', SIGN, { id: contractId })).signContract;
    expect(signed.status).toBe('ACTIVE');
    const start = new Date(`${signed.startsOn}T00:00:00Z`);
    const end = new Date(
      Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate()) - 86_400_000,
    );
    expect(signed.endsOn).toBe(end.toISOString().slice(0, 10));
    lineIds = (
      await ask('buyer', 'query ($id: ID!) { contract(id: $id) { lines { id } } }', {
        id: contractId,
      })
    ).contract.lines.map((l: Fields) => l.id);
  });

  it('is worth what it commits the buyer to, for the approval chain and on the contract', async () => {
    const { quoteRequest } = await ask(
      'buyer',
      `query ($id: ID!) { quoteRequest(id: $id) {
        latestVersion { total { amount } lines { quantity committedQuantity lineTotal { amount } } }
        approval { total { amount } }
        contract { total { amount } lines { quantity } } } }`,
      { id: quoteId },
    );
    const worth = 500 * 900 + 50 * 2_000;
    expect(quoteRequest).toEqual({
      latestVersion: {
        total: { amount: worth },
        lines: [
          { quantity: 100, committedQuantity: 500, lineTotal: { amount: 500 * 900 } },
          { quantity: 10, committedQuantity: 50, lineTotal: { amount: 50 * 2_000 } },
        ],
      },
      approval: { total: { amount: worth } },
      contract: { total: { amount: worth }, lines: [{ quantity: 500 }, { quantity: 50 }] },
    });
  });

  it("shows the contract price to the company's members only", async () => {
    const PRICE = `query ($id: ID!) { product(id: $id) { variants { id price { unitPrice { amount } source ruleId } } } }`;
    const priceFor = async (who?: string) => {
      const res = await gw.gql<Fields>(
        PRICE,
        { id: variant.productId },
        who ? token[who] : undefined,
      );
      return res.data.product.variants.find((v: Fields) => v.id === variantId).price;
    };
    expect(await priceFor('buyer')).toMatchObject({
      unitPrice: { amount: 900 },
      source: 'CONTRACT',
      ruleId: lineIds[0],
    });
    expect((await priceFor('globex')).source).not.toBe('CONTRACT');
    expect((await priceFor()).source).toBe('LIST');
  });

  it('draws down committed quantities within the credit line, invoiced at net terms', async () => {
    const owed = await exposure();
    await setLimit(owed + 100_000);
    const first = await callOff([100, 0]);
    expect(first).toMatchObject({ __typename: 'CallOff', total: { amount: 90_000 } });
    expect(first.invoice).toMatchObject({ status: 'DUE', callOff: { number: first.number } });
    expect(await exposure()).toBe(owed + 90_000);
    const line = (
      await ask(
        'seller',
        `query ($acme: ID!) { creditLines(filter: { companyIds: [$acme] }) {
          edges { node { limit { amount } available { amount } } } } }`,
        { acme: acmeId },
      )
    ).creditLines.edges[0].node;
    expect(line).toMatchObject({
      limit: { amount: owed + 100_000 },
      available: { amount: 10_000 },
    });
    const again = await callOff([100, 0], `call-off-${key}`);
    expect(again.id).toBe(first.id);

    expect(await callOff([20, 0])).toMatchObject({
      errorCode: 'CREDIT_LIMIT_EXCEEDED',
      limit: { amount: owed + 100_000 },
      exposure: { amount: owed + 90_000 },
    });
    await setLimit(owed + 10_000_000);
    expect(await callOff([401, 0])).toMatchObject({
      errorCode: 'COMMITTED_QUANTITY_EXCEEDED',
      remaining: 400,
    });
    expect((await callOff([0, 5])).total.amount).toBe(10_000);
    const contract = (
      await ask(
        'buyer',
        'query ($id: ID!) { contract(id: $id) { lines { quantity drawnQuantity remainingQuantity } callOffs { number } } }',
        { id: contractId },
      )
    ).contract;
    expect(contract.lines).toEqual([
      { quantity: 500, drawnQuantity: 100, remainingQuantity: 400 },
      { quantity: 50, drawnQuantity: 5, remainingQuantity: 45 },
    ]);
    expect(contract.callOffs).toHaveLength(2);

    const later = new Date(Date.now() + 31 * 86_400_000);
    const overdue = await gw.gql<Fields>(
      '{ dueMilestones(first: 100, filter: { overdueOnly: true }) { edges { node { id } } } }',
      {},
      token.buyer,
      later,
    );
    expect(overdue.data.dueMilestones.edges.map((e: Fields) => e.node.id)).toContain(
      first.invoice.id,
    );

    const stockBefore = await stockOf(gw, variant);
    const delivered = await ask(
      'seller',
      'mutation ($id: ID!) { deliverCallOff(id: $id) { ... on CallOff { status } } }',
      { id: first.id },
    );
    expect(delivered.deliverCallOff.status).toBe('DELIVERED');
    expect(await stockOf(gw, variant)).toMatchObject({
      onHand: stockBefore.onHand - 100,
      reserved: stockBefore.reserved - 100,
    });
    const paid = await ask(
      'seller',
      `mutation ($input: RecordContractPaymentInput!) { recordContractPayment(input: $input) {
        __typename } }`,
      { input: { milestoneId: first.invoice.id, amount: 90_000, reference: 'FW-0001' } },
    );
    expect(paid.recordContractPayment.__typename).toBe('ContractPayment');
    expect(await exposure()).toBe(owed + 10_000);
  });

  it('lets exactly as many concurrent call-offs through as the credit allows', async () => {
    const owed = await exposure();
    await setLimit(owed + 5 * 9_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => callOff([10, 0])));
    const kinds = results.map((r) => r.__typename);
    expect(kinds.filter((k) => k === 'CallOff')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'CreditLimitExceededError')).toHaveLength(15);
    expect(await exposure()).toBe(owed + 45_000);

    await setLimit(owed + 10_000_000);
    const twins = await Promise.all([callOff([1, 0], 'twin-key'), callOff([1, 0], 'twin-key')]);
    expect(twins[0]!.id).toBeDefined();
    expect(twins[1]!.id).toBe(twins[0]!.id);
    expect(await exposure()).toBe(owed + 45_000 + 900);
  });

  it('routes call-offs from the threshold on through approval, releasing rejected ones', async () => {
    await policy([{ department: 'FINANCE', mode: 'ANY', minAmount: null }], 50_000);
    await setLimit((await exposure()) + 10_000_000);
    const drawn = async () =>
      (
        await ask('buyer', 'query ($id: ID!) { contract(id: $id) { lines { drawnQuantity } } }', {
          id: contractId,
        })
      ).contract.lines[0].drawnQuantity as number;
    const before = { drawn: await drawn(), stock: await stockOf(gw, variant) };
    const small = await callOff([50, 0]);
    expect(small).toMatchObject({ status: 'PLACED', total: { amount: 45_000 } });
    const held = await callOff([60, 0]);
    expect(held).toMatchObject({ status: 'PENDING_APPROVAL', invoice: null });
    const rejectedOne = await callOff([70, 0]);
    const requests = (
      await ask(
        'finance',
        '{ myApprovalTasks(first: 100) { edges { node { id callOffId callOff { id contractId } } } } }',
      )
    ).myApprovalTasks.edges.map((e: Fields) => e.node);
    expect(requests.find((r: Fields) => r.callOffId === held.id).callOff).toEqual({
      id: held.id,
      contractId,
    });
    const requestOf = (id: string) => requests.find((r: Fields) => r.callOffId === id).id as string;
    expect((await decide('finance', requestOf(held.id))).status).toBe('APPROVED');
    expect(
      (await decide('finance', requestOf(rejectedOne.id), 'REJECT', 'Not this month')).status,
    ).toBe('REJECTED');
    const callOffs = (
      await ask(
        'buyer',
        'query ($id: ID!) { contract(id: $id) { callOffs { id status invoice { amount { amount } } } } }',
        { id: contractId },
      )
    ).contract.callOffs;
    expect(callOffs.find((c: Fields) => c.id === held.id)).toMatchObject({
      status: 'PLACED',
      invoice: { amount: { amount: 54_000 } },
    });
    expect(callOffs.find((c: Fields) => c.id === rejectedOne.id)).toMatchObject({
      status: 'REJECTED',
      invoice: null,
    });
    expect(await drawn()).toBe(before.drawn + 110);
    expect((await stockOf(gw, variant)).reserved).toBe(before.stock.reserved + 110);
    await policy([]);
  });

  it('resolves quick-order lines: price, covering agreement, or the reason not', async () => {
    const sku = (
      await ask('buyer', 'query ($id: ID!) { product(id: $id) { variants { id sku } } }', {
        id: variant.productId,
      })
    ).product.variants.find((v: Fields) => v.id === variantId).sku as string;
    const QUICK = `query ($lines: [QuickOrderLineInput!]!) { quickOrder(lines: $lines) {
      row sku variant { id } price { unitPrice { amount } source } contractLineId problem problemCode } }`;
    const resolved = (
      await ask('buyer', QUICK, {
        lines: [
          { sku, quantity: 5 },
          { sku: 'NO-SUCH-SKU', quantity: 1 },
          { sku, quantity: 100_000 },
        ],
      })
    ).quickOrder as Fields[];
    expect(resolved[0]).toMatchObject({
      row: 1,
      variant: { id: variantId },
      price: { unitPrice: { amount: 900 }, source: 'CONTRACT' },
      contractLineId: lineIds[0],
      problem: null,
    });
    expect(resolved[1]).toMatchObject({
      row: 2,
      variant: null,
      problem: expect.stringContaining('SKU'),
    });
    expect(resolved[2]!.problem).toMatch(/remain under contract C-/);
    expect(resolved[2]!.problemCode).toBe('EXCEEDS_CONTRACT');
    const consumer = await gw.login('alice@marketgate.example');
    expect(errorCode(await gw.gql(QUICK, { lines: [{ sku, quantity: 1 }] }, consumer))).toBe(
      'FORBIDDEN',
    );
  });

  it("keeps the agreement's call-off orders in its audit trail", async () => {
    const trail = (
      await ask(
        'seller',
        'query ($id: ID!) { auditTrail(document: CONTRACT, id: $id) { action toState } }',
        { id: contractId },
      )
    ).auditTrail as Fields[];
    const actions = trail.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['drawn up', 'signed by buyer', 'signed by seller']);
    expect(actions).toContain('placed');
    expect(actions).toContain('delivered');
    expect(actions).toContain('payment recorded');
  });

  it('is listed for renewal and renews as a draft request', async () => {
    const nearing = await ask('buyer', '{ contractsNearingEnd(withinDays: 400) { id } }');
    expect(nearing.contractsNearingEnd.map((c: Fields) => c.id)).toContain(contractId);
    const soon = await ask('buyer', '{ contractsNearingEnd(withinDays: 30) { id } }');
    expect(soon.contractsNearingEnd.map((c: Fields) => c.id)).not.toContain(contractId);
    const renewed = await ask(
      'buyer',
      `mutation ($id: ID!) { renewContract(id: $id) {
        ... on QuoteRequest { status dealKind lines { description quantity targetUnitPrice { amount } } } } }`,
      { id: contractId },
    );
    expect(renewed.renewContract).toMatchObject({
      status: 'DRAFT',
      dealKind: 'FRAMEWORK',
      lines: [
        { quantity: 500, targetUnitPrice: { amount: 900 } },
        { description: 'Cold-chain delivery per drop', quantity: 50 },
      ],
    });
  });
});

describe('company addresses', () => {
  const SAVE = `mutation ($input: SaveCompanyAddressInput!) { saveCompanyAddress(input: $input) {
    __typename ... on CompanyAddress { id label isDefault address { city } }
    ... on InvalidAddressError { errorCode fields { path } } ... on ErrorResult { errorCode } } }`;
  const addresses = async (who: string) =>
    (await ask(who, '{ companies { id addresses { id label isDefault } } }')).companies.find(
      (c: Fields) => c.id === acmeId,
    )?.addresses as Fields[] | undefined;

  it('are kept by company admins, one default, and used by requests for quotation', async () => {
    const demo = await addresses('buyer');
    expect(demo).toEqual([
      expect.objectContaining({ label: 'Hangzhou warehouse', isDefault: true }),
    ]);
    const added = (
      await ask('acmeAdmin', SAVE, {
        input: {
          companyId: acmeId,
          label: 'Ningbo plant',
          address: { ...ADDRESS, city: 'Ningbo' },
          isDefault: true,
        },
      })
    ).saveCompanyAddress;
    expect(added).toMatchObject({
      label: 'Ningbo plant',
      isDefault: true,
      address: { city: 'Ningbo' },
    });
    expect((await addresses('buyer'))?.map((a) => [a.label, a.isDefault])).toEqual([
      ['Ningbo plant', true],
      ['Hangzhou warehouse', false],
    ]);
    const invalid = (
      await ask('acmeAdmin', SAVE, {
        input: { companyId: acmeId, label: 'Bad', address: { ...ADDRESS, postalCode: 'x' } },
      })
    ).saveCompanyAddress;
    expect(invalid.errorCode).toBe('INVALID_ADDRESS');
    const byBuyer = await gw.gql(
      SAVE,
      { input: { companyId: acmeId, label: 'X', address: ADDRESS } },
      token.buyer,
    );
    expect(errorCode(byBuyer)).toBe('FORBIDDEN');
    const byOutsider = (
      await ask('globex', SAVE, { input: { companyId: acmeId, label: 'X', address: ADDRESS } })
    ).saveCompanyAddress;
    expect(byOutsider.errorCode).toBe('NOT_FOUND');
    expect(await addresses('globex')).toBeUndefined();

    const rfq = await mutate('buyer', 'createQuoteRequest', {
      sellerId: dairyId,
      dealKind: 'ONE_OFF',
      deliveryAddressId: added.id,
      lines: [{ description: 'Pallets', quantity: 10 }],
    });
    const shown = await ask(
      'buyer',
      'query ($id: ID!) { quoteRequest(id: $id) { deliveryAddress { city } } }',
      { id: rfq.id },
    );
    expect(shown.quoteRequest.deliveryAddress.city).toBe('Ningbo');
    const foreign = await gw.gql(
      'mutation ($input: CreateQuoteRequestInput!) { createQuoteRequest(input: $input) { __typename } }',
      {
        input: {
          sellerId: dairyId,
          dealKind: 'ONE_OFF',
          lines: [{ description: 'x', quantity: 1 }],
        },
      },
      token.buyer,
    );
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');

    const removed = await ask(
      'acmeAdmin',
      'mutation ($id: ID!) { removeCompanyAddress(id: $id) }',
      {
        id: added.id,
      },
    );
    expect(removed.removeCompanyAddress).toBe(true);
    expect((await addresses('buyer'))?.map((a) => [a.label, a.isDefault])).toEqual([
      ['Hangzhou warehouse', true],
    ]);
  });
});

describe('lists', () => {
  it('cost a few statements however many quotes, contracts, bills, credit lines or tasks they hold', async () => {
    const quotes = await gw.gql<Fields>(
      `{ quoteRequests(first: 100) { edges { node { id lines { id } messages { id }
        latestVersion { lines { requestLineId } installments { label } }
        versions { number } approval { decisions { decision } } contract { id } } } } }`,
      {},
      token.buyer,
    );
    expect(quotes.data.quoteRequests.edges.length).toBeGreaterThan(10);
    expect(quotes.extensions?.sqlStatements).toBeLessThanOrEqual(12);
    const contracts = await gw.gql<Fields>(
      `{ contracts(first: 100) { edges { node { id lines { id } milestones { id status }
        payments { id } callOffs { lines { id } invoice { id } } } } } }`,
      {},
      token.seller,
    );
    expect(contracts.data.contracts.edges.length).toBeGreaterThan(3);
    expect(contracts.extensions?.sqlStatements).toBeLessThanOrEqual(10);
    const bills = await gw.gql<Fields>(
      `{ dueMilestones(first: 100) { totalCount outstanding { amount } overdueCount
        edges { node { id status contract { number company { name } seller { name } } } } } }`,
      {},
      token.seller,
    );
    expect(bills.data.dueMilestones.edges.length).toBeGreaterThan(3);
    expect(bills.extensions?.sqlStatements).toBeLessThanOrEqual(8);
    const lines = await gw.gql<Fields>(
      `{ creditLines(first: 100) { totalCount
        edges { node { exposure { amount } available { amount } company { name } seller { name } } } } }`,
      {},
      token.buyer,
    );
    expect(lines.data.creditLines.edges.length).toBe(2);
    expect(lines.extensions?.sqlStatements).toBeLessThanOrEqual(7);
    const tasks = await gw.gql<Fields>(
      `{ myApprovalTasks(first: 100) { totalCount edges { node { id canDecide requestedBy
        company { name } seller { name } callOff { number } decisions { approver } } } } }`,
      {},
      token.sourcing,
    );
    expect(tasks.data.myApprovalTasks.edges.length).toBeGreaterThan(0);
    expect(tasks.extensions?.sqlStatements).toBeLessThanOrEqual(9);
  });

  it('page contracts on the gateway by end date or creation, filtered by status', async () => {
    const query = `query ($after: String, $sort: ContractSort!, $status: ContractStatus) {
      contracts(first: 2, after: $after, sort: $sort, status: $status) {
        totalCount edges { node { id status endsOn } } pageInfo { hasNextPage endCursor } } }`;
    const all = async (sort: string, status: string | null = null) =>
      (await allPages('seller', 'contracts', query, { sort, status })).nodes;
    const newest = await all('CREATED_DESC');
    expect(newest.length).toBeGreaterThan(3);
    const ids = newest.map((c) => Number(c.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await all('CREATED_ASC')).map((c) => c.id)).toEqual(newest.map((c) => c.id).reverse());
    const byEnd = await all('ENDS_ON_ASC');
    const ends = byEnd.map((c) => c.endsOn ?? '9999-12-31');
    expect(ends).toEqual([...ends].sort());
    expect(new Set(byEnd.map((c) => c.id)).size).toBe(newest.length);
    expect((await all('ENDS_ON_DESC')).map((c) => c.id)).toEqual(byEnd.map((c) => c.id).reverse());
    const active = await all('ENDS_ON_ASC', 'ACTIVE');
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((c) => c.status === 'ACTIVE')).toBe(true);
  });

  it('page approval tasks by request time or amount, to the approvers who decide them now', async () => {
    await policy([{ department: 'SOURCING', mode: 'ANY', minAmount: null }]);
    const raised: string[] = [];
    for (const prices of [
      [1_000, 50],
      [10, 5],
      [2_000, 80],
      [10, 5],
    ] as [number, number][]) {
      const offered = await offer(await submittedQuote(), prices);
      const accepted = await mutate('buyer', 'acceptQuote', {
        quoteId: offered.id,
        expectedVersion: offered.version,
      });
      raised.push(accepted.approval.id);
    }
    const query = `query ($after: String, $sort: ApprovalTaskSort!, $filter: ApprovalTasksFilter) {
      myApprovalTasks(first: 2, after: $after, sort: $sort, filter: $filter) {
        totalCount edges { node { id canDecide total { amount } } }
        pageInfo { hasNextPage endCursor } } }`;
    const tasks = async (sort: string, filter: Fields | null = null, who = 'sourcing') =>
      (await allPages(who, 'myApprovalTasks', query, { sort, filter })).nodes;
    const ids = (nodes: Fields[]) => nodes.map((t) => t.id as string);

    const oldest = await tasks('REQUESTED_ASC');
    expect(ids(oldest)).toEqual(expect.arrayContaining(raised));
    expect(oldest.map((t) => Number(t.id))).toEqual(
      oldest.map((t) => Number(t.id)).sort((a, b) => a - b),
    );
    expect(oldest.every((t) => t.canDecide)).toBe(true);
    expect(ids(await tasks('REQUESTED_DESC'))).toEqual(ids(oldest).reverse());
    const largest = await tasks('AMOUNT_DESC');
    const amounts = largest.map((t) => t.total.amount as number);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(new Set(ids(largest))).toEqual(new Set(ids(oldest)));
    expect(ids(await tasks('AMOUNT_ASC'))).toEqual(ids(largest).reverse());

    const globexId = (await ask('globex', '{ companies { id } }')).companies[0].id;
    expect(ids(await tasks('REQUESTED_ASC', { companyId: acmeId }))).toEqual(ids(oldest));
    expect(await tasks('REQUESTED_ASC', { companyId: globexId })).toEqual([]);
    expect(await tasks('REQUESTED_ASC', { companyId: 'nope' })).toEqual([]);
    for (const who of ['finance', 'buyer', 'globex']) {
      expect(ids(await tasks('REQUESTED_ASC', null, who))).not.toEqual(
        expect.arrayContaining([raised[0]]),
      );
    }
    expect(await tasks('REQUESTED_ASC', null, 'buyer')).toEqual([]);
    const bySeller = await gw.gql(query, { sort: 'REQUESTED_ASC' }, token.seller);
    expect(errorCode(bySeller)).toBe('FORBIDDEN');

    await decide('sourcing', raised[0] as string);
    expect(ids(await tasks('REQUESTED_ASC'))).not.toContain(raised[0]);
    await policy([]);
  });

  it('page due bills by due time or amount, filtered by overdue, company and contract', async () => {
    const query = `query ($after: String, $sort: DueMilestoneSort!, $filter: DueMilestonesFilter) {
      dueMilestones(first: 2, after: $after, sort: $sort, filter: $filter) {
        totalCount outstanding { amount currency } overdue { amount currency } overdueCount
        edges { node { id status dueAt outstanding { amount }
          contract { id company { id } seller { id } } } }
        pageInfo { hasNextPage endCursor } } }`;
    const later = new Date(Date.now() + 40 * 86_400_000);
    const bills = (sort: string, filter: Fields | null = null, who = 'seller', at?: Date) =>
      allPages(who, 'dueMilestones', query, { sort, filter }, at);
    const ids = (nodes: Fields[]) => nodes.map((m) => m.id as string);
    const sum = (nodes: Fields[]) => nodes.reduce((total, m) => total + m.outstanding.amount, 0);

    const { nodes: soonest, page } = await bills('DUE_ASC');
    expect(soonest.length).toBeGreaterThan(4);
    expect(soonest.every((m) => ['DUE', 'PARTIALLY_PAID', 'OVERDUE'].includes(m.status))).toBe(
      true,
    );
    expect(soonest.every((m) => m.contract.seller.id === dairyId)).toBe(true);
    const due = soonest.map((m) => m.dueAt as string);
    expect(due).toEqual([...due].sort());
    expect(page.outstanding).toEqual([{ amount: sum(soonest), currency: 'CNY' }]);
    expect(page).toMatchObject({ overdue: [], overdueCount: 0 });
    expect(ids((await bills('DUE_DESC')).nodes)).toEqual(ids(soonest).reverse());
    const largest = (await bills('OUTSTANDING_DESC')).nodes;
    const amounts = largest.map((m) => m.outstanding.amount as number);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(new Set(ids(largest))).toEqual(new Set(ids(soonest)));
    expect(ids((await bills('OUTSTANDING_ASC')).nodes)).toEqual(ids(largest).reverse());

    const overdue = await bills('DUE_ASC', { overdueOnly: true }, 'seller', later);
    expect(overdue.nodes.length).toBeGreaterThan(0);
    expect(overdue.nodes.every((m) => m.status === 'OVERDUE')).toBe(true);
    const asOfLater = (await bills('DUE_ASC', null, 'seller', later)).page;
    expect(asOfLater.overdueCount).toBe(overdue.nodes.length);
    expect(asOfLater.overdue).toEqual([{ amount: sum(overdue.nodes), currency: 'CNY' }]);
    expect(overdue.page.outstanding).toEqual(asOfLater.overdue);

    const contractId = soonest[0]?.contract.id as string;
    const ofContract = (await bills('DUE_ASC', { contractId })).nodes;
    expect(ids(ofContract)).toEqual(ids(soonest.filter((m) => m.contract.id === contractId)));
    const globexId = (await ask('globex', '{ companies { id } }')).companies[0].id;
    expect(ids((await bills('DUE_ASC', { companyId: acmeId })).nodes)).toEqual(ids(soonest));
    for (const filter of [{ companyId: globexId }, { companyId: 'nope' }, { contractId: 'nope' }]) {
      expect((await bills('DUE_ASC', filter)).nodes).toEqual([]);
    }

    const ofOtherSeller = ids((await bills('DUE_ASC', null, 'otherSeller')).nodes);
    expect(ofOtherSeller.filter((id) => ids(soonest).includes(id))).toEqual([]);
    const ofAcme = (await bills('DUE_ASC', null, 'buyer')).nodes;
    expect(ids(ofAcme)).toEqual(expect.arrayContaining([...ids(soonest), ...ofOtherSeller]));
    expect(ofAcme.every((m) => m.contract.company.id === acmeId)).toBe(true);
    expect((await bills('DUE_ASC', null, 'globex')).nodes).toEqual([]);
  });

  it('page credit lines by company or exposure, filtered by name, company and limit', async () => {
    const globexId = (await ask('globex', '{ companies { id } }')).companies[0].id;
    token.initech = await gw.login('buyer@initech.example');
    const initechId = (await ask('initech', '{ companies { id } }')).companies[0].id;
    const SET = `mutation ($input: SetCreditLimitInput!) { setCreditLimit(input: $input) {
      ... on CreditLine { id } } }`;
    for (const [companyId, limit] of [
      [globexId, 0],
      [initechId, 1_000],
      [acmeId, 1],
    ] as const) {
      await ask('seller', SET, { input: { companyId, limit } });
    }
    const query = `query ($after: String, $sort: CreditLineSort!, $filter: CreditLinesFilter) {
      creditLines(first: 2, after: $after, sort: $sort, filter: $filter) {
        totalCount edges { node { id company { id name } seller { id } exposure { amount } } }
        pageInfo { hasNextPage endCursor } } }`;
    const lines = async (sort: string, filter: Fields | null = null, who = 'seller') =>
      (await allPages(who, 'creditLines', query, { sort, filter })).nodes;
    const names = (nodes: Fields[]) => nodes.map((l) => l.company.name as string);

    const byName = await lines('COMPANY_ASC');
    expect(names(byName)).toEqual(['Acme Trading Co.', 'Globex Corporation', 'Initech Supplies']);
    expect(names(await lines('COMPANY_DESC'))).toEqual(names(byName).reverse());
    const exposed = await lines('EXPOSURE_DESC');
    const exposures = exposed.map((l) => l.exposure.amount as number);
    expect(exposures).toEqual([...exposures].sort((a, b) => b - a));
    expect(exposed[0]?.company.id).toBe(acmeId);
    expect(exposures[0]).toBeGreaterThan(0);
    expect(names(await lines('EXPOSURE_ASC'))).toEqual(names(exposed).reverse());

    expect(names(await lines('COMPANY_ASC', { search: ' glob ' }))).toEqual(['Globex Corporation']);
    expect(await lines('COMPANY_ASC', { search: '%' })).toEqual([]);
    expect(names(await lines('COMPANY_ASC', { companyIds: [initechId, 'nope'] }))).toEqual([
      'Initech Supplies',
    ]);
    expect(await lines('COMPANY_ASC', { companyIds: ['nope'] })).toEqual([]);
    expect(names(await lines('COMPANY_ASC', { overLimit: true }))).toEqual(['Acme Trading Co.']);
    expect(names(await lines('COMPANY_ASC', { overLimit: false }))).toEqual([
      'Globex Corporation',
      'Initech Supplies',
    ]);

    const ofAcme = await lines('COMPANY_ASC', null, 'buyer');
    expect(new Set(ofAcme.map((l) => l.company.id))).toEqual(new Set([acmeId]));
    expect(ofAcme.length).toBe(2);
    expect(new Set(ofAcme.map((l) => l.seller.id)).size).toBe(2);
    expect(names(await lines('COMPANY_ASC', null, 'globex'))).toEqual(['Globex Corporation']);
    expect(names(await lines('COMPANY_ASC', null, 'otherSeller'))).toEqual(['Acme Trading Co.']);
  });

  it.each(['myApprovalTasks', 'dueMilestones', 'creditLines'])(
    'refuse bad page arguments to %s as bad input',
    async (field) => {
      for (const [args, path] of [
        ['first: 0', 'first'],
        ['first: 101', 'first'],
        ['after: "not-a-cursor"', 'after'],
      ]) {
        const res = await gw.gql(`{ ${field}(${args}) { totalCount } }`, {}, token.buyerApprover);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions?.fields?.[0]?.path).toBe(path);
        expect(res.raw).not.toMatch(/stack|SELECT/);
      }
    },
  );

  it('refuse credit line filters past their limits', async () => {
    for (const [filter, path] of [
      [{ search: 'x'.repeat(101) }, 'filter.search'],
      [{ companyIds: Array.from({ length: 101 }, (_, i) => String(i + 1)) }, 'filter.companyIds'],
    ] as const) {
      const res = await gw.gql(
        'query ($filter: CreditLinesFilter) { creditLines(filter: $filter) { totalCount } }',
        { filter },
        token.seller,
      );
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors)).toContain(path);
    }
  });
});

/**
 * Every node of the connection `field` as `who` pages through it with `query` (which takes
 * `$after`), checking that the pages add up to its totalCount without a repeat; and the last page.
 */
async function allPages(
  who: string,
  field: string,
  query: string,
  variables: Fields,
  at?: Date,
): Promise<{ nodes: Fields[]; page: Fields }> {
  const nodes: Fields[] = [];
  let after: string | null = null;
  let page: Fields;
  do {
    const res = await gw.gql<Fields>(query, { ...variables, after }, token[who], at);
    if (res.errors) throw new Error(res.raw);
    page = res.data[field];
    nodes.push(...page.edges.map((e: Fields) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(nodes).toHaveLength(page.totalCount);
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
  return { nodes, page };
}
