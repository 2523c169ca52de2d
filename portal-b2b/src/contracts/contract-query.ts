import type { ContractSort, ContractStatus } from '@marketgate/graphql-client';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/** The statuses the list filters by, in the order a contract goes through them. */
export const contractStatuses: readonly ContractStatus[] = [
  'PENDING_SIGNATURE',
  'ACTIVE',
  'COMPLETED',
  'TERMINATED',
];

/** The orders the gateway sorts the list in, the default first. */
export const contractSorts: readonly ContractSort[] = [
  'CREATED_DESC',
  'CREATED_ASC',
  'ENDS_ON_ASC',
  'ENDS_ON_DESC',
];

/** The list as its URL keeps it (`?status=ACTIVE&sort=ENDS_ON_ASC`). */
export interface ContractListQuery {
  /** null for none, or one the URL names that the list does not know. */
  status: ContractStatus | null;
  sort: ContractSort;
}

export function parseContractListQuery(query: LocationQuery): ContractListQuery {
  return {
    status: contractStatuses.find((status) => status === query.status) ?? null,
    sort: contractSorts.find((sort) => sort === query.sort) ?? 'CREATED_DESC',
  };
}

/** Only what differs from the default list goes into the address. */
export function toContractListRouteQuery(list: ContractListQuery): LocationQueryRaw {
  return {
    ...(list.status ? { status: list.status } : {}),
    ...(list.sort !== 'CREATED_DESC' ? { sort: list.sort } : {}),
  };
}
