import type { Pinia } from 'pinia';
import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import { adminRoutes } from './admin/routes';
import { approvalsRoutes, sellerApprovalsRoutes } from './approvals/routes';
import { sellerAudienceRoutes } from './audience/routes';
import { companyRoutes } from './company/routes';
import { sellerContentRoutes } from './content/routes';
import { contractsRoutes, sellerContractsRoutes } from './contracts/routes';
import { dashboardRoutes } from './dashboard/routes';
import { invitationsRoutes } from './invitations/routes';
import { sellerLifecycleRoutes } from './lifecycle/routes';
import { quotesRoutes, sellerQuotesRoutes } from './quotes/routes';
import { requestsRoutes } from './requests/routes';
import { sellerCatalogRoutes } from './seller-catalog/routes';
import { parseOrderListQuery } from './seller/order-filter';
import { useSessionStore } from './stores/session';
import type { WorkspaceId } from './workspaces';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** The workspace whose tabs the header shows on this screen. */
    workspace?: WorkspaceId;
    /** The workspace tab (its route name) this screen belongs to, when it is not the tab itself. */
    section?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { public: true },
    props: (route) => ({
      redirect: typeof route.query.redirect === 'string' ? route.query.redirect : '/',
    }),
  },
  {
    path: '/',
    name: 'catalog',
    component: () => import('./pages/CatalogPage.vue'),
  },
  {
    path: '/c/:slug',
    name: 'category',
    component: () => import('./pages/CatalogPage.vue'),
    props: true,
    meta: { section: 'catalog' },
  },
  {
    path: '/p/:slug',
    name: 'product',
    component: () => import('./pages/ProductPage.vue'),
    meta: { section: 'catalog' },
    props: (route) => ({
      slug: String(route.params.slug),
      initialQuantity: Number(route.query.qty) || 1,
    }),
  },
  {
    path: '/seller',
    component: () => import('./pages/SellerWorkspace.vue'),
    meta: { workspace: 'seller' },
    children: [
      { path: '', redirect: { name: 'seller-orders' } },
      {
        path: 'orders',
        name: 'seller-orders',
        component: () => import('./pages/SellerOrdersPage.vue'),
        props: (route) => ({ list: parseOrderListQuery(route.query) }),
      },
      {
        path: 'orders/:id',
        name: 'seller-order',
        component: () => import('./pages/SellerOrderPage.vue'),
        props: true,
        meta: { section: 'seller-orders' },
      },
      {
        path: 'remittances',
        name: 'seller-remittances',
        component: () => import('./pages/SellerRemittancesPage.vue'),
      },
      {
        path: 'cash-on-delivery',
        name: 'seller-cod-fee',
        component: () => import('./pages/SellerCodFeePage.vue'),
      },
      ...sellerQuotesRoutes,
      ...sellerContractsRoutes,
      ...sellerApprovalsRoutes,
      ...sellerCatalogRoutes,
      ...sellerAudienceRoutes,
      ...sellerLifecycleRoutes,
      ...sellerContentRoutes,
    ],
  },
  ...dashboardRoutes,
  ...requestsRoutes,
  ...quotesRoutes,
  ...contractsRoutes,
  ...approvalsRoutes,
  ...companyRoutes,
  ...adminRoutes,
  ...invitationsRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
  },
];

export function createAppRouter(pinia: Pinia, history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia);
    await session.restore();
    if (to.meta.public) {
      return to.name === 'login' && session.isSignedIn ? { name: 'catalog' } : true;
    }
    return session.isSignedIn ? true : { name: 'login', query: { redirect: to.fullPath } };
  });

  return router;
}
