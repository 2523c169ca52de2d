import {
  QuotesVersionDiffDocument,
  type LoadState,
  type QuotesVersionDiffQuery,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

export type VersionDiff = NonNullable<QuotesVersionDiffQuery['quoteVersionDiff']>;

/** What the gateway says changed between two versions of a quote (by number). */
export function useVersionDiff(
  quoteId: MaybeRefOrGetter<string>,
  from: MaybeRefOrGetter<number>,
  to: MaybeRefOrGetter<number>,
) {
  const session = useSessionStore();
  const diff = shallowRef<VersionDiff | null>(null);
  const fetching = ref(false);
  const failed = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const variables = { quoteId: toValue(quoteId), from: toValue(from), to: toValue(to) };
    const { data, error } = await session.client
      .query(QuotesVersionDiffDocument, variables, { requestPolicy: 'network-only' })
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    diff.value = data?.quoteVersionDiff ?? null;
  }

  watch(
    () => [toValue(quoteId), toValue(from), toValue(to)],
    () => {
      diff.value = null;
      void load();
    },
    { immediate: true },
  );

  const state = computed<LoadState>(() => {
    if (fetching.value) return 'loading';
    if (failed.value) return 'error';
    return diff.value ? 'ready' : 'empty';
  });

  return { diff, state, reload: load };
}
