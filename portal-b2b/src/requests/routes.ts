import type { RouteRecordRaw } from 'vue-router';
import { parseRequestListQuery } from './request-list';

/** The buyer's side of starting a deal: quick order and requests for quotation; router.ts mounts them. */
export const requestsRoutes: RouteRecordRaw[] = [
  {
    path: '/quick-order',
    name: 'quick-order',
    component: () => import('./QuickOrderPage.vue'),
    meta: { workspace: 'company' },
  },
  {
    path: '/quotes',
    name: 'quote-requests',
    component: () => import('./QuoteRequestsPage.vue'),
    props: (route) => ({ list: parseRequestListQuery(route.query) }),
    meta: { workspace: 'company' },
  },
  {
    path: '/quotes/new',
    name: 'quote-request-new',
    component: () => import('./QuoteRequestEditorPage.vue'),
    props: { id: null },
    meta: { workspace: 'company', section: 'quote-requests' },
  },
  {
    path: '/quotes/:id/edit',
    name: 'quote-request-edit',
    component: () => import('./QuoteRequestEditorPage.vue'),
    props: (route) => ({ id: String(route.params.id) }),
    meta: { workspace: 'company', section: 'quote-requests' },
  },
];
