import { useCursorStack, type LoadState } from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';

/** One page of a forward-only connection, as a list screen needs it. */
export interface CursorPage<T> {
  edges: readonly { node: T }[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A list the gateway pages forward only, a page at a time. The cursors of the pages already seen
 * are kept for "previous"; a new `request` (filter, sort) starts again from the first page.
 * `fetchPage` answers the page, or undefined when the request failed; answers to superseded
 * requests are dropped.
 */
export function useCursorPages<T, R>(
  request: MaybeRefOrGetter<R>,
  fetchPage: (
    request: R,
    first: number,
    after: string | null,
  ) => Promise<CursorPage<T> | undefined>,
  pageSize: number,
) {
  const { after, pageNumber, hasPrevious, forward, back, reset } = useCursorStack();
  const items = shallowRef<T[]>([]) as Ref<T[]>;
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
    const page = await fetchPage(toValue(request), pageSize, after.value);
    if (id !== latest) return;
    if (page?.edges.length === 0 && hasPrevious.value) {
      // Its items moved on (an action took them out of the filter): show the page before.
      back();
      return load();
    }
    fetching.value = false;
    failed.value = !page;
    if (page) {
      items.value = page.edges.map((edge) => edge.node);
      totalCount.value = page.totalCount;
      hasNext.value = page.pageInfo.hasNextPage;
      endCursor.value = page.pageInfo.endCursor ?? null;
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
    return items.value.length === 0 ? 'empty' : 'ready';
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
    items,
    state,
    fetching,
    /** Items matching the request, on every page. */
    totalCount,
    pageCount: computed(() => Math.max(1, Math.ceil(totalCount.value / pageSize))),
    hasNext,
    hasPrevious,
    pageNumber,
    next,
    previous,
    /** Loads the current page again, e.g. after a retry or once items have moved on. */
    reload: load,
  };
}

/** What a paged list's previous / next controls need of `useCursorPages`' answer. */
export interface PageControls {
  pageNumber: Readonly<Ref<number>>;
  pageCount: Readonly<Ref<number>>;
  hasPrevious: Readonly<Ref<boolean>>;
  hasNext: Readonly<Ref<boolean>>;
  fetching: Readonly<Ref<boolean>>;
  previous(): void;
  next(): void;
}
