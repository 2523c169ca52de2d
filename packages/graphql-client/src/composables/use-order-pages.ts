import { useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { MyOrdersDocument, type MyOrdersQuery } from '../generated/graphql.js';
import type { LoadState } from './load-state.js';

export type OrderListItem = MyOrdersQuery['myOrders']['edges'][number]['node'];

/**
 * The signed-in consumer's orders, newest first, a page at a time. The connection only pages
 * forward, so the `after` cursors of the pages already seen are kept for "previous".
 */
export function useOrderPages(pageSize = 10) {
  const previousCursors = ref<(string | null)[]>([]);
  const after = ref<string | null>(null);

  const query = useQuery({
    query: MyOrdersDocument,
    variables: computed(() => ({ first: pageSize, after: after.value })),
    requestPolicy: 'cache-and-network',
  });

  const connection = computed(() => query.data.value?.myOrders);
  const orders = computed<OrderListItem[]>(
    () => connection.value?.edges.map((edge) => edge.node) ?? [],
  );
  const pageNumber = computed(() => previousCursors.value.length + 1);
  const hasPrevious = computed(() => previousCursors.value.length > 0);
  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);

  const state = computed<LoadState>(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (!connection.value) return 'loading';
    return orders.value.length === 0 ? 'empty' : 'ready';
  });

  function next(): void {
    const endCursor = connection.value?.pageInfo.endCursor;
    if (!hasNext.value || !endCursor || query.fetching.value) return;
    previousCursors.value.push(after.value);
    after.value = endCursor;
  }

  function previous(): void {
    if (!hasPrevious.value || query.fetching.value) return;
    after.value = previousCursors.value.pop() ?? null;
  }

  function retry(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  return {
    orders,
    pageNumber,
    hasPrevious,
    hasNext,
    state,
    fetching: query.fetching,
    next,
    previous,
    retry,
  };
}
