import type { Pinia } from 'pinia';
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import HomePage from './pages/HomePage.vue';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for a signed-in consumer; visitors are sent to sign in and brought back. */
    signedIn?: boolean;
    /** Sign-in screens: a signed-in consumer goes straight on to `redirect`. */
    guestOnly?: boolean;
  }
}

/** Only paths inside the storefront: "https://…" or "//host" must not take the user elsewhere. */
export function insideRedirect(redirect: unknown): string {
  return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')
    ? redirect
    : '/';
}

const redirectProp = (route: RouteLocationNormalized) => ({
  redirect: insideRedirect(route.query.redirect),
});

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage },
  {
    path: '/c/:slug',
    name: 'category',
    component: () => import('./pages/CategoryPage.vue'),
    props: true,
  },
  {
    path: '/search',
    name: 'search',
    component: () => import('./pages/SearchPage.vue'),
    props: (route) => ({ query: typeof route.query.q === 'string' ? route.query.q.trim() : '' }),
  },
  {
    path: '/p/:slug',
    name: 'product',
    component: () => import('./pages/ProductPage.vue'),
    props: true,
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { guestOnly: true },
    props: redirectProp,
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('./pages/RegisterPage.vue'),
    meta: { guestOnly: true },
    props: redirectProp,
  },
  {
    path: '/cart',
    name: 'cart',
    component: () => import('./pages/CartPage.vue'),
  },
  {
    path: '/checkout',
    name: 'checkout',
    component: () => import('./pages/CheckoutPage.vue'),
    meta: { signedIn: true },
  },
  {
    path: '/checkout/done',
    name: 'order-confirmation',
    component: () => import('./pages/OrderConfirmationPage.vue'),
    meta: { signedIn: true },
    props: (route) => ({
      orderIds:
        typeof route.query.orders === 'string' ? route.query.orders.split(',').filter(Boolean) : [],
    }),
  },
  {
    path: '/orders',
    name: 'orders',
    component: () => import('./pages/OrdersPage.vue'),
    meta: { signedIn: true },
  },
  {
    path: '/orders/:id',
    name: 'order',
    component: () => import('./pages/OrderPage.vue'),
    meta: { signedIn: true },
    props: true,
  },
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
    if (to.meta.signedIn && !session.isSignedIn) {
      return { name: 'login', query: { redirect: to.fullPath } };
    }
    if (to.meta.guestOnly && session.isSignedIn) return insideRedirect(to.query.redirect);
    return true;
  });

  return router;
}
