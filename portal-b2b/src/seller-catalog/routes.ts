import type { RouteRecordRaw } from 'vue-router';
import { parseProductListQuery } from './product-list-query';

/** The seller's catalog management, children of the seller workspace (`/seller/...`). */
export const sellerCatalogRoutes: RouteRecordRaw[] = [
  {
    path: 'catalog',
    name: 'seller-catalog',
    component: () => import('./SellerCatalogPage.vue'),
    props: (route) => ({ list: parseProductListQuery(route.query) }),
  },
  {
    path: 'catalog/import',
    name: 'seller-catalog-import',
    component: () => import('./SellerCatalogImportPage.vue'),
    meta: { section: 'seller-catalog' },
  },
  {
    path: 'catalog/:id',
    name: 'seller-product',
    component: () => import('./SellerProductPage.vue'),
    props: true,
    meta: { section: 'seller-catalog' },
  },
];
