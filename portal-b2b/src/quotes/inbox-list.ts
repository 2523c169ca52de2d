import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { QuoteStatus, QuotesSummaryFragment } from '@marketgate/graphql-client';
import { parsePage, sortedPage } from '../shared/list-page';
import { isYourTurn, sellerQuoteStatuses } from './quote-status';

export const inboxSorts = ['turn', 'newest', 'oldest', 'expiring', 'total'] as const;
export type InboxSort = (typeof inboxSorts)[number];

/** The inbox as the address bar keeps it, so going back to it restores the same view. */
export interface InboxQuery {
  status: QuoteStatus | '';
  sort: InboxSort;
  page: number;
}

export const INBOX_PAGE_SIZE = 20;

export function parseInboxQuery(query: LocationQuery): InboxQuery {
  const status = sellerQuoteStatuses.find((s) => s === query.status) ?? '';
  const sort = inboxSorts.find((s) => s === query.sort) ?? 'turn';
  return { status, sort, page: parsePage(query.page) };
}

/** Only what differs from the default view goes into the address. */
export function toInboxRouteQuery(inbox: InboxQuery): LocationQueryRaw {
  return {
    ...(inbox.status ? { status: inbox.status } : {}),
    ...(inbox.sort !== 'turn' ? { sort: inbox.sort } : {}),
    ...(inbox.page > 1 ? { page: String(inbox.page) } : {}),
  };
}

const time = (iso: string | undefined) => (iso ? new Date(iso).getTime() : Number.NaN);

function compare(sort: InboxSort, a: QuotesSummaryFragment, b: QuotesSummaryFragment): number {
  switch (sort) {
    case 'turn': {
      // Requests waiting for the viewer's answer first, the longest-waiting first among them.
      const waitA = isYourTurn(a.allowedActions);
      const waitB = isYourTurn(b.allowedActions);
      if (waitA !== waitB) return waitA ? -1 : 1;
      return waitA ? time(a.updatedAt) - time(b.updatedAt) : time(b.updatedAt) - time(a.updatedAt);
    }
    case 'newest':
      return time(b.createdAt) - time(a.createdAt);
    case 'oldest':
      return time(a.createdAt) - time(b.createdAt);
    case 'expiring': {
      const endA = time(a.latestVersion?.validUntil);
      const endB = time(b.latestVersion?.validUntil);
      if (Number.isNaN(endA) || Number.isNaN(endB)) return Number.isNaN(endA) ? 1 : -1;
      return endA - endB;
    }
    case 'total':
      return (b.latestVersion?.total.amount ?? -1) - (a.latestVersion?.total.amount ?? -1);
  }
}

/**
 * The gateway answers a shop's latest 100 quotes filtered by status, unsorted beyond newest
 * first and unpaged, so the inbox orders and pages that answer here.
 */
export function arrangeInbox(quotes: readonly QuotesSummaryFragment[], inbox: InboxQuery) {
  return {
    ...sortedPage(quotes, (a, b) => compare(inbox.sort, a, b), inbox.page, INBOX_PAGE_SIZE),
    waiting: quotes.filter((q) => isYourTurn(q.allowedActions)).length,
  };
}
