import type { RouteRecordRaw } from 'vue-router';
import { parseAccountListQuery, parseSegmentListQuery } from './list-query';

/** The workspaces that know their customers: a seller its shop's, the platform everyone. */
export type AudienceWorkspace = 'seller' | 'admin';

/**
 * The customers and segments screens of one workspace, children of its route (`/seller/...`,
 * `/admin/...`). The same screens serve both; the gateway decides whose accounts, tags and
 * segments they show. Route names start with the workspace: `seller-customers`,
 * `admin-segment-new`, ...
 */
function audienceRoutes(workspace: AudienceWorkspace): RouteRecordRaw[] {
  return [
    {
      path: 'customers',
      name: `${workspace}-customers`,
      component: () => import('./CustomersPage.vue'),
      props: (route) => ({ workspace, list: parseAccountListQuery(route.query) }),
    },
    {
      path: 'segments',
      name: `${workspace}-segments`,
      component: () => import('./SegmentsPage.vue'),
      props: (route) => ({ workspace, list: parseSegmentListQuery(route.query) }),
    },
    {
      path: 'segments/new',
      name: `${workspace}-segment-new`,
      component: () => import('./SegmentEditorPage.vue'),
      props: { workspace, id: null },
      meta: { section: `${workspace}-segments` },
    },
    {
      path: 'segments/:id',
      name: `${workspace}-segment`,
      component: () => import('./SegmentEditorPage.vue'),
      props: (route) => ({ workspace, id: String(route.params.id) }),
      meta: { section: `${workspace}-segments` },
    },
  ];
}

/** Children of the seller workspace (`/seller/customers`, `/seller/segments/...`). */
export const sellerAudienceRoutes = audienceRoutes('seller');
/** Children of the admin workspace (`/admin/customers`, `/admin/segments/...`). */
export const adminAudienceRoutes = audienceRoutes('admin');
