import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestGateway } from './harness.js';
import { ADDRESS, registerConsumer } from './shop.js';

/** B2B moves shared by the contract suites. */

export type DealKind = 'ONE_OFF' | 'FRAMEWORK';

/**
 * A seller's offer on a one-line request at 1,000 a unit, in the terms its kind takes: a deposit
 * on signing and the rest on acceptance (one-off), or net 30 days with `committed` units over the
 * term (framework).
 */
export function offerTerms(kind: DealKind, lineId: string, committed: number) {
  return {
    paymentTerms:
      kind === 'FRAMEWORK'
        ? { kind: 'NET', netDays: 30 }
        : {
            kind: 'INSTALLMENTS',
            milestones: [
              { label: 'Deposit', percentBp: 3000, trigger: 'ON_SIGNING' },
              { label: 'Final', percentBp: 7000, trigger: 'ON_ACCEPTANCE', netDays: 30 },
            ],
          },
    lines: [
      {
        lineId,
        unitPrice: 1_000,
        ...(kind === 'FRAMEWORK' ? { committedQuantity: committed } : {}),
      },
    ],
  };
}

type Fields = Record<string, any>;
const DAY = 86_400_000;
/** A quote request's fields the deal moves read. */
export const QUOTE = '... on QuoteRequest { id version status lines { id } contract { id } }';

/**
 * Buyers and sellers doing business through the public API, each named by `who` in `token`
 * (sellers also in `sellerIds`); `at` is the test clock of a move.
 */
export class DealDesk {
  constructor(
    private readonly gw: TestGateway,
    readonly token: Record<string, string>,
    readonly sellerIds: Record<string, string>,
  ) {}

  async ask(who: string, query: string, variables: Fields = {}, at?: Date): Promise<Fields> {
    const res = await this.gw.gql<Fields>(query, variables, this.token[who], at);
    if (res.errors) throw new Error(res.raw);
    return res.data;
  }

  /** Runs a mutation taking `input`; `selection` adds to `__typename` and the error fields. */
  async mutate(
    who: string,
    name: string,
    inputType: string,
    input: Fields,
    selection = '',
    at?: Date,
  ): Promise<Fields> {
    const data = await this.ask(
      who,
      `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename
        ... on ErrorResult { errorCode message } ${selection} } }`,
      { input },
      at,
    );
    return data[name] as Fields;
  }

  /** A new verified company whose admin and buyer `who` names: its id. */
  async company(who: string): Promise<string> {
    this.token[who] = await registerConsumer(this.gw);
    const registered = await this.mutate(
      who,
      'registerCompany',
      'RegisterCompanyInput',
      { name: `${who} Ltd`, registrationNumber: `T-${randomUUID().slice(0, 12)}` },
      '... on Company { id }',
    );
    const verified = await this.mutate(
      'admin',
      'reviewCompany',
      'ReviewCompanyInput',
      { companyId: registered.id, decision: 'VERIFY' },
      '... on Company { status }',
    );
    expect(verified.status).toBe('VERIFIED');
    return registered.id as string;
  }

  /** A request for 10 units of a variant from `who`'s company to a seller, sent as of `at`. */
  async requestQuote(who: string, seller: string, kind: DealKind, at: Date, variantId: string) {
    const created = await this.mutate(
      who,
      'createQuoteRequest',
      'CreateQuoteRequestInput',
      {
        sellerId: this.sellerIds[seller],
        dealKind: kind,
        ...(kind === 'FRAMEWORK' ? { termMonths: 12 } : {}),
        deliveryAddress: ADDRESS,
        lines: [{ variantId, quantity: 10 }],
      },
      QUOTE,
      at,
    );
    const input = { quoteId: created.id, expectedVersion: created.version };
    return this.mutate(who, 'submitQuoteRequest', 'QuoteActionInput', input, QUOTE, at);
  }

  /** The seller's offer at 1,000 a unit (a framework: 1,000 units committed), valid until then. */
  async offer(seller: string, quote: Fields, kind: DealKind, at: Date, validUntil: Date) {
    const offered = await this.mutate(
      seller,
      'offerQuote',
      'OfferInput',
      {
        quoteId: quote.id,
        expectedVersion: quote.version,
        validUntil: validUntil.toISOString(),
        ...offerTerms(kind, quote.lines[0].id, 1_000),
      },
      QUOTE,
      at,
    );
    expect(offered.status).toBe('OFFERED');
    return offered;
  }

  /** A deal of `who`'s company with a seller over a variant, accepted and signed as of `at`. */
  async contract(who: string, seller: string, kind: DealKind, at: Date, variantId: string) {
    const requested = await this.requestQuote(who, seller, kind, at, variantId);
    const quote = await this.offer(seller, requested, kind, at, new Date(at.getTime() + DAY));
    const input = { quoteId: quote.id, expectedVersion: quote.version };
    const accepted = await this.mutate(who, 'acceptQuote', 'QuoteActionInput', input, QUOTE, at);
    const sign = `mutation ($id: ID!) { signContract(id: $id) { __typename
      ... on Contract { id status endsOn lines { id } } } }`;
    await this.ask(who, sign, { id: accepted.contract.id }, at);
    const signed = (await this.ask(seller, sign, { id: accepted.contract.id }, at)).signContract;
    expect(signed.status).toBe('ACTIVE');
    return signed as Fields;
  }

  /** A call-off of 10 units (10,000) under a framework agreement, as of `at`. */
  async callOff(who: string, agreement: Fields, at: Date) {
    const placed = await this.mutate(
      who,
      'placeCallOff',
      'PlaceCallOffInput',
      {
        contractId: agreement.id,
        idempotencyKey: randomUUID(),
        lines: [{ contractLineId: agreement.lines[0].id, quantity: 10 }],
      },
      '... on CallOff { status }',
      at,
    );
    expect(placed.status).toBe('PLACED');
  }
}
