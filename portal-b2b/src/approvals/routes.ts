import type { RouteRecordRaw } from 'vue-router';

/** Approval tasks and billing for company members; router.ts mounts them. */
export const approvalsRoutes: RouteRecordRaw[] = [];

/** The seller's credit lines, children of the seller workspace (`/seller/...`). */
export const sellerApprovalsRoutes: RouteRecordRaw[] = [];
