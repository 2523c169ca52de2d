import type { RouteRecordRaw } from 'vue-router';
import { parseBillListQuery, parseCreditListQuery, parseTaskListQuery } from './list-query';

/** Approval tasks and billing for company members; router.ts mounts them. */
export const approvalsRoutes: RouteRecordRaw[] = [
  {
    path: '/approvals',
    name: 'approvals',
    component: () => import('./ApprovalInboxPage.vue'),
    props: (route) => ({ query: parseTaskListQuery(route.query) }),
    meta: { workspace: 'company' },
  },
  {
    path: '/approvals/:id',
    name: 'approval',
    component: () => import('./ApprovalRequestPage.vue'),
    props: (route) => ({ id: String(route.params.id) }),
    meta: { workspace: 'company', section: 'approvals' },
  },
  {
    path: '/billing',
    name: 'billing',
    component: () => import('./BillingPage.vue'),
    props: (route) => ({ query: parseBillListQuery(route.query) }),
    meta: { workspace: 'company' },
  },
];

/** The seller's credit lines, children of the seller workspace (`/seller/...`). */
export const sellerApprovalsRoutes: RouteRecordRaw[] = [
  {
    path: 'credit',
    name: 'seller-credit',
    component: () => import('./SellerCreditPage.vue'),
    props: (route) => ({ query: parseCreditListQuery(route.query) }),
  },
];
