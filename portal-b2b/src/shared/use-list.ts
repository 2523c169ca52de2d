import type { LoadState } from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';

/**
 * A list the gateway answers whole for a filter (e.g. a status). `fetchList` answers the list, or
 * undefined when the request failed; a new `filter` loads again, and answers to superseded
 * requests are dropped.
 */
export function useList<T, F>(
  filter: MaybeRefOrGetter<F>,
  fetchList: (filter: F) => Promise<T[] | undefined>,
) {
  const items = shallowRef<T[]>([]) as Ref<T[]>;
  const fetching = ref(false);
  const failed = ref(false);
  const loaded = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const list = await fetchList(toValue(filter));
    if (request !== latest) return;
    fetching.value = false;
    failed.value = !list;
    if (list) {
      items.value = list;
      loaded.value = true;
    }
  }

  watch(
    () => toValue(filter),
    () => {
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

  return { items, state, fetching, reload: load };
}
