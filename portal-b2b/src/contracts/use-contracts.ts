import {
  ContractsListDocument,
  type ContractsListQuery,
  type ContractsSummaryFragment,
} from '@marketgate/graphql-client';
import { computed, shallowRef, type MaybeRefOrGetter } from 'vue';
import { useCursorPages } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';
import type { ContractListQuery } from './contract-query';

export const CONTRACTS_PAGE_SIZE = 20;

/**
 * The viewer's contracts (their companies' or their shop's) a page at a time, filtered by status
 * and sorted on the gateway, and the agreements the gateway lists as nearing their end.
 */
export function useContractList(list: MaybeRefOrGetter<ContractListQuery>) {
  const session = useSessionStore();
  const nearingEnd = shallowRef<ContractsListQuery['contractsNearingEnd']>([]);
  const { items, ...pages } = useCursorPages<ContractsSummaryFragment, ContractListQuery>(
    list,
    async ({ status, sort }, first, after) => {
      const { data, error } = await session.client
        .query(
          ContractsListDocument,
          { status, sort, first, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (error || !data) return undefined;
      nearingEnd.value = data.contractsNearingEnd;
      return data.contracts;
    },
    CONTRACTS_PAGE_SIZE,
  );
  const nearingEndIds = computed(() => new Set(nearingEnd.value.map((c) => c.id)));
  return { contracts: items, nearingEnd, nearingEndIds, ...pages };
}
