import { computed } from 'vue';
import { useSessionStore } from '../stores/session';

/**
 * The company the viewer administers: the first of their memberships with the COMPANY_ADMIN
 * role, or null. The gateway checks the role again on every change.
 */
export function useAdministeredCompany() {
  const session = useSessionStore();
  return computed(
    () =>
      session.user?.memberships.find((membership) => membership.roles.includes('COMPANY_ADMIN'))
        ?.company ?? null,
  );
}
