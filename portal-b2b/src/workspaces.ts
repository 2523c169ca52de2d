import type { SessionUserFragment } from '@marketgate/graphql-client';

export type WorkspaceId = 'company' | 'seller' | 'admin';

type Membership = SessionUserFragment['memberships'][number];
type CompanyRole = Membership['roles'][number];

/** One tab of a workspace: the route it opens and the message key of its label. */
export interface WorkspaceSection {
  route: string;
  label: string;
  /** Shown only to members with one of these company roles (any member when absent). */
  roles?: readonly CompanyRole[];
}

export interface Workspace {
  id: WorkspaceId;
  label: string;
  sections: readonly WorkspaceSection[];
  available: (user: SessionUserFragment) => boolean;
}

/**
 * The portal's workspaces, one per kind of work: a company's buying, a seller's shop, the
 * platform's administration. A person with several roles switches between them in the header.
 * Screens say which tab they belong to with `meta.section` when their route is not the tab's own.
 */
export const workspaces: readonly Workspace[] = [
  {
    id: 'company',
    label: 'workspace.company',
    available: (user) => user.memberships.length > 0,
    sections: [
      { route: 'dashboard', label: 'nav.dashboard' },
      { route: 'catalog', label: 'nav.catalog' },
      { route: 'quick-order', label: 'nav.quickOrder', roles: ['BUYER', 'COMPANY_ADMIN'] },
      { route: 'quote-requests', label: 'nav.quotes', roles: ['BUYER', 'COMPANY_ADMIN'] },
      { route: 'approvals', label: 'nav.approvals', roles: ['APPROVER'] },
      { route: 'contracts', label: 'nav.contracts' },
      { route: 'billing', label: 'nav.billing' },
      { route: 'company', label: 'nav.company', roles: ['COMPANY_ADMIN'] },
    ],
  },
  {
    id: 'seller',
    label: 'workspace.seller',
    available: (user) => user.seller !== null,
    sections: [
      { route: 'seller-orders', label: 'nav.sellerOrders' },
      { route: 'seller-quotes', label: 'nav.sellerQuotes' },
      { route: 'seller-contracts', label: 'nav.sellerContracts' },
      { route: 'seller-credit', label: 'nav.sellerCredit' },
      { route: 'seller-catalog', label: 'nav.sellerCatalog' },
      { route: 'seller-customers', label: 'nav.customers' },
      { route: 'seller-segments', label: 'nav.segments' },
      { route: 'seller-content', label: 'nav.content' },
      { route: 'seller-lifecycle', label: 'nav.lifecycle' },
      { route: 'seller-remittances', label: 'nav.sellerRemittances' },
      { route: 'seller-cod-fee', label: 'nav.sellerCodFee' },
    ],
  },
  {
    id: 'admin',
    label: 'workspace.admin',
    available: (user) => user.isPlatformAdmin,
    sections: [
      { route: 'admin-companies', label: 'nav.adminCompanies' },
      { route: 'admin-categories', label: 'nav.adminCategories' },
      { route: 'admin-sellers', label: 'nav.adminSellers' },
      { route: 'admin-moderation', label: 'nav.adminModeration' },
      { route: 'admin-customers', label: 'nav.customers' },
      { route: 'admin-segments', label: 'nav.segments' },
      { route: 'admin-content', label: 'nav.content' },
      { route: 'admin-lifecycle', label: 'nav.lifecycle' },
    ],
  },
];

/** The sections of a workspace this user may open (a role's tabs only for that role). */
export function sectionsFor(
  workspace: Workspace,
  user: SessionUserFragment,
  hasRoute: (name: string) => boolean,
): WorkspaceSection[] {
  const roles = new Set(user.memberships.flatMap((membership) => membership.roles));
  return workspace.sections.filter(
    (section) =>
      hasRoute(section.route) && (!section.roles || section.roles.some((role) => roles.has(role))),
  );
}

/** The workspaces open to this user, in the order of `workspaces`. */
export function workspacesFor(user: SessionUserFragment): Workspace[] {
  return workspaces.filter((workspace) => workspace.available(user));
}

/** Where a user starts: the first tab of their first workspace; the catalog without one. */
export function homeOf(user: SessionUserFragment, hasRoute: (name: string) => boolean): string {
  const [first] = workspacesFor(user);
  return (first && sectionsFor(first, user, hasRoute)[0]?.route) ?? 'catalog';
}
