import type { RouteRecordRaw } from 'vue-router';
import type { WorkspaceId } from '../workspaces';
import { parseContentListQuery } from './content-list-query';

/** The workspaces that keep content blocks: a shop's own, the platform's. */
export type ContentWorkspace = Extract<WorkspaceId, 'seller' | 'admin'>;

/**
 * The content screens as children of a workspace (`/seller/content/...`, `/admin/content/...`),
 * named `<workspace>-content`, `<workspace>-content-new` and `<workspace>-content-block`.
 */
function contentRoutes(workspace: ContentWorkspace): RouteRecordRaw[] {
  const section = `${workspace}-content`;
  return [
    {
      path: 'content',
      name: section,
      component: () => import('./ContentBlocksPage.vue'),
      props: (route) => ({ list: parseContentListQuery(route.query), workspace }),
    },
    {
      path: 'content/new',
      name: `${workspace}-content-new`,
      component: () => import('./ContentBlockPage.vue'),
      props: { id: null, workspace },
      meta: { section },
    },
    {
      path: 'content/:id',
      name: `${workspace}-content-block`,
      component: () => import('./ContentBlockPage.vue'),
      props: (route) => ({ id: String(route.params.id), workspace }),
      meta: { section },
    },
  ];
}

export const sellerContentRoutes = contentRoutes('seller');
export const adminContentRoutes = contentRoutes('admin');
