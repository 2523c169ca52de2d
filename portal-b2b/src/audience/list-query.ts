import type { AccountType } from '@marketgate/graphql-client';
import type { LocationQuery } from 'vue-router';

/** The customers list as the address bar keeps it, so a link or "back" shows the same list. */
export interface AccountListQuery {
  accountType: AccountType;
  search: string;
  /** Only accounts with this tag; '' for all. */
  tag: string;
}

/** The segments list: of one account type, or all ('ALL'). */
export interface SegmentListQuery {
  accountType: AccountType | 'ALL';
}

const accountTypes: readonly AccountType[] = ['COMPANY', 'CONSUMER'];

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.trim() : '';
}

function accountTypeOf(query: LocationQuery): AccountType | null {
  const type = first(query.type);
  return accountTypes.find((t) => t === type) ?? null;
}

/** `?type=CONSUMER&q=…&tag=…`; companies by default (the portal is for business). */
export function parseAccountListQuery(query: LocationQuery): AccountListQuery {
  return {
    accountType: accountTypeOf(query) ?? 'COMPANY',
    search: first(query.q),
    tag: first(query.tag),
  };
}

/** The route query of the customers list: only what differs from the default. */
export function toAccountRouteQuery(list: AccountListQuery): Record<string, string> {
  return Object.fromEntries(
    [
      ['type', list.accountType === 'COMPANY' ? '' : list.accountType],
      ['q', list.search.trim()],
      ['tag', list.tag],
    ].filter(([, value]) => value),
  );
}

export function parseSegmentListQuery(query: LocationQuery): SegmentListQuery {
  return { accountType: accountTypeOf(query) ?? 'ALL' };
}

export function toSegmentRouteQuery(list: SegmentListQuery): Record<string, string> {
  return list.accountType === 'ALL' ? {} : { type: list.accountType };
}
