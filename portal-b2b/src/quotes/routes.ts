import type { RouteRecordRaw } from 'vue-router';

/** The negotiation screens both sides share; router.ts mounts them. */
export const quotesRoutes: RouteRecordRaw[] = [];

/** The seller's quote screens, children of the seller workspace (`/seller/...`). */
export const sellerQuotesRoutes: RouteRecordRaw[] = [];
