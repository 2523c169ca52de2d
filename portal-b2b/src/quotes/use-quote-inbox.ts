import { QuotesInboxDocument, type QuotesSummaryFragment } from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { useCursorPages } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';
import { INBOX_PAGE_SIZE, type InboxQuery } from './inbox-list';

/**
 * The shop's quote requests a page at a time, filtered (status, waiting for an answer) and
 * sorted on the gateway; a new view starts again from the first page.
 */
export function useQuoteInbox(inbox: MaybeRefOrGetter<InboxQuery>) {
  const session = useSessionStore();
  const { items, ...pages } = useCursorPages<QuotesSummaryFragment, InboxQuery>(
    inbox,
    async ({ status, awaiting, sort }, first, after) => {
      const filter =
        status || awaiting ? { status: status || null, awaitingMe: awaiting || null } : null;
      const { data, error } = await session.client
        .query(
          QuotesInboxDocument,
          { filter, sort, first, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return error ? undefined : data?.quoteRequests;
    },
    INBOX_PAGE_SIZE,
  );
  return { quotes: items, ...pages };
}
