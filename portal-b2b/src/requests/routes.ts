import type { RouteRecordRaw } from 'vue-router';

/** The requests screens; router.ts mounts them. */
export const requestsRoutes: RouteRecordRaw[] = [];
