import type {
  ApprovalTaskSort,
  CreditLineSort,
  DueMilestoneSort,
} from '@marketgate/graphql-client';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/** A text parameter of the address, or null when it is missing, empty or repeated. */
function text(value: LocationQuery[string] | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The orders the gateway sorts the approval inbox in, the default first. */
export const taskSorts: readonly ApprovalTaskSort[] = [
  'REQUESTED_ASC',
  'REQUESTED_DESC',
  'AMOUNT_DESC',
  'AMOUNT_ASC',
];

/** The approval inbox as its address keeps it (`?company=3&sort=AMOUNT_DESC`). */
export interface TaskListQuery {
  companyId: string | null;
  sort: ApprovalTaskSort;
}

export function parseTaskListQuery(query: LocationQuery): TaskListQuery {
  return {
    companyId: text(query.company),
    sort: taskSorts.find((sort) => sort === query.sort) ?? 'REQUESTED_ASC',
  };
}

/** Only what differs from the default list goes into the address. */
export function toTaskListRouteQuery(list: TaskListQuery): LocationQueryRaw {
  return {
    ...(list.companyId ? { company: list.companyId } : {}),
    ...(list.sort !== 'REQUESTED_ASC' ? { sort: list.sort } : {}),
  };
}

/** The orders the gateway sorts the bills in, the default first. */
export const billSorts: readonly DueMilestoneSort[] = [
  'DUE_ASC',
  'DUE_DESC',
  'OUTSTANDING_DESC',
  'OUTSTANDING_ASC',
];

/** The billing screen as its address keeps it (`?overdue=1&contract=7&sort=DUE_DESC`). */
export interface BillListQuery {
  overdueOnly: boolean;
  companyId: string | null;
  contractId: string | null;
  sort: DueMilestoneSort;
}

export function parseBillListQuery(query: LocationQuery): BillListQuery {
  return {
    overdueOnly: query.overdue === '1',
    companyId: text(query.company),
    contractId: text(query.contract),
    sort: billSorts.find((sort) => sort === query.sort) ?? 'DUE_ASC',
  };
}

export function toBillListRouteQuery(list: BillListQuery): LocationQueryRaw {
  return {
    ...(list.overdueOnly ? { overdue: '1' } : {}),
    ...(list.companyId ? { company: list.companyId } : {}),
    ...(list.contractId ? { contract: list.contractId } : {}),
    ...(list.sort !== 'DUE_ASC' ? { sort: list.sort } : {}),
  };
}

/** The orders the gateway sorts the credit lines in, the default first. */
export const creditSorts: readonly CreditLineSort[] = [
  'COMPANY_ASC',
  'COMPANY_DESC',
  'EXPOSURE_DESC',
  'EXPOSURE_ASC',
];

/** The seller's credit lines as their address keeps them (`?q=acme&over=1&sort=EXPOSURE_DESC`). */
export interface CreditListQuery {
  /** Text in the company's name; empty for every company. */
  search: string;
  overLimitOnly: boolean;
  sort: CreditLineSort;
}

export function parseCreditListQuery(query: LocationQuery): CreditListQuery {
  return {
    search: text(query.q) ?? '',
    overLimitOnly: query.over === '1',
    sort: creditSorts.find((sort) => sort === query.sort) ?? 'COMPANY_ASC',
  };
}

export function toCreditListRouteQuery(list: CreditListQuery): LocationQueryRaw {
  const search = list.search.trim();
  return {
    ...(search ? { q: search } : {}),
    ...(list.overLimitOnly ? { over: '1' } : {}),
    ...(list.sort !== 'COMPANY_ASC' ? { sort: list.sort } : {}),
  };
}
