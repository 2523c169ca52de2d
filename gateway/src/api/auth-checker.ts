import type { AuthChecker } from 'type-graphql';
import type { Context } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * Coarse roles for `@Authorized(...)`. They say who may call an operation at all; which rows
 * a caller may touch (their company's, their seller's) is checked by the services.
 */
export const Role = {
  PLATFORM_ADMIN: 'PLATFORM_ADMIN',
  SELLER_STAFF: 'SELLER_STAFF',
  COMPANY_MEMBER: 'COMPANY_MEMBER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/**
 * `@Authorized()` needs a signed-in user; `@Authorized(A, B)` one holding A or B. It throws
 * our own UNAUTHENTICATED / FORBIDDEN errors so clients get one shape for both.
 */
export const authChecker: AuthChecker<Context, Role> = async ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (roles.length === 0) return true;
  const allowed = roles.some((role) => {
    switch (role) {
      case Role.PLATFORM_ADMIN:
        return viewer.user.isPlatformAdmin;
      case Role.SELLER_STAFF:
        return viewer.sellerId !== null;
      case Role.COMPANY_MEMBER:
        return viewer.memberships.length > 0;
    }
  });
  if (!allowed) throw forbidden();
  return true;
};
