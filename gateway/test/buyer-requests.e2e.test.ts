import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, type TestGateway } from './harness.js';
import { ADDRESS } from './shop.js';

type Fields = Record<string, any>;

let gw: TestGateway;
const token: Record<string, string> = {};
let dairyId: string;
let hubVariantId: string;
let dairyVariantId: string;
let dairyProductId: string;

const QUOTE = `__typename
  ... on QuoteRequest { id status version dealKind termMonths wantedDeliveryDate notes
    deliveryAddress { city line1 } lines { description quantity variantId targetUnitPrice { amount } } }
  ... on StaleVersionError { errorCode currentVersion }
  ... on InvalidAddressError { errorCode fields { path } }
  ... on ErrorResult { errorCode message }`;

const CREATE = `mutation ($input: CreateQuoteRequestInput!) { createQuoteRequest(input: $input) { ${QUOTE} } }`;
const UPDATE = `mutation ($input: UpdateQuoteRequestInput!) { updateQuoteRequest(input: $input) { ${QUOTE} } }`;
const SUBMIT = `mutation ($input: QuoteActionInput!) { submitQuoteRequest(input: $input) { ${QUOTE} } }`;

async function ask(who: string, query: string, variables: Fields = {}): Promise<Fields> {
  const res = await gw.gql<Fields>(query, variables, token[who]);
  if (res.errors) throw new Error(res.raw);
  return res.data;
}

async function draft(): Promise<Fields> {
  const created = (
    await ask('buyer', CREATE, {
      input: {
        sellerId: dairyId,
        dealKind: 'ONE_OFF',
        deliveryAddress: ADDRESS,
        lines: [{ variantId: dairyVariantId, quantity: 10 }],
      },
    })
  ).createQuoteRequest as Fields;
  expect(created).toMatchObject({ status: 'DRAFT', version: 1 });
  return created;
}

const update = async (who: string, input: Fields) =>
  (await ask(who, UPDATE, { input })).updateQuoteRequest as Fields;

beforeAll(async () => {
  gw = await startGateway();
  const logins = {
    buyer: 'buyer@acme.example',
    acmeAdmin: 'admin@acme.example',
    sourcing: 'sourcing@acme.example',
    globex: 'buyer@globex.example',
    seller: 'sales@north-dairy.example',
  };
  for (const [who, email] of Object.entries(logins)) token[who] = await gw.login(email);
  const sellers = (await ask('buyer', '{ sellers { id slug } }')).sellers as Fields[];
  const idOf = (slug: string) => sellers.find((s) => s.slug === slug)?.id as string;
  dairyId = idOf('north-dairy');
  const firstProduct = async (sellerId: string) =>
    (
      await ask(
        'buyer',
        'query ($s: ID!) { products(first: 1, filter: { sellerId: $s }) { edges { node { id variants { id } } } } }',
        { s: sellerId },
      )
    ).products.edges[0].node as { id: string; variants: { id: string }[] };
  const dairy = await firstProduct(dairyId);
  dairyProductId = dairy.id;
  dairyVariantId = dairy.variants[0]?.id as string;
  hubVariantId = (await firstProduct(idOf('office-hub'))).variants[0]?.id as string;
});
afterAll(() => gw?.stop());

describe('a draft request for quotation', () => {
  it('is rewritten by its buyer from the version they saw, then sent', async () => {
    const created = await draft();
    const addressId = (await ask('buyer', '{ companies { addresses { id } } }')).companies[0]
      .addresses[0].id as string;
    const changed = await update('buyer', {
      quoteId: created.id,
      expectedVersion: 1,
      dealKind: 'FRAMEWORK',
      termMonths: 24,
      wantedDeliveryDate: '2027-05-01',
      deliveryAddressId: addressId,
      notes: '  Weekly drops  ',
      lines: [
        { variantId: dairyVariantId, quantity: 40, targetUnitPrice: 850 },
        { description: 'Cold-chain crates', quantity: 5 },
      ],
    });
    expect(changed).toMatchObject({
      __typename: 'QuoteRequest',
      status: 'DRAFT',
      version: 2,
      dealKind: 'FRAMEWORK',
      termMonths: 24,
      wantedDeliveryDate: '2027-05-01',
      notes: 'Weekly drops',
      deliveryAddress: { city: 'Hangzhou', line1: '88 Wensan Road, Building 3' },
    });
    expect(changed.lines).toEqual([
      expect.objectContaining({
        variantId: dairyVariantId,
        quantity: 40,
        targetUnitPrice: { amount: 850 },
      }),
      { description: 'Cold-chain crates', quantity: 5, variantId: null, targetUnitPrice: null },
    ]);

    const stale = await update('buyer', {
      quoteId: created.id,
      expectedVersion: 1,
      dealKind: 'ONE_OFF',
      deliveryAddress: ADDRESS,
      lines: [{ description: 'Lost update', quantity: 1 }],
    });
    expect(stale).toMatchObject({ errorCode: 'STALE_VERSION', currentVersion: 2 });

    const sent = (
      await ask('buyer', SUBMIT, { input: { quoteId: created.id, expectedVersion: 2 } })
    ).submitQuoteRequest;
    expect(sent).toMatchObject({ status: 'SUBMITTED', version: 3 });
    const late = await update('buyer', {
      quoteId: created.id,
      expectedVersion: 3,
      dealKind: 'ONE_OFF',
      deliveryAddress: ADDRESS,
      lines: [{ description: 'Too late', quantity: 1 }],
    });
    expect(late.errorCode).toBe('INVALID_STATE');

    const trail = (
      await ask(
        'acmeAdmin',
        'query ($id: ID!) { auditTrail(document: QUOTE, id: $id) { action fromState toState } }',
        { id: created.id },
      )
    ).auditTrail as Fields[];
    expect(trail.map((e) => e.action)).toEqual(['created', 'edited', 'submitted']);
  });

  it('answers typed errors and refuses bad input field by field', async () => {
    const created = await draft();
    const base = { quoteId: created.id, expectedVersion: 1, dealKind: 'ONE_OFF' };
    const badAddress = await update('buyer', {
      ...base,
      deliveryAddress: { ...ADDRESS, postalCode: 'x' },
      lines: [{ description: 'x', quantity: 1 }],
    });
    expect(badAddress).toMatchObject({
      errorCode: 'INVALID_ADDRESS',
      fields: [{ path: 'deliveryAddress.postalCode' }],
    });
    const unknownAddress = await update('buyer', {
      ...base,
      deliveryAddressId: '999999',
      lines: [{ description: 'x', quantity: 1 }],
    });
    expect(unknownAddress.errorCode).toBe('NOT_FOUND');
    for (const [input, field] of [
      [{ ...base, termMonths: 12, deliveryAddress: ADDRESS, lines: [] }, 'lines'],
      [
        {
          ...base,
          dealKind: 'FRAMEWORK',
          termMonths: 6,
          deliveryAddress: ADDRESS,
          lines: [{ description: 'x', quantity: 1 }],
        },
        'termMonths',
      ],
      [
        { ...base, deliveryAddress: ADDRESS, lines: [{ variantId: hubVariantId, quantity: 1 }] },
        'lines.0.variantId',
      ],
    ] as const) {
      const res = await gw.gql(UPDATE, { input }, token.buyer);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors)).toContain(field);
    }
    const unchanged = (
      await ask(
        'buyer',
        'query ($id: ID!) { quoteRequest(id: $id) { version lines { quantity } } }',
        {
          id: created.id,
        },
      )
    ).quoteRequest;
    expect(unchanged).toEqual({ version: 1, lines: [{ quantity: 10 }] });
  });

  it('is changed by buyers of its company only', async () => {
    const created = await draft();
    const input = {
      quoteId: created.id,
      expectedVersion: 1,
      dealKind: 'ONE_OFF',
      deliveryAddress: ADDRESS,
      lines: [{ description: 'x', quantity: 1 }],
    };
    expect((await update('globex', input)).errorCode).toBe('NOT_FOUND');
    expect(errorCode(await gw.gql(UPDATE, { input }, token.sourcing))).toBe('FORBIDDEN');
  });
});

describe('quick order', () => {
  it('names each problem with a code clients can explain in their language', async () => {
    const upserted = (
      await ask(
        'seller',
        `mutation ($input: UpsertVariantInput!) { upsertVariant(input: $input) {
          __typename ... on Variant { sku } } }`,
        {
          input: {
            productId: dairyProductId,
            sku: 'CASE-OF-10',
            name: 'Case of 10',
            listPrice: 5_000,
            minOrderQuantity: 10,
            orderIncrement: 5,
          },
        },
      )
    ).upsertVariant as Fields;
    expect(upserted).toEqual({ __typename: 'Variant', sku: 'CASE-OF-10' });
    const resolved = (
      await ask(
        'buyer',
        `query ($lines: [QuickOrderLineInput!]!) { quickOrder(lines: $lines) {
          row problem problemCode price { source } } }`,
        {
          lines: [
            { sku: 'NO-SUCH-SKU', quantity: 1 },
            { sku: 'CASE-OF-10', quantity: 5 },
            { sku: 'CASE-OF-10', quantity: 12 },
            { sku: 'CASE-OF-10', quantity: 15 },
          ],
        },
      )
    ).quickOrder as Fields[];
    expect(resolved.map((l) => [l.row, l.problemCode])).toEqual([
      [1, 'UNKNOWN_SKU'],
      [2, 'BELOW_MINIMUM'],
      [3, 'OFF_INCREMENT'],
      [4, null],
    ]);
    expect(resolved[1]?.problem).toBe('The minimum order is 10');
    expect(resolved[3]).toMatchObject({ problem: null, price: { source: 'LIST' } });
  });
});
