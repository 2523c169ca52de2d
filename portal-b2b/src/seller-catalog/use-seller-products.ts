import {
  SellerCatalogProductsDocument,
  useCursorStack,
  type LoadState,
  type ProductFilter,
  type ProductSort,
  type SellerCatalogProductRowFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * The shop's products, a page at a time, filtered and sorted on the gateway. The connection only
 * pages forward, so the cursors of the pages already seen are kept for "previous"; a new filter
 * or sort starts again from the first page. Answers to superseded requests are dropped.
 */
export function useSellerProducts(
  request: MaybeRefOrGetter<{ filter: ProductFilter; sort: ProductSort }>,
  pageSize = 20,
) {
  const session = useSessionStore();
  const { after, pageNumber, hasPrevious, forward, back, reset } = useCursorStack();
  const products = shallowRef<SellerCatalogProductRowFragment[]>([]);
  const totalCount = ref(0);
  const hasNext = ref(false);
  const endCursor = ref<string | null>(null);
  const fetching = ref(false);
  const failed = ref(false);
  const loaded = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const id = ++latest;
    fetching.value = true;
    const { filter, sort } = toValue(request);
    const { data, error } = await session.client
      .query(
        SellerCatalogProductsDocument,
        { filter, sort, first: pageSize, after: after.value },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (id !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) {
      products.value = data.products.edges.map((edge) => edge.node);
      totalCount.value = data.products.totalCount;
      hasNext.value = data.products.pageInfo.hasNextPage;
      endCursor.value = data.products.pageInfo.endCursor ?? null;
      loaded.value = true;
    }
  }

  watch(
    () => JSON.stringify(toValue(request)),
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
    return products.value.length === 0 ? 'empty' : 'ready';
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
    products,
    state,
    fetching,
    /** Products matching the filter, on every page. */
    totalCount,
    pageCount: computed(() => Math.max(1, Math.ceil(totalCount.value / pageSize))),
    hasNext,
    hasPrevious,
    pageNumber,
    next,
    previous,
    reload: load,
  };
}
