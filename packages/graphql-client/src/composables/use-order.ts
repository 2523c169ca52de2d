import { useQuery } from '@urql/vue';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { OrderDocument, type OrderDetailFragment } from '../generated/graphql.js';

export type OrderState = 'loading' | 'error' | 'not-found' | 'ready';

/** One of the viewer's orders; someone else's order is `not-found`, like a missing one. */
export function useOrder(id: MaybeRefOrGetter<string>) {
  const query = useQuery({
    query: OrderDocument,
    variables: computed(() => ({ id: toValue(id) })),
    requestPolicy: 'cache-and-network',
  });

  const order = computed<OrderDetailFragment | null | undefined>(() =>
    query.data.value && query.operation.value?.variables.id === toValue(id)
      ? query.data.value.order
      : undefined,
  );

  const state = computed<OrderState>(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (order.value === undefined) return 'loading';
    return order.value === null ? 'not-found' : 'ready';
  });

  function refresh(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  return { order, state, fetching: query.fetching, refresh };
}
