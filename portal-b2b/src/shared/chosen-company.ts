import type { SessionUserFragment } from '@marketgate/graphql-client';
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useSessionStore } from '../stores/session';

type Membership = SessionUserFragment['memberships'][number];

/**
 * The companies of the viewer's memberships that `accepts` keeps, and the one a screen shows:
 * the `company` query parameter when it names one of them, else the first. Kept in the URL, so
 * a reload or a shared link stays on the same company. The gateway checks access again.
 */
export function useChosenCompany(accepts: (membership: Membership) => boolean = () => true) {
  const session = useSessionStore();
  const route = useRoute();
  const router = useRouter();
  const companies = computed(
    () => session.user?.memberships.filter(accepts).map((membership) => membership.company) ?? [],
  );
  const company = computed(
    () => companies.value.find((c) => c.id === route.query.company) ?? companies.value[0] ?? null,
  );
  /** The query that keeps the chosen company on links between tabs. */
  const query = computed(() => (route.query.company ? { company: route.query.company } : {}));
  function choose(id: string): void {
    void router.replace({ query: { ...route.query, company: id } });
  }
  return { companies, company, query, choose };
}
