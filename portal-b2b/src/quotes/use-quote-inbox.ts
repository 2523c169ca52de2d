import {
  QuotesInboxDocument,
  type QuoteStatus,
  type QuotesSummaryFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { useList } from '../shared/use-list';
import { useSessionStore } from '../stores/session';

/** The shop's quote requests with one status (or all), as the gateway answers them. */
export function useQuoteInbox(status: MaybeRefOrGetter<QuoteStatus | ''>) {
  const session = useSessionStore();
  const { items, ...list } = useList<QuotesSummaryFragment, QuoteStatus | ''>(
    status,
    async (wanted) => {
      const { data, error } = await session.client
        .query(
          QuotesInboxDocument,
          { filter: wanted ? { status: wanted } : null },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return error ? undefined : data?.quoteRequests;
    },
  );
  return { quotes: items, ...list };
}
