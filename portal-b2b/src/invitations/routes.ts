import type { RouteRecordRaw } from 'vue-router';

/** The invitation screens; router.ts mounts them. */
export const invitationsRoutes: RouteRecordRaw[] = [
  {
    path: '/invitations/accept',
    name: 'invitation-accept',
    component: () => import('./InvitationAcceptPage.vue'),
    // The invitee has no account yet; a signed-in person may open it too (accepting switches).
    meta: { public: true },
    props: (route) => ({ token: typeof route.query.token === 'string' ? route.query.token : '' }),
  },
];
