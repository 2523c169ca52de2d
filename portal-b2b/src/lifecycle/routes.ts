import type { RouteRecordRaw } from 'vue-router';
import { parseLifecycleQuery } from './lifecycle-query';

function lifecycleRoute(name: string, side: 'seller' | 'admin'): RouteRecordRaw {
  return {
    path: 'lifecycle',
    name,
    component: () => import('./LifecyclePage.vue'),
    props: (route) => ({ query: parseLifecycleQuery(route.query, new Date()), side }),
  };
}

/** The seller's lifecycle dashboard, a child of the seller workspace (`/seller/lifecycle`). */
export const sellerLifecycleRoutes: RouteRecordRaw[] = [
  lifecycleRoute('seller-lifecycle', 'seller'),
];

/** The platform's lifecycle dashboard, a child of the admin workspace (`/admin/lifecycle`). */
export const adminLifecycleRoutes: RouteRecordRaw[] = [lifecycleRoute('admin-lifecycle', 'admin')];
