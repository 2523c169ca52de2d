import { onActivated, onDeactivated, ref, toValue, watchEffect, type MaybeRefOrGetter } from 'vue';

/**
 * Keeps `document.title` in step with the page, e.g. "Green tea · Marketgate". A page kept alive
 * in the background leaves the title alone, even when its texts change (a switch of language).
 */
export function usePageTitle(title: MaybeRefOrGetter<string | null | undefined>, site: string) {
  const active = ref(true);
  onActivated(() => {
    active.value = true;
  });
  onDeactivated(() => {
    active.value = false;
  });
  watchEffect(() => {
    if (!active.value) return;
    const page = toValue(title);
    document.title = page ? `${page} · ${site}` : site;
  });
}
