import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { MyOrdersDocument, type MyOrdersQuery } from '../generated/graphql.js';
import { useCursorStack } from './cursor-stack.js';
import type { LoadState } from './load-state.js';

export type OrderListItem = MyOrdersQuery['myOrders']['edges'][number]['node'];

/**
 * The signed-in consumer's orders, newest first, a page at a time. The connection only pages
 * forward, so the `after` cursors of the pages already seen are kept for "previous".
 */
export function useOrderPages(pageSize = 10) {
  const { after, pageNumber, hasPrevious, forward, back } = useCursorStack();

  const query = useQuery({
    query: MyOrdersDocument,
    variables: computed(() => ({ first: pageSize, after: after.value })),
    requestPolicy: 'cache-and-network',
  });

  const connection = computed(() => query.data.value?.myOrders);
  const orders = computed<OrderListItem[]>(
    () => connection.value?.edges.map((edge) => edge.node) ?? [],
  );
  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);

  const state = computed<LoadState>(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (!connection.value) return 'loading';
    return orders.value.length === 0 ? 'empty' : 'ready';
  });

  function next(): void {
    const endCursor = connection.value?.pageInfo.endCursor;
    if (!hasNext.value || !endCursor || query.fetching.value) return;
    forward(endCursor);
  }

  function previous(): void {
    if (!hasPrevious.value || query.fetching.value) return;
    back();
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
