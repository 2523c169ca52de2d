import {
  RequestsQuoteRequestsDocument,
  type RequestsSummaryFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { useCursorPages } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';
import { REQUESTS_PAGE_SIZE, type RequestListQuery } from './request-list';

/**
 * The company's quote requests a page at a time, filtered by status and sorted on the gateway;
 * a new status or sort starts again from the first page.
 */
export function useQuoteRequests(list: MaybeRefOrGetter<RequestListQuery>) {
  const session = useSessionStore();
  const { items, ...pages } = useCursorPages<RequestsSummaryFragment, RequestListQuery>(
    list,
    async ({ status, sort }, first, after) => {
      const { data, error } = await session.client
        .query(
          RequestsQuoteRequestsDocument,
          { filter: status ? { status } : null, sort, first, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return error ? undefined : data?.quoteRequests;
    },
    REQUESTS_PAGE_SIZE,
  );
  return { requests: items, ...pages };
}
