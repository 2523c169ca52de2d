import {
  RequestsCompanyAddressesDocument,
  RequestsCreateQuoteRequestDocument,
  RequestsQuoteRequestDocument,
  RequestsQuoteRequestsDocument,
  RequestsUpdateQuoteRequestDocument,
  type QuoteLineInput,
  type RequestsCompanyAddressFragment,
  type RequestsDraftFragment,
  type RequestsQuoteResultFragment,
} from '@marketgate/graphql-client';
import { computed } from 'vue';
import { inputErrorsByPath } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';
import {
  draftCurrency,
  formFromDraft,
  newLine,
  toFieldsInput,
  type RequestError,
} from './request-form';

export type DraftOutcome =
  /** The draft the lines went to; `created` when a new one was started for them. */
  | { kind: 'done'; quote: RequestsDraftFragment; created: boolean }
  /** A draft needs a delivery address and the company keeps none: start one in the editor. */
  | { kind: 'no-address' }
  | { kind: 'rejected'; error: RequestError }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/** A catalog line to ask a quote for. */
export interface DraftLine {
  variantId: string;
  quantity: number;
}

/**
 * The company the signed-in member buys for: their first membership with the BUYER role. Drafts
 * started outside the editor go to it, so it is named explicitly (a person may belong to several
 * companies).
 */
export function useBuyingCompany() {
  const session = useSessionStore();
  return computed(
    () => session.user?.memberships.find((m) => m.roles.includes('BUYER'))?.company ?? null,
  );
}

/**
 * Draft requests for quotation started from outside the editor (quick order, a product page).
 * The gateway holds them: a new draft is written at once, for the company's default delivery
 * address as a one-off purchase, and the buyer finishes it in the editor.
 */
export function useDraftRequests() {
  const session = useSessionStore();
  const company = useBuyingCompany();

  async function companyAddresses(): Promise<RequestsCompanyAddressFragment[] | null> {
    const { data } = await session.client
      .query(RequestsCompanyAddressesDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (!data) return null;
    return data.companies.find((c) => c.id === company.value?.id)?.addresses ?? [];
  }

  function settle(
    result: RequestsQuoteResultFragment | undefined,
    error: Parameters<typeof inputErrorsByPath>[0],
    created: boolean,
  ): DraftOutcome {
    if (!result) {
      const fields = inputErrorsByPath(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    return result.__typename === 'QuoteRequest'
      ? { kind: 'done', quote: result, created }
      : { kind: 'rejected', error: result };
  }

  /** Starts a draft to one seller with these lines. */
  async function start(sellerId: string, lines: readonly DraftLine[]): Promise<DraftOutcome> {
    const companyId = company.value?.id;
    if (!companyId) return { kind: 'failed' };
    const addresses = await companyAddresses();
    if (!addresses) return { kind: 'failed' };
    const address = addresses.find((a) => a.isDefault) ?? addresses[0];
    if (!address) return { kind: 'no-address' };
    const input = {
      companyId,
      sellerId,
      dealKind: 'ONE_OFF' as const,
      deliveryAddressId: address.id,
      lines: lines.map((l): QuoteLineInput => ({ variantId: l.variantId, quantity: l.quantity })),
    };
    const { data, error } = await session.client
      .mutation(RequestsCreateQuoteRequestDocument, { input })
      .toPromise();
    return settle(data?.createQuoteRequest, error, true);
  }

  /** The newest draft of the buying company to this seller, as it is now; null when none. */
  async function latestDraft(sellerId: string): Promise<RequestsDraftFragment | null | undefined> {
    const { data } = await session.client
      .query(
        RequestsQuoteRequestsDocument,
        { filter: { status: 'DRAFT' }, sort: 'CREATED_DESC', first: 100 },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (!data) return undefined;
    const summary = data.quoteRequests.edges
      .map((edge) => edge.node)
      .find((q) => q.seller.id === sellerId && q.company.id === company.value?.id);
    if (!summary) return null;
    const detail = await session.client
      .query(RequestsQuoteRequestDocument, { id: summary.id }, { requestPolicy: 'network-only' })
      .toPromise();
    return detail.data ? detail.data.quoteRequest : undefined;
  }

  /**
   * Adds a catalog line to the newest draft to the variant's seller (its quantity replaced when
   * the variant is already asked for), or starts a draft for it. A draft changed or submitted
   * meanwhile is read again, and the line goes to the newest draft as it is then.
   */
  async function addLine(sellerId: string, line: DraftLine): Promise<DraftOutcome> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const draft = await latestDraft(sellerId);
      if (draft === undefined) return { kind: 'failed' };
      if (draft === null) return start(sellerId, [line]);
      const form = formFromDraft(draft, []);
      const asked = form.lines.find((l) => l.variantId === line.variantId);
      const quantity = String(line.quantity);
      if (asked) asked.quantity = quantity;
      else form.lines.push(newLine({ variantId: line.variantId, sellerId, quantity }));
      const input = {
        quoteId: draft.id,
        expectedVersion: draft.version,
        ...toFieldsInput(form, draftCurrency(draft)),
      };
      const { data, error } = await session.client
        .mutation(RequestsUpdateQuoteRequestDocument, { input })
        .toPromise();
      const outcome = settle(data?.updateQuoteRequest, error, false);
      // Changed or submitted since it was read: read the newest draft again.
      const moved =
        outcome.kind === 'rejected' &&
        ['StaleVersionError', 'InvalidStateError'].includes(outcome.error.__typename);
      if (!moved) return outcome;
    }
    return { kind: 'failed' };
  }

  return { company, start, addLine };
}

/** The message (a key under `requests.draftError` and its values) for a draft not written. */
export function draftErrorMessage(outcome: Exclude<DraftOutcome, { kind: 'done' }>): {
  key: string;
  params: Record<string, string>;
} {
  switch (outcome.kind) {
    case 'no-address':
    case 'failed':
      return { key: outcome.kind, params: {} };
    case 'invalid':
      return { key: 'invalid', params: { message: Object.values(outcome.fields).join(' ') } };
    case 'rejected': {
      const { __typename, message } = outcome.error;
      const known = ['InvalidStateError', 'NotFoundError', 'InvalidAddressError'];
      return { key: known.includes(__typename) ? __typename : 'other', params: { message } };
    }
  }
}
