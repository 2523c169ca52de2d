import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { ProductsPageDocument } from '../generated/graphql.js';
import type { ProductsPageProduct } from './use-product-pages.js';

const suggestionCount = 5;
const suggestionDelayMs = 250;
const minSuggestionLength = 2;

/**
 * Products matching what the visitor is typing, asked for once the typing pauses. Results of the
 * previous words stay until the new ones arrive, so the list does not flicker while typing.
 */
export function useSearchSuggestions(text: MaybeRefOrGetter<string>) {
  const settled = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(
    () => toValue(text).trim(),
    (value) => {
      clearTimeout(timer);
      if (value.length < minSuggestionLength) settled.value = '';
      else timer = setTimeout(() => (settled.value = value), suggestionDelayMs);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearTimeout(timer));

  const query = useQuery({
    query: ProductsPageDocument,
    variables: computed(() => ({
      first: suggestionCount,
      filter: { search: settled.value },
      sort: 'RELEVANCE' as const,
    })),
    pause: computed(() => settled.value === ''),
  });

  const suggestions = computed<ProductsPageProduct[]>(() =>
    settled.value === '' ? [] : (query.data.value?.products.edges.map((edge) => edge.node) ?? []),
  );

  return { suggestions, query: settled, fetching: query.fetching, error: query.error };
}
