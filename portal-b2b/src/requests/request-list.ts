import type { QuoteStatus, RequestsSummaryFragment } from '@marketgate/graphql-client';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { parsePage, sortedPage } from '../shared/list-page';

/** Every status once, in the order a request lives through them. */
const statusOrder = {
  DRAFT: true,
  SUBMITTED: true,
  OFFERED: true,
  COUNTERED: true,
  PENDING_APPROVAL: true,
  ACCEPTED: true,
  CANCELLED: true,
} satisfies Record<QuoteStatus, true>;

export const requestStatuses = Object.keys(statusOrder) as QuoteStatus[];

export const requestSorts = ['newest', 'oldest', 'updated', 'expiry'] as const;
export type RequestSort = (typeof requestSorts)[number];

export const REQUESTS_PAGE_SIZE = 20;

/** The list as the address bar keeps it, so a link or "back" shows the same list. */
export interface RequestListQuery {
  status: QuoteStatus | '';
  sort: RequestSort;
  page: number;
}

export function parseRequestListQuery(query: LocationQuery): RequestListQuery {
  return {
    status: requestStatuses.find((s) => s === query.status) ?? '',
    sort: requestSorts.find((s) => s === query.sort) ?? 'newest',
    page: parsePage(query.page),
  };
}

/** Only what differs from the default list goes into the address. */
export function toRequestListRouteQuery(list: RequestListQuery): LocationQueryRaw {
  return {
    ...(list.status ? { status: list.status } : {}),
    ...(list.sort !== 'newest' ? { sort: list.sort } : {}),
    ...(list.page > 1 ? { page: String(list.page) } : {}),
  };
}

const time = (iso: string | undefined): number | null => (iso ? Date.parse(iso) : null);

/** Known values before unknown ones, whichever way the known ones are ordered. */
function byTime(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * direction;
}

function compare(sort: RequestSort, a: RequestsSummaryFragment, b: RequestsSummaryFragment) {
  switch (sort) {
    case 'newest':
      return byTime(time(a.createdAt), time(b.createdAt), -1);
    case 'oldest':
      return byTime(time(a.createdAt), time(b.createdAt), 1);
    case 'updated':
      return byTime(time(a.updatedAt), time(b.updatedAt), -1);
    case 'expiry':
      return byTime(time(a.latestVersion?.validUntil), time(b.latestVersion?.validUntil), 1);
  }
}

/**
 * The gateway answers the company's 100 newest requests, filtered by status but neither sorted
 * otherwise nor paged, so the list orders and pages that answer here.
 */
export function arrangeRequests(
  requests: readonly RequestsSummaryFragment[],
  list: RequestListQuery,
) {
  return sortedPage(requests, (a, b) => compare(list.sort, a, b), list.page, REQUESTS_PAGE_SIZE);
}
