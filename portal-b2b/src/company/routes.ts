import type { RouteRecordRaw } from 'vue-router';

/** The company screens; router.ts mounts them. */
export const companyRoutes: RouteRecordRaw[] = [];
