import type { ProductFilter, ProductSort, ProductStatus } from '@marketgate/graphql-client';
import type { LocationQuery } from 'vue-router';

/** Every product status once, in lifecycle order; keyed so a new status fails to compile here. */
const statusOrder = {
  DRAFT: true,
  ACTIVE: true,
  ARCHIVED: true,
} satisfies Record<ProductStatus, true>;

export const productStatuses = Object.keys(statusOrder) as ProductStatus[];

/** The orders the gateway can sort a seller's products in; RELEVANCE only means something with a search. */
const sortOrder = {
  RELEVANCE: true,
  NEWEST: true,
  PRICE_ASC: true,
  PRICE_DESC: true,
} satisfies Record<ProductSort, true>;

export const productSorts = Object.keys(sortOrder) as ProductSort[];

/** The list's filters as the address bar keeps them, so a link or "back" shows the same list. */
export interface ProductListQuery {
  search: string;
  /** One status, or '' for the whole catalog. */
  status: ProductStatus | '';
  /** '' for the default: best match with a search, newest without. */
  sort: ProductSort | '';
}

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text : '';
}

/** Reads the filters from the route's query; anything unknown means the default. */
export function parseProductListQuery(query: LocationQuery): ProductListQuery {
  const status = first(query.status);
  const sort = first(query.sort);
  return {
    search: first(query.q).trim(),
    status: productStatuses.includes(status as ProductStatus) ? (status as ProductStatus) : '',
    sort: productSorts.includes(sort as ProductSort) ? (sort as ProductSort) : '',
  };
}

/** The route query for the filters, leaving out the ones that are not set. */
export function toRouteQuery(list: ProductListQuery): Record<string, string> {
  return Object.fromEntries(
    [
      ['q', list.search.trim()],
      ['status', list.status],
      ['sort', list.sort],
    ].filter(([, value]) => value !== ''),
  );
}

/** The gateway's filter: the shop's own products, in one status or in all of them. */
export function toProductFilter(list: ProductListQuery, sellerId: string): ProductFilter {
  return {
    sellerId,
    statuses: list.status ? [list.status] : [...productStatuses],
    search: list.search.trim() || null,
  };
}

/**
 * The sort sent to the gateway: the chosen one, else best match for a search and newest first
 * without (where best match means nothing).
 */
export function toProductSort(list: ProductListQuery): ProductSort {
  const searching = list.search.trim() !== '';
  if (list.sort && (list.sort !== 'RELEVANCE' || searching)) return list.sort;
  return searching ? 'RELEVANCE' : 'NEWEST';
}
