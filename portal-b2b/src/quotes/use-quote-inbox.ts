import {
  QuotesInboxDocument,
  type LoadState,
  type QuoteStatus,
  type QuotesSummaryFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

/** The shop's quote requests with one status (or all), as the gateway answers them. */
export function useQuoteInbox(status: MaybeRefOrGetter<QuoteStatus | ''>) {
  const session = useSessionStore();
  const quotes = shallowRef<QuotesSummaryFragment[]>([]);
  const fetching = ref(false);
  const failed = ref(false);
  const loaded = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const wanted = toValue(status);
    const { data, error } = await session.client
      .query(
        QuotesInboxDocument,
        { filter: wanted ? { status: wanted } : null },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) {
      quotes.value = data.quoteRequests;
      loaded.value = true;
    }
  }

  watch(
    () => toValue(status),
    () => {
      loaded.value = false;
      void load();
    },
    { immediate: true },
  );

  const state = computed<LoadState>(() => {
    if (failed.value && !fetching.value) return 'error';
    if (!loaded.value) return 'loading';
    return quotes.value.length === 0 ? 'empty' : 'ready';
  });

  return { quotes, state, fetching, reload: load };
}
