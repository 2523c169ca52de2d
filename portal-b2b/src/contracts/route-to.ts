import type { RouteLocationRaw } from 'vue-router';
import { useRouter } from 'vue-router';

/**
 * Links to screens other areas of the portal own (a quote, an approval, a draft request): the
 * location when the router has that screen, null (plain text instead of a link) otherwise.
 */
export function useRouteTo() {
  const router = useRouter();
  return (name: string, params: Record<string, string> = {}): RouteLocationRaw | null =>
    router.hasRoute(name) ? { name, params } : null;
}
