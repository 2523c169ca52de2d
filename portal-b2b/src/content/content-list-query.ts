import type { ContentPlacement, ContentStatus } from '@marketgate/graphql-client';
import type { LocationQuery } from 'vue-router';
import { placements } from './block-draft';

/** Every status once, the ones still shown first; keyed so a new status fails to compile here. */
const statusOrder = {
  ACTIVE: true,
  DRAFT: true,
  ARCHIVED: true,
} satisfies Record<ContentStatus, true>;

export const contentStatuses = Object.keys(statusOrder) as ContentStatus[];

/** The list's filters as the address bar keeps them, so a link or "back" shows the same list. */
export interface ContentListQuery {
  /** One placement, or '' for all of them. */
  placement: ContentPlacement | '';
  /** One status, or '' for all of them. */
  status: ContentStatus | '';
}

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text : '';
}

/** Reads the filters from the route's query; anything unknown means "all". */
export function parseContentListQuery(query: LocationQuery): ContentListQuery {
  const placement = first(query.placement);
  const status = first(query.status);
  return {
    placement: placements.includes(placement as ContentPlacement)
      ? (placement as ContentPlacement)
      : '',
    status: contentStatuses.includes(status as ContentStatus) ? (status as ContentStatus) : '',
  };
}

/** The route query for the filters, leaving out the ones that are not set. */
export function toContentRouteQuery(list: ContentListQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(list).filter(([, value]) => value !== ''));
}
