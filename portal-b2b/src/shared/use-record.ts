import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';

export type RecordState = 'loading' | 'error' | 'not-found' | 'ready';

/** What reading one record answered: the record (null: the gateway has none), or no data. */
export interface RecordAnswer<T> {
  record: T | null | undefined;
  failed: boolean;
}

/**
 * One record a screen shows by its id, read from the gateway again whenever the id changes.
 * The latest read wins; `show` puts a record the gateway answered to a change in place and drops
 * any read still under way, so a step's answer is never overwritten by an older read.
 */
export function useRecord<T>(
  id: MaybeRefOrGetter<string>,
  fetchRecord: (id: string) => Promise<RecordAnswer<T>>,
) {
  const record = shallowRef<T | null | undefined>(undefined) as Ref<T | null | undefined>;
  const failed = ref(false);
  const fetching = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const answer = await fetchRecord(toValue(id));
    if (request !== latest) return;
    fetching.value = false;
    failed.value = answer.failed;
    if (answer.record !== undefined) record.value = answer.record;
  }

  watch(
    () => toValue(id),
    () => {
      record.value = undefined;
      void load();
    },
    { immediate: true },
  );

  const state = computed<RecordState>(() => {
    if (failed.value && !fetching.value && record.value === undefined) return 'error';
    if (record.value === undefined) return 'loading';
    return record.value === null ? 'not-found' : 'ready';
  });

  function show(next: T): void {
    latest++;
    fetching.value = false;
    record.value = next;
  }

  return { record, state, load, show };
}
