import {
  RequestsQuoteRequestsDocument,
  type QuoteStatus,
  type RequestsSummaryFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { useList } from '../shared/use-list';
import { useSessionStore } from '../stores/session';

/** The company's quote requests, newest first, filtered by status on the gateway. */
export function useQuoteRequests(status: MaybeRefOrGetter<QuoteStatus | ''>) {
  const session = useSessionStore();
  const { items, ...list } = useList<RequestsSummaryFragment, QuoteStatus | ''>(
    status,
    async (wanted) => {
      const { data, error } = await session.client
        .query(
          RequestsQuoteRequestsDocument,
          { filter: wanted ? { status: wanted } : null },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return error ? undefined : data?.quoteRequests;
    },
  );
  return { requests: items, ...list };
}
