import type { RouteRecordRaw } from 'vue-router';

/** The company screens; router.ts mounts them. */
export const companyRoutes: RouteRecordRaw[] = [
  {
    path: '/company',
    component: () => import('./CompanyWorkspace.vue'),
    meta: { workspace: 'company', section: 'company' },
    children: [
      {
        path: '',
        name: 'company',
        component: () => import('./CompanyMembersPage.vue'),
      },
      {
        path: 'invitations',
        name: 'company-invitations',
        component: () => import('./CompanyInvitationsPage.vue'),
      },
      {
        path: 'addresses',
        name: 'company-addresses',
        component: () => import('./CompanyAddressesPage.vue'),
      },
      {
        path: 'approval-policy',
        name: 'company-approval-policy',
        component: () => import('./CompanyApprovalPolicyPage.vue'),
      },
    ],
  },
];
