import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerTerms, type DealKind } from './deals.js';
import { startGateway, type TestGateway } from './harness.js';
import { ADDRESS, setAvailable } from './shop.js';

type Fields = Record<string, any>;

let gw: TestGateway;
const token: Record<string, string> = {};
let acmeId: string;
let dairyId: string;
let variantId: string;

async function ask(who: string, query: string, variables: Fields = {}): Promise<Fields> {
  const res = await gw.gql<Fields>(query, variables, token[who]);
  if (res.errors) throw new Error(res.raw);
  return res.data;
}

const QUOTE = `... on QuoteRequest { id version lines { id } contract { id } }
  ... on ErrorResult { errorCode message }`;

async function quoteStep(who: string, name: string, inputType: string, input: Fields) {
  const data = await ask(
    who,
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${QUOTE} } }`,
    { input },
  );
  return data[name] as Fields;
}

/** An approved deal of one line (the demo policy is emptied first, so it approves at once). */
async function contractOf(kind: DealKind): Promise<string> {
  const created = await quoteStep('buyer', 'createQuoteRequest', 'CreateQuoteRequestInput', {
    sellerId: dairyId,
    dealKind: kind,
    ...(kind === 'FRAMEWORK' ? { termMonths: 12 } : {}),
    deliveryAddress: ADDRESS,
    lines: [{ variantId, quantity: 10 }],
  });
  let quote = await quoteStep('buyer', 'submitQuoteRequest', 'QuoteActionInput', {
    quoteId: created.id,
    expectedVersion: 1,
  });
  quote = await quoteStep('seller', 'offerQuote', 'OfferInput', {
    quoteId: quote.id,
    expectedVersion: quote.version,
    validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    ...offerTerms(kind, quote.lines[0].id, 100),
  });
  quote = await quoteStep('buyer', 'acceptQuote', 'QuoteActionInput', {
    quoteId: quote.id,
    expectedVersion: quote.version,
  });
  return quote.contract.id as string;
}

const CONTRACT = `query ($id: ID!) { contract(id: $id) {
  status allowedActions buyerSignedBy sellerSignedBy
  callOffs { id status approvalRequestId canDeliver } } }`;
const contract = async (who: string, id: string) => (await ask(who, CONTRACT, { id })).contract;
const actions = async (who: string, id: string) =>
  (await contract(who, id)).allowedActions as string[];
const sign = (who: string, id: string) =>
  ask(who, 'mutation ($id: ID!) { signContract(id: $id) { __typename } }', { id });

beforeAll(async () => {
  gw = await startGateway();
  const logins = {
    buyer: 'buyer@acme.example',
    manager: 'manager@acme.example',
    finance: 'finance@acme.example',
    acmeAdmin: 'admin@acme.example',
    seller: 'sales@north-dairy.example',
    otherSeller: 'sales@office-hub.example',
  };
  for (const [who, email] of Object.entries(logins)) token[who] = await gw.login(email);
  acmeId = (await ask('acmeAdmin', '{ companies { id } }')).companies[0].id;
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
    { input: { companyId: acmeId, stages: [] } },
  );
});
afterAll(() => gw?.stop());

describe("a contract's allowed actions", () => {
  it('follow a one-off deal: signing by the right people, then delivery and acceptance', async () => {
    const id = await contractOf('ONE_OFF');
    expect(await actions('buyer', id)).toEqual([]);
    expect(await actions('manager', id)).toEqual(['SIGN']);
    expect(await actions('acmeAdmin', id)).toEqual(['SIGN']);
    expect(await actions('seller', id)).toEqual(['SIGN', 'RECORD_PAYMENT']);

    await sign('acmeAdmin', id);
    const adminName = (await ask('acmeAdmin', '{ me { name } }')).me.name;
    expect(await contract('buyer', id)).toMatchObject({
      allowedActions: [],
      buyerSignedBy: adminName,
      sellerSignedBy: null,
    });
    expect(await actions('manager', id)).toEqual([]);

    await sign('seller', id);
    const sellerName = (await ask('seller', '{ me { name } }')).me.name;
    expect(await contract('seller', id)).toMatchObject({
      status: 'ACTIVE',
      allowedActions: ['RECORD_DELIVERY', 'RECORD_PAYMENT'],
      sellerSignedBy: sellerName,
    });
    expect(await actions('buyer', id)).toEqual([]);

    await ask('seller', 'mutation ($id: ID!) { recordContractDelivery(id: $id) { __typename } }', {
      id,
    });
    expect(await actions('seller', id)).toEqual(['RECORD_PAYMENT']);
    expect(await actions('buyer', id)).toEqual(['ACCEPT_DELIVERY', 'DISPUTE_DELIVERY']);
    expect(await actions('acmeAdmin', id)).toEqual(['ACCEPT_DELIVERY', 'DISPUTE_DELIVERY']);
    expect(await actions('manager', id)).toEqual([]);

    await ask('buyer', 'mutation ($id: ID!) { acceptContractDelivery(id: $id) { __typename } }', {
      id,
    });
    expect(await actions('buyer', id)).toEqual([]);
  });

  it("follow a framework agreement's call-off orders through approval and delivery", async () => {
    const id = await contractOf('FRAMEWORK');
    await sign('acmeAdmin', id);
    await sign('seller', id);
    expect(await actions('buyer', id)).toEqual(['PLACE_CALL_OFF', 'RENEW']);
    expect(await actions('manager', id)).toEqual([]);
    expect(await actions('seller', id)).toEqual(['RECORD_PAYMENT']);

    await ask(
      'acmeAdmin',
      `mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { __typename } }`,
      {
        input: {
          companyId: acmeId,
          stages: [{ department: 'FINANCE', mode: 'ANY' }],
          callOffThreshold: 5_000,
        },
      },
    );
    const placed = await ask(
      'buyer',
      `mutation ($input: PlaceCallOffInput!) { placeCallOff(input: $input) {
        ... on CallOff { id status } ... on ErrorResult { errorCode } } }`,
      {
        input: {
          contractId: id,
          idempotencyKey: 'portal-call-off-1',
          lines: [{ contractLineId: (await linesOf(id))[0], quantity: 6 }],
        },
      },
    );
    expect(placed.placeCallOff.status).toBe('PENDING_APPROVAL');
    const task = (
      await ask(
        'finance',
        '{ myApprovalTasks(first: 100) { edges { node { id version callOffId } } } }',
      )
    ).myApprovalTasks.edges
      .map((e: Fields) => e.node)
      .find((t: Fields) => t.callOffId === placed.placeCallOff.id);
    expect((await contract('buyer', id)).callOffs).toEqual([
      {
        id: placed.placeCallOff.id,
        status: 'PENDING_APPROVAL',
        approvalRequestId: task.id,
        canDeliver: false,
      },
    ]);
    expect((await contract('seller', id)).callOffs[0]).toMatchObject({
      approvalRequestId: null,
      canDeliver: false,
    });

    await ask(
      'finance',
      `mutation ($input: DecideApprovalInput!) { decideApproval(input: $input) { __typename } }`,
      { input: { requestId: task.id, expectedVersion: task.version, decision: 'APPROVE' } },
    );
    expect((await contract('seller', id)).callOffs[0]).toMatchObject({
      status: 'PLACED',
      canDeliver: true,
    });
    expect((await contract('buyer', id)).callOffs[0].canDeliver).toBe(false);
    expect(
      (await ask('otherSeller', CONTRACT, { id })).contract,
      'another shop sees nothing of it',
    ).toBeNull();
  });
});

async function linesOf(id: string): Promise<string[]> {
  return (
    await ask('buyer', 'query ($id: ID!) { contract(id: $id) { lines { id } } }', { id })
  ).contract.lines.map((l: Fields) => l.id);
}
