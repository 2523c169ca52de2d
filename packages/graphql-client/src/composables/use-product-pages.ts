import { useQuery } from '@urql/vue';
import { computed, toValue, watch, type MaybeRefOrGetter } from 'vue';
import {
  ProductsPageDocument,
  type ProductFilter,
  type ProductSort,
  type ProductsPageQuery,
} from '../generated/graphql.js';
import { useCursorStack } from './cursor-stack.js';
import type { LoadState } from './load-state.js';

export type ProductsPageProduct = ProductsPageQuery['products']['edges'][number]['node'];
export type ProductsPageFacets = ProductsPageQuery['products']['facets'];

export interface ProductPagesOptions {
  filter?: MaybeRefOrGetter<ProductFilter>;
  sort?: MaybeRefOrGetter<ProductSort>;
  pageSize?: number;
  /** Also fetch each variant's price as resolved for the signed-in viewer. */
  viewerPrices?: boolean;
  /** The quantity those viewer prices are for. */
  quantity?: MaybeRefOrGetter<number>;
  /** Holds the query back until its filter is known (e.g. a category id looked up by slug). */
  enabled?: MaybeRefOrGetter<boolean>;
}

/**
 * Pages through the product connection with "next" and "previous". The connection only pages
 * forward, so the `after` cursors of the pages already seen are kept on a stack; a change of
 * filter or sort starts again from the first page.
 */
export function useProductPages(options: ProductPagesOptions = {}) {
  const { pageSize = 12, viewerPrices = false } = options;
  const filter = computed<ProductFilter>(() => toValue(options.filter) ?? {});
  const sort = computed<ProductSort>(() => toValue(options.sort) ?? 'RELEVANCE');

  const { after, pageNumber, hasPrevious, forward, back, reset } = useCursorStack();

  watch([() => JSON.stringify(filter.value), sort], reset);

  const query = useQuery({
    query: ProductsPageDocument,
    pause: () => !(toValue(options.enabled) ?? true),
    variables: computed(() => ({
      first: pageSize,
      after: after.value,
      filter: filter.value,
      sort: sort.value,
      viewerPrices,
      quantity: toValue(options.quantity) ?? 1,
    })),
  });

  const connection = computed(() => query.data.value?.products);
  const products = computed<ProductsPageProduct[]>(
    () => connection.value?.edges.map((edge) => edge.node) ?? [],
  );
  const totalCount = computed(() => connection.value?.totalCount ?? 0);
  const facets = computed<ProductsPageFacets | undefined>(() => connection.value?.facets);
  const pageCount = computed(() => Math.max(1, Math.ceil(totalCount.value / pageSize)));
  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);

  const state = computed<LoadState>(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (!connection.value) return 'loading';
    return products.value.length === 0 ? 'empty' : 'ready';
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
    products,
    totalCount,
    facets,
    pageNumber,
    pageCount,
    hasPrevious,
    hasNext,
    state,
    fetching: query.fetching,
    error: query.error,
    next,
    previous,
    retry,
  };
}
