import { useQuery, type AnyVariables, type UseQueryResponse } from '@urql/vue';
import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import {
  StorefrontContentDocument,
  StorefrontCrossSellDocument,
  StorefrontOftenBoughtWithDocument,
  type ContentPlacement,
  type StorefrontBlockFragment,
  type StorefrontRecommendationFragment,
} from '../generated/graphql.js';
import type { LoadState } from './load-state.js';

export type StorefrontBlock = StorefrontBlockFragment;
export type StorefrontRecommendation = StorefrontRecommendationFragment;

/** A list the page decorates: its items and whether it is loading, failed, empty or ready. */
function listOf<Q, V extends AnyVariables, T>(
  query: UseQueryResponse<Q, V>,
  items: (data: Q) => readonly T[],
) {
  const list = computed<readonly T[]>(() => (query.data.value ? items(query.data.value) : []));
  const state: ComputedRef<LoadState> = computed(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (!query.data.value) return 'loading';
    return list.value.length === 0 ? 'empty' : 'ready';
  });
  return { list, state };
}

/** The content blocks placed for the viewer (a signed-in consumer, or a guest) at `placement`. */
export function usePlacedContent(placement: ContentPlacement, first = 5) {
  const query = useQuery({ query: StorefrontContentDocument, variables: { placement, first } });
  const { list, state } = listOf(query, (data) => data.placedContent);
  return { blocks: list, state };
}

/** Products often bought with the product `productId` (cross-sell); paused while it is unknown. */
export function useOftenBoughtWith(productId: MaybeRefOrGetter<string | undefined>, first = 4) {
  const query = useQuery({
    query: StorefrontOftenBoughtWithDocument,
    variables: computed(() => ({ productId: toValue(productId) ?? '', first })),
    pause: computed(() => !toValue(productId)),
  });
  const { list, state } = listOf(query, (data) => data.product?.oftenBoughtWith ?? []);
  return { recommendations: list, state };
}

/**
 * Cross-sell for the visitor's cart (a guest's by its token). `revision` changes whenever the
 * cart's lines do, and fetches the recommendations again.
 */
export function useCartCrossSell(
  cartToken: MaybeRefOrGetter<string | null>,
  revision: MaybeRefOrGetter<string>,
  first = 4,
) {
  const query = useQuery({
    query: StorefrontCrossSellDocument,
    variables: computed(() => ({ cartToken: toValue(cartToken), first })),
  });
  watch(
    () => toValue(revision),
    () => query.executeQuery({ requestPolicy: 'network-only' }),
  );
  const { list, state } = listOf(query, (data) => data.cart?.crossSell ?? []);
  return { recommendations: list, state };
}
