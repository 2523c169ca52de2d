import type { RouteRecordRaw } from 'vue-router';

/** The company member's dashboard, the first tab of the company workspace; router.ts mounts it. */
export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('./DashboardPage.vue'),
    meta: { workspace: 'company' },
  },
];
