import { ApprovalsMyTasksDocument, type ApprovalsTaskFragment } from '@marketgate/graphql-client';
import { onScopeDispose, ref, shallowRef, watch, type MaybeRefOrGetter } from 'vue';
import { useCursorPages, type CursorPage } from '../shared/use-cursor-pages';
import { useSessionStore } from '../stores/session';
import type { TaskListQuery } from './list-query';

/** How often the inbox asks the gateway again while it is on screen. */
export const taskPollIntervalMs = 10_000;

export const TASKS_PAGE_SIZE = 20;

/**
 * The viewer's pending approval tasks, a page at a time, filtered and sorted on the gateway, the
 * page on screen kept current by polling.
 *
 * The gateway serves GraphQL over plain HTTP and offers no subscriptions, so a task raised or
 * taken by a colleague reaches the inbox by asking for the page on screen again every
 * `intervalMs`. Polling runs only while the page is visible: a tab left in the background would
 * otherwise keep every approver's browser hitting the gateway for a list nobody reads. When the
 * tab is shown again the inbox asks at once, so what comes into view is current, and then resumes
 * its rhythm. The next check is scheduled after the previous answer arrives (whichever asked,
 * the poll or the viewer paging), so a slow gateway is never asked twice at once. A failed check
 * keeps the page on screen and says it may be out of date (`stale`).
 */
export function useApprovalTasks(
  list: MaybeRefOrGetter<TaskListQuery>,
  intervalMs = taskPollIntervalMs,
) {
  const session = useSessionStore();
  const refreshedAt = shallowRef<Date | null>(null);
  const stale = ref(false);
  let shown: { key: string; page: CursorPage<ApprovalsTaskFragment> } | undefined;

  const { items, ...pages } = useCursorPages<ApprovalsTaskFragment, TaskListQuery>(
    list,
    async ({ companyId, sort }, first, after) => {
      const key = JSON.stringify([companyId, sort, after]);
      const { data, error } = await session.client
        .query(
          ApprovalsMyTasksDocument,
          { filter: companyId ? { companyId } : null, sort, first, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (error || !data) {
        if (shown?.key !== key) return undefined;
        stale.value = true;
        return shown.page;
      }
      shown = { key, page: data.myApprovalTasks };
      stale.value = false;
      refreshedAt.value = new Date();
      return data.myApprovalTasks;
    },
    TASKS_PAGE_SIZE,
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const visible = (): boolean => document.visibilityState === 'visible';

  function pause(): void {
    clearTimeout(timer);
    timer = undefined;
  }

  function schedule(): void {
    pause();
    if (!stopped && visible()) timer = setTimeout(refresh, intervalMs);
  }

  /** Asks for the page on screen again now. */
  function refresh(): void {
    pause();
    void pages.reload();
  }

  watch(pages.fetching, (fetching) => (fetching ? pause() : schedule()));

  function onVisibilityChange(): void {
    if (visible()) refresh();
    else pause();
  }

  document.addEventListener('visibilitychange', onVisibilityChange);
  onScopeDispose(() => {
    stopped = true;
    pause();
    document.removeEventListener('visibilitychange', onVisibilityChange);
  });

  return { tasks: items, ...pages, stale, refreshedAt, refresh };
}
