import type { RouteRecordRaw } from 'vue-router';

/** The seller's catalog management, children of the seller workspace (`/seller/...`). */
export const sellerCatalogRoutes: RouteRecordRaw[] = [];
