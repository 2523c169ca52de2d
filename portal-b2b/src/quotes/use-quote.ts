import {
  QuotesAcceptDocument,
  QuotesCounterDocument,
  QuotesOfferDocument,
  QuotesPostMessageDocument,
  QuotesQuoteDocument,
  type QuotesDetailFragment,
  type QuotesPostMessageMutation,
  type QuotesResultFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { inputErrorsByPath } from '../shared/input-errors';
import { useRecord } from '../shared/use-record';
import { useSessionStore } from '../stores/session';
import type { OfferFields } from './offer-draft';

/** What the gateway can answer to an offer, counter-offer or acceptance besides the quote. */
export type QuoteActionError = Exclude<QuotesResultFragment, { __typename: 'QuoteRequest' }>;

export type QuoteActionOutcome =
  | { kind: 'done'; quote: QuotesDetailFragment }
  | { kind: 'rejected'; error: QuoteActionError }
  /** The gateway refused the input; messages by the field's path (e.g. `lines.0.unitPrice`). */
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

export type MessageError = Exclude<
  QuotesPostMessageMutation['postQuoteMessage'],
  { __typename: 'QuoteMessage' }
>;

export type MessageOutcome =
  | { kind: 'done' }
  | { kind: 'rejected'; error: MessageError }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/**
 * One quote and both sides' steps on it. Each step names the quote version shown, so a step
 * taken on a quote that moved on meanwhile is refused (`StaleVersionError`) instead of
 * overwriting it; after any refusal the quote is loaded again so the screen shows it as it is.
 */
export function useQuote(id: MaybeRefOrGetter<string>) {
  const session = useSessionStore();
  const {
    record: quote,
    state,
    load,
    show,
  } = useRecord<QuotesDetailFragment>(id, async (current) => {
    const { data, error } = await session.client
      .query(QuotesQuoteDocument, { id: current }, { requestPolicy: 'network-only' })
      .toPromise();
    return { record: data?.quoteRequest, failed: Boolean(error) || !data };
  });

  async function settle(
    result: QuotesResultFragment | undefined,
    error: Parameters<typeof inputErrorsByPath>[0],
  ): Promise<QuoteActionOutcome> {
    if (!result) {
      const fields = inputErrorsByPath(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    if (result.__typename === 'QuoteRequest') {
      show(result);
      return { kind: 'done', quote: result };
    }
    await load();
    return { kind: 'rejected', error: result };
  }

  function action(current: QuotesDetailFragment) {
    return { quoteId: current.id, expectedVersion: current.version };
  }

  /** The seller's offer, or a revision of it. */
  async function offer(fields: OfferFields): Promise<QuoteActionOutcome> {
    const current = quote.value;
    if (!current) return { kind: 'failed' };
    const input = { ...fields, ...action(current) };
    const { data, error } = await session.client
      .mutation(QuotesOfferDocument, { input })
      .toPromise();
    return settle(data?.offerQuote, error);
  }

  /** The buyer's counter-offer. */
  async function counter(fields: OfferFields): Promise<QuoteActionOutcome> {
    const current = quote.value;
    if (!current) return { kind: 'failed' };
    const input = { ...fields, ...action(current) };
    const { data, error } = await session.client
      .mutation(QuotesCounterDocument, { input })
      .toPromise();
    return settle(data?.counterQuote, error);
  }

  /** The buyer accepts the offer on the table; the company's approval chain starts. */
  async function accept(): Promise<QuoteActionOutcome> {
    const current = quote.value;
    if (!current) return { kind: 'failed' };
    const { data, error } = await session.client
      .mutation(QuotesAcceptDocument, { input: action(current) })
      .toPromise();
    return settle(data?.acceptQuote, error);
  }

  async function postMessage(body: string): Promise<MessageOutcome> {
    const current = quote.value;
    if (!current) return { kind: 'failed' };
    const { data, error } = await session.client
      .mutation(QuotesPostMessageDocument, { input: { quoteId: current.id, body } })
      .toPromise();
    const result = data?.postQuoteMessage;
    if (!result) {
      const fields = inputErrorsByPath(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    await load();
    return result.__typename === 'QuoteMessage'
      ? { kind: 'done' }
      : { kind: 'rejected', error: result };
  }

  return { quote, state, reload: load, offer, counter, accept, postMessage };
}
