import type { QuoteRequestSort, QuoteStatus } from '@marketgate/graphql-client';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { sellerQuoteStatuses } from './quote-status';

/** The orders the gateway sorts the inbox in, the default first. */
export const inboxSorts = [
  'UPDATED_DESC',
  'UPDATED_ASC',
  'CREATED_DESC',
  'CREATED_ASC',
] as const satisfies readonly QuoteRequestSort[];
export type InboxSort = (typeof inboxSorts)[number];

/** The inbox as the address bar keeps it, so going back to it restores the same view. */
export interface InboxQuery {
  status: QuoteStatus | '';
  /** Only the requests waiting for the seller's answer (the gateway decides which). */
  awaiting: boolean;
  sort: InboxSort;
}

export const INBOX_PAGE_SIZE = 20;

export function parseInboxQuery(query: LocationQuery): InboxQuery {
  return {
    status: sellerQuoteStatuses.find((s) => s === query.status) ?? '',
    awaiting: query.awaiting === '1',
    sort: inboxSorts.find((s) => s === query.sort) ?? 'UPDATED_DESC',
  };
}

/** Only what differs from the default view goes into the address. */
export function toInboxRouteQuery(inbox: InboxQuery): LocationQueryRaw {
  return {
    ...(inbox.status ? { status: inbox.status } : {}),
    ...(inbox.awaiting ? { awaiting: '1' } : {}),
    ...(inbox.sort !== 'UPDATED_DESC' ? { sort: inbox.sort } : {}),
  };
}
