import type { QuoteRequestSort, QuoteStatus } from '@marketgate/graphql-client';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

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

/** The orders the gateway sorts the list in, the default first. */
export const requestSorts = [
  'CREATED_DESC',
  'CREATED_ASC',
  'UPDATED_DESC',
  'UPDATED_ASC',
] as const satisfies readonly QuoteRequestSort[];
export type RequestSort = (typeof requestSorts)[number];

export const REQUESTS_PAGE_SIZE = 20;

/** The list as the address bar keeps it, so a link or "back" shows the same list. */
export interface RequestListQuery {
  status: QuoteStatus | '';
  sort: RequestSort;
}

export function parseRequestListQuery(query: LocationQuery): RequestListQuery {
  return {
    status: requestStatuses.find((s) => s === query.status) ?? '',
    sort: requestSorts.find((s) => s === query.sort) ?? 'CREATED_DESC',
  };
}

/** Only what differs from the default list goes into the address. */
export function toRequestListRouteQuery(list: RequestListQuery): LocationQueryRaw {
  return {
    ...(list.status ? { status: list.status } : {}),
    ...(list.sort !== 'CREATED_DESC' ? { sort: list.sort } : {}),
  };
}
