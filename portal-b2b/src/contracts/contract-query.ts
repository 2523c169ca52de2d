import type { ContractStatus } from '@marketgate/graphql-client';
import type { LocationQuery } from 'vue-router';

/** The statuses the list filters by, in the order a contract goes through them. */
export const contractStatuses: readonly ContractStatus[] = [
  'PENDING_SIGNATURE',
  'ACTIVE',
  'COMPLETED',
  'TERMINATED',
];

/** The status filter of a list URL (`?status=ACTIVE`); null for none or one it does not know. */
export function parseContractStatus(query: LocationQuery): ContractStatus | null {
  const value = query.status;
  return contractStatuses.find((status) => status === value) ?? null;
}
