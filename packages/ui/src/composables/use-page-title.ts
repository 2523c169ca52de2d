import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue';

/** Keeps `document.title` in step with the page, e.g. "Green tea · Marketgate". */
export function usePageTitle(title: MaybeRefOrGetter<string | null | undefined>, site: string) {
  watchEffect(() => {
    const page = toValue(title);
    document.title = page ? `${page} · ${site}` : site;
  });
}
