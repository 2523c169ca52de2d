import {
  SellerOrdersDocument,
  type LoadState,
  type SellerOrderFilter,
  type SellerOrderSummaryFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * The shop's orders, newest first, a page at a time, filtered on the gateway. The connection
 * only pages forward, so the `after` cursors of the pages already seen are kept for "previous";
 * a new filter starts again from the first page. Answers to superseded requests are dropped.
 */
export function useSellerOrders(filter: MaybeRefOrGetter<SellerOrderFilter>, pageSize = 20) {
  const session = useSessionStore();
  const orders = shallowRef<SellerOrderSummaryFragment[]>([]);
  const hasNext = ref(false);
  const endCursor = ref<string | null>(null);
  const previousCursors = ref<(string | null)[]>([]);
  const after = ref<string | null>(null);
  const fetching = ref(false);
  const failed = ref(false);
  const loaded = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const { data, error } = await session.client
      .query(
        SellerOrdersDocument,
        { filter: toValue(filter), first: pageSize, after: after.value },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) {
      orders.value = data.sellerOrders.edges.map((edge) => edge.node);
      hasNext.value = data.sellerOrders.pageInfo.hasNextPage;
      endCursor.value = data.sellerOrders.pageInfo.endCursor ?? null;
      loaded.value = true;
    }
  }

  watch(
    () => JSON.stringify(toValue(filter)),
    () => {
      previousCursors.value = [];
      after.value = null;
      loaded.value = false;
      void load();
    },
    { immediate: true },
  );

  const state = computed<LoadState>(() => {
    if (failed.value && !fetching.value) return 'error';
    if (!loaded.value) return 'loading';
    return orders.value.length === 0 ? 'empty' : 'ready';
  });

  function next(): void {
    if (!hasNext.value || !endCursor.value || fetching.value) return;
    previousCursors.value.push(after.value);
    after.value = endCursor.value;
    void load();
  }

  function previous(): void {
    if (previousCursors.value.length === 0 || fetching.value) return;
    after.value = previousCursors.value.pop() ?? null;
    void load();
  }

  return {
    orders,
    state,
    fetching,
    hasNext,
    hasPrevious: computed(() => previousCursors.value.length > 0),
    pageNumber: computed(() => previousCursors.value.length + 1),
    next,
    previous,
    /** Loads the current page again, e.g. after a retry or once orders have moved on. */
    reload: load,
  };
}
