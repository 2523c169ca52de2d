import { onActivated } from 'vue';

/**
 * For a list page kept alive while the viewer opens one of its items: what happens there can
 * change the list, so it is loaded again each time the page is shown after the first.
 */
export function useReloadOnReturn(reload: () => Promise<void>): void {
  let shownBefore = false;
  onActivated(() => {
    if (shownBefore) void reload();
    shownBefore = true;
  });
}
