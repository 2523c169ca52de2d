import type { CompanyRole, Department } from '@marketgate/graphql-client';

export const companyRoles: readonly CompanyRole[] = ['BUYER', 'APPROVER', 'COMPANY_ADMIN'];

/** Roles and department as a form holds them ('' for no department). */
export interface RolesDraft {
  roles: CompanyRole[];
  department: Department | '';
}

export type RolesProblem = 'noRole' | 'departmentRequired';

/**
 * What the form must fix before sending, as the gateway's input rules say: at least one role,
 * and a department exactly for approvers (the form clears it when APPROVER is unticked).
 */
export function rolesProblem(draft: RolesDraft): RolesProblem | null {
  if (draft.roles.length === 0) return 'noRole';
  if (draft.roles.includes('APPROVER') && !draft.department) return 'departmentRequired';
  return null;
}

/** The roles in the order the portal lists them, and the department only for approvers. */
export function rolesInput(draft: RolesDraft): {
  roles: CompanyRole[];
  department: Department | null;
} {
  const approver = draft.roles.includes('APPROVER');
  return {
    roles: companyRoles.filter((role) => draft.roles.includes(role)),
    department: approver && draft.department ? draft.department : null,
  };
}
