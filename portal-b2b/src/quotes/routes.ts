import type { RouteRecordRaw } from 'vue-router';
import { parseInboxQuery } from './inbox-list';

/** The negotiation screens both sides share; router.ts mounts them. */
export const quotesRoutes: RouteRecordRaw[] = [
  {
    path: '/quotes/:id',
    name: 'quote',
    component: () => import('./QuotePage.vue'),
    props: (route) => ({ id: String(route.params.id), workspace: 'company' }),
    meta: { workspace: 'company', section: 'quote-requests' },
  },
];

/** The seller's quote screens, children of the seller workspace (`/seller/...`). */
export const sellerQuotesRoutes: RouteRecordRaw[] = [
  {
    path: 'quotes',
    name: 'seller-quotes',
    component: () => import('./QuoteInboxPage.vue'),
    props: (route) => ({ inbox: parseInboxQuery(route.query) }),
  },
  {
    path: 'quotes/:id',
    name: 'seller-quote',
    component: () => import('./QuotePage.vue'),
    props: (route) => ({ id: String(route.params.id), workspace: 'seller' }),
    meta: { section: 'seller-quotes' },
  },
];
