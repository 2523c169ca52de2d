import { useQuery } from '@urql/vue';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { ProductBySlugDocument, type ProductBySlugQuery } from '../generated/graphql.js';

export type ProductDetail = NonNullable<ProductBySlugQuery['product']>;
export type ProductVariant = ProductDetail['variants'][number];
export type ProductState = 'loading' | 'error' | 'not-found' | 'ready';

/**
 * One product by slug, with every variant's price resolved for `quantity`. A change of quantity
 * keeps the product on screen (`fetching` tells that prices are updating); a change of slug
 * shows the loading state until the other product arrives.
 */
export function useProduct(slug: MaybeRefOrGetter<string>, quantity: MaybeRefOrGetter<number>) {
  const query = useQuery({
    query: ProductBySlugDocument,
    variables: computed(() => ({ slug: toValue(slug), quantity: toValue(quantity) })),
  });

  const product = computed<ProductDetail | null | undefined>(() => {
    const loadedSlug = query.operation.value?.variables.slug;
    return query.data.value && loadedSlug === toValue(slug) ? query.data.value.product : undefined;
  });

  const state = computed<ProductState>(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (product.value === undefined) return 'loading';
    return product.value === null ? 'not-found' : 'ready';
  });

  function retry(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  return { product, state, fetching: query.fetching, error: query.error, retry };
}
