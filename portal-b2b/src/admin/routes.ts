import type { RouteRecordRaw } from 'vue-router';
import { adminAudienceRoutes } from '../audience/routes';
import { adminLifecycleRoutes } from '../lifecycle/routes';
import { adminContentRoutes } from '../content/routes';
import { companyChoices, moderationChoices, parseListQuery, sellerChoices } from './list-query';

/** The admin screens; router.ts mounts them. */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: () => import('./AdminWorkspace.vue'),
    meta: { workspace: 'admin' },
    children: [
      { path: '', redirect: { name: 'admin-companies' } },
      {
        path: 'companies',
        name: 'admin-companies',
        component: () => import('./AdminCompaniesPage.vue'),
        props: (route) => ({ list: parseListQuery(route.query, companyChoices) }),
      },
      {
        path: 'categories',
        name: 'admin-categories',
        component: () => import('./AdminCategoriesPage.vue'),
      },
      {
        path: 'sellers',
        name: 'admin-sellers',
        component: () => import('./AdminSellersPage.vue'),
        props: (route) => ({ list: parseListQuery(route.query, sellerChoices) }),
      },
      {
        path: 'moderation',
        name: 'admin-moderation',
        component: () => import('./AdminModerationPage.vue'),
        props: (route) => ({ list: parseListQuery(route.query, moderationChoices) }),
      },
      ...adminAudienceRoutes,
      ...adminLifecycleRoutes,
      ...adminContentRoutes,
    ],
  },
];
