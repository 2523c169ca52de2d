import {
  ContractsListDocument,
  type ContractStatus,
  type ContractsListQuery,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

export type ContractListState = 'loading' | 'error' | 'empty' | 'ready';

/**
 * The viewer's contracts (their companies' or their shop's, newest first, filtered by status on
 * the gateway) and the agreements the gateway lists as nearing their end.
 */
export function useContractList(status: MaybeRefOrGetter<ContractStatus | null>) {
  const session = useSessionStore();
  const data = shallowRef<ContractsListQuery | undefined>(undefined);
  const failed = ref(false);
  const fetching = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const answer = await session.client
      .query(ContractsListDocument, { status: toValue(status) }, { requestPolicy: 'network-only' })
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(answer.error) || !answer.data;
    if (answer.data) data.value = answer.data;
  }

  watch(() => toValue(status), load, { immediate: true });

  const contracts = computed(() => data.value?.contracts ?? []);
  const nearingEnd = computed(() => data.value?.contractsNearingEnd ?? []);
  const nearingEndIds = computed(() => new Set(nearingEnd.value.map((c) => c.id)));

  const state = computed<ContractListState>(() => {
    if (failed.value && !fetching.value) return 'error';
    if (data.value === undefined) return 'loading';
    return contracts.value.length === 0 ? 'empty' : 'ready';
  });

  return { contracts, nearingEnd, nearingEndIds, state, fetching, reload: load };
}
