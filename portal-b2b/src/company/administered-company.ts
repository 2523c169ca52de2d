import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useSessionStore } from '../stores/session';

/**
 * The companies the viewer administers (memberships with the COMPANY_ADMIN role) and the one the
 * company workspace shows: the `company` query parameter when it names one of them, else the
 * first. Kept in the URL, so a reload or a shared link stays on the same company. The gateway
 * checks the role again on every change.
 */
export function useAdministeredCompany() {
  const session = useSessionStore();
  const route = useRoute();
  const router = useRouter();
  const companies = computed(
    () =>
      session.user?.memberships
        .filter((membership) => membership.roles.includes('COMPANY_ADMIN'))
        .map((membership) => membership.company) ?? [],
  );
  const company = computed(
    () => companies.value.find((c) => c.id === route.query.company) ?? companies.value[0] ?? null,
  );
  /** The query that keeps the chosen company on links between the workspace's tabs. */
  const query = computed(() => (route.query.company ? { company: route.query.company } : {}));
  function choose(id: string): void {
    void router.replace({ query: { ...route.query, company: id } });
  }
  return { companies, company, query, choose };
}
