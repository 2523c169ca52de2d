import {
  ApprovalsMyTasksDocument,
  type ApprovalsTaskFragment,
  type LoadState,
} from '@marketgate/graphql-client';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import { useSessionStore } from '../stores/session';

/** How often the inbox asks the gateway again while it is on screen. */
export const taskPollIntervalMs = 10_000;

/**
 * The viewer's pending approval tasks, kept current by polling.
 *
 * The gateway serves GraphQL over plain HTTP and offers no subscriptions, so a task raised or
 * taken by a colleague reaches the inbox by asking again every `intervalMs`. Polling runs only
 * while the page is visible: a tab left in the background would otherwise keep every approver's
 * browser hitting the gateway for a list nobody reads. When the tab is shown again the inbox asks
 * at once, so what comes into view is current, and then resumes its rhythm. The next request is
 * scheduled after the previous answer arrives, so a slow gateway is never asked twice at once.
 */
export function useApprovalTasks(intervalMs = taskPollIntervalMs) {
  const session = useSessionStore();
  const tasks = shallowRef<ApprovalsTaskFragment[] | undefined>(undefined);
  const refreshedAt = shallowRef<Date | null>(null);
  const failed = ref(false);
  const fetching = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let stopped = false;

  const visible = (): boolean => document.visibilityState === 'visible';

  function pause(): void {
    clearTimeout(timer);
    timer = undefined;
  }

  function schedule(): void {
    pause();
    if (!stopped && visible()) timer = setTimeout(() => void refresh(), intervalMs);
  }

  async function refresh(): Promise<void> {
    pause();
    const request = ++latest;
    fetching.value = true;
    const { data, error } = await session.client
      .query(ApprovalsMyTasksDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (request !== latest || stopped) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) {
      tasks.value = data.myApprovalTasks;
      refreshedAt.value = new Date();
    }
    schedule();
  }

  function onVisibilityChange(): void {
    if (visible()) void refresh();
    else pause();
  }

  document.addEventListener('visibilitychange', onVisibilityChange);
  onScopeDispose(() => {
    stopped = true;
    pause();
    document.removeEventListener('visibilitychange', onVisibilityChange);
  });
  void refresh();

  const state = computed<LoadState>(() => {
    if (failed.value && !fetching.value && !tasks.value) return 'error';
    if (!tasks.value) return 'loading';
    return tasks.value.length === 0 ? 'empty' : 'ready';
  });

  /** The last refresh failed while older tasks are still shown. */
  const stale = computed(() => failed.value && tasks.value !== undefined);

  return { tasks, state, stale, refreshedAt, refresh };
}
