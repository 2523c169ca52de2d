import {
  ApprovalsDueBillsDocument,
  type ApprovalsBillFragment,
  type LoadState,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * What the viewer's companies owe and have not paid: installments and call-off invoices that fell
 * due, earliest first; only the overdue ones when `overdueOnly`. The gateway decides what is due.
 */
export function useDueBills(overdueOnly: MaybeRefOrGetter<boolean>) {
  const session = useSessionStore();
  const bills = shallowRef<ApprovalsBillFragment[] | undefined>(undefined);
  const failed = ref(false);
  const fetching = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const { data, error } = await session.client
      .query(
        ApprovalsDueBillsDocument,
        { overdueOnly: toValue(overdueOnly) },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) bills.value = data.dueMilestones;
  }

  watch(
    () => toValue(overdueOnly),
    () => {
      bills.value = undefined;
      void load();
    },
    { immediate: true },
  );

  const state = computed<LoadState>(() => {
    if (failed.value && !fetching.value && !bills.value) return 'error';
    if (!bills.value) return 'loading';
    return bills.value.length === 0 ? 'empty' : 'ready';
  });

  return { bills, state, reload: load };
}
