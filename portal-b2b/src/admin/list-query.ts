import type {
  CompanySort,
  CompanyStatus,
  ProductSort,
  ProductStatus,
  SellerSort,
  SellerStatus,
} from '@marketgate/graphql-client';
import type { LocationQuery } from 'vue-router';

/** The values each choice of a list may take, its default first. */
export type Choices = Record<string, readonly string[]>;

/** A list's words and choices as the address bar keeps them, so a link or "back" shows the same list. */
export type ListQuery<C extends Choices> = { search: string } & { [K in keyof C]: C[K][number] };

/** The company queue: waiting companies, oldest registration first, unless asked otherwise. */
export const companyChoices = {
  status: ['PENDING', 'VERIFIED', 'REJECTED', 'ALL'],
  sort: ['CREATED_ASC', 'CREATED_DESC', 'NAME_ASC', 'NAME_DESC'],
} as const satisfies { status: readonly (CompanyStatus | 'ALL')[]; sort: readonly CompanySort[] };

export const sellerChoices = {
  status: ['ALL', 'ACTIVE', 'SUSPENDED'],
  sort: ['NAME_ASC', 'NAME_DESC', 'CREATED_DESC', 'CREATED_ASC'],
} as const satisfies { status: readonly (SellerStatus | 'ALL')[]; sort: readonly SellerSort[] };

/** LISTED: what a shop still sells or prepares (active and draft). */
export const moderationChoices = {
  shown: ['LISTED', 'ACTIVE', 'DRAFT', 'ARCHIVED'],
  sort: ['NEWEST', 'RELEVANCE'],
} as const satisfies { shown: readonly ('LISTED' | ProductStatus)[]; sort: readonly ProductSort[] };

export type CompanyListQuery = ListQuery<typeof companyChoices>;
export type SellerListQuery = ListQuery<typeof sellerChoices>;
export type ModerationListQuery = ListQuery<typeof moderationChoices>;

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text : '';
}

/** Reads the list from the route's query (`?q=…&status=…`); anything unknown means the default. */
export function parseListQuery<C extends Choices>(query: LocationQuery, choices: C): ListQuery<C> {
  const picked = Object.entries(choices).map(([key, values]) => {
    const value = first(query[key]);
    return [key, values.includes(value) ? value : values[0]];
  });
  return { ...Object.fromEntries(picked), search: first(query.q).trim() } as ListQuery<C>;
}

/** The route query of the list: only what differs from the default. */
export function toListRouteQuery<C extends Choices>(
  list: ListQuery<C>,
  choices: C,
): Record<string, string> {
  const changed = Object.entries(choices).flatMap(([key, values]) => {
    const value = String(list[key]);
    return value === values[0] ? [] : [[key, value]];
  });
  const search = list.search.trim();
  return Object.fromEntries(search ? [['q', search], ...changed] : changed);
}
