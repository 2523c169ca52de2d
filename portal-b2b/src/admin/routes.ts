import type { RouteRecordRaw } from 'vue-router';

/** The admin screens; router.ts mounts them. */
export const adminRoutes: RouteRecordRaw[] = [];
