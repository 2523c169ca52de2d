import type { RouteRecordRaw } from 'vue-router';

/** Approvals, contracts and billing for company members; router.ts mounts them. */
export const contractsRoutes: RouteRecordRaw[] = [];

/** The seller's contract and credit screens, children of the seller workspace (`/seller/...`). */
export const sellerContractsRoutes: RouteRecordRaw[] = [];
