import { useChosenCompany } from '../shared/chosen-company';

/**
 * The companies the viewer administers (memberships with the COMPANY_ADMIN role) and the one the
 * company workspace shows (`?company=`, else the first). The gateway checks the role again on
 * every change.
 */
export function useAdministeredCompany() {
  return useChosenCompany((membership) => membership.roles.includes('COMPANY_ADMIN'));
}
