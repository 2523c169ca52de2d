import {
  RequestsQuoteRequestsDocument,
  type LoadState,
  type QuoteStatus,
  type RequestsSummaryFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * The company's quote requests, newest first, filtered by status on the gateway. Answers to
 * superseded requests (the filter changed meanwhile) are dropped.
 */
export function useQuoteRequests(status: MaybeRefOrGetter<QuoteStatus | ''>) {
  const session = useSessionStore();
  const requests = shallowRef<RequestsSummaryFragment[]>([]);
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
        RequestsQuoteRequestsDocument,
        { filter: wanted ? { status: wanted } : null },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) {
      requests.value = data.quoteRequests;
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
    return requests.value.length === 0 ? 'empty' : 'ready';
  });

  return { requests, state, fetching, reload: load };
}
