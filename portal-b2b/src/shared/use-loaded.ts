import { computed, ref, shallowRef, type Ref } from 'vue';

export type LoadedState = 'loading' | 'error' | 'ready';

/**
 * Something a screen reads from the gateway, with an explicit state. `load` answers the value,
 * or undefined when the request failed. `reload` asks again; the latest request wins and the last
 * value stays on screen meanwhile, so a list does not flash back to a spinner after each action.
 */
export function useLoaded<T>(load: () => Promise<T | undefined>) {
  const value = shallowRef<T | undefined>(undefined) as Ref<T | undefined>;
  const failed = ref(false);
  const fetching = ref(false);
  let latest = 0;

  async function reload(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const result = await load();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = result === undefined;
    if (result !== undefined) value.value = result;
  }
  void reload();

  const state = computed<LoadedState>(() => {
    if (value.value !== undefined) return 'ready';
    return failed.value && !fetching.value ? 'error' : 'loading';
  });

  return { value, state, fetching, reload };
}
