import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import HomePage from './pages/HomePage.vue';

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
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
  });
}
