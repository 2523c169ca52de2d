import {
  SellerOrdersDocument,
  useCursorStack,
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
  const { after, pageNumber, hasPrevious, forward, back, reset } = useCursorStack();
  const orders = shallowRef<SellerOrderSummaryFragment[]>([]);
  const totalCount = ref(0);
  const hasNext = ref(false);
  const endCursor = ref<string | null>(null);
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
      totalCount.value = data.sellerOrders.totalCount;
      hasNext.value = data.sellerOrders.pageInfo.hasNextPage;
      endCursor.value = data.sellerOrders.pageInfo.endCursor ?? null;
      loaded.value = true;
    }
  }

  watch(
    () => JSON.stringify(toValue(filter)),
    () => {
      reset();
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
    forward(endCursor.value);
    void load();
  }

  function previous(): void {
    if (!hasPrevious.value || fetching.value) return;
    back();
    void load();
  }

  return {
    orders,
    state,
    fetching,
    /** Orders matching the filter, on every page. */
    totalCount,
    pageCount: computed(() => Math.max(1, Math.ceil(totalCount.value / pageSize))),
    hasNext,
    hasPrevious,
    pageNumber,
    next,
    previous,
    /** Loads the current page again, e.g. after a retry or once orders have moved on. */
    reload: load,
  };
}
