import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { CategoriesDocument, type CategoriesQuery } from '../generated/graphql.js';
import type { LoadState } from './load-state.js';

export type CatalogCategory = CategoriesQuery['categories'][number];

/** All categories (ordered by position, then name), with helpers to walk the tree. */
export function useCategories() {
  const query = useQuery({ query: CategoriesDocument });

  const categories = computed<CatalogCategory[]>(() => query.data.value?.categories ?? []);
  const topLevel = computed(() => categories.value.filter((c) => c.parentId === null));

  const state = computed<LoadState>(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (!query.data.value) return 'loading';
    return categories.value.length === 0 ? 'empty' : 'ready';
  });

  function bySlug(slug: string): CatalogCategory | undefined {
    return categories.value.find((c) => c.slug === slug);
  }

  function childrenOf(id: string): CatalogCategory[] {
    return categories.value.filter((c) => c.parentId === id);
  }

  /** The category's ancestors, root first. */
  function ancestorsOf(category: CatalogCategory): CatalogCategory[] {
    const byId = new Map(categories.value.map((c) => [c.id, c]));
    const ancestors: CatalogCategory[] = [];
    const seen = new Set([category.id]);
    let parent = category.parentId ? byId.get(category.parentId) : undefined;
    while (parent && !seen.has(parent.id)) {
      ancestors.unshift(parent);
      seen.add(parent.id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return ancestors;
  }

  function retry(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  return {
    categories,
    topLevel,
    state,
    error: query.error,
    bySlug,
    childrenOf,
    ancestorsOf,
    retry,
  };
}
