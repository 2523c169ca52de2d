import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config/config.js';
import { unauthenticated } from './errors.js';
import type { CompanyMember } from '../modules/identity/company-member.entity.js';
import type { User } from '../modules/identity/user.entity.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Services } from './services.js';

/** Who is asking: the signed-in user with the companies and seller they act for. */
export interface Viewer {
  user: User;
  sessionId: string;
  memberships: CompanyMember[];
  /** The seller this user is staff of, if any. */
  sellerId: number | null;
}

/**
 * Per-request state. Nothing here outlives the request, so any number of gateway processes can
 * serve one database. `em` is the transaction's manager while a `@Transaction()` mutation runs
 * and the data source's manager otherwise; services and loaders read and write through it.
 */
export interface Context {
  config: Config;
  dataSource: DataSource;
  services: Services;
  em: EntityManager;
  loaders: Loaders;
  /** Client address, for rate limits. */
  clientIp: string;
  /**
   * Who is asking, known before any resolver runs (null: anonymous or an invalid token), so
   * hot field resolvers such as `Variant.price` stay synchronous.
   */
  viewer: Viewer | null;
  /** Makes the rest of the request act for `token` (after login, register or logout). */
  actAs(token: string | null): Promise<void>;
  /**
   * The time business rules read (due dates, overdue, offer validity). The wall clock, except
   * in a test gateway, where a request may set it (`x-marketgate-now`) to move time.
   */
  now(): Date;
}

export async function createContext(params: {
  config: Config;
  dataSource: DataSource;
  services: Services;
  token: string | null;
  clientIp: string;
  /** A fixed time for this request (test gateways only); null: the wall clock. */
  fixedNow: Date | null;
}): Promise<Context> {
  const { token, fixedNow, ...rest } = params;
  const ctx: Context = {
    ...rest,
    now: () => (fixedNow ? new Date(fixedNow) : new Date()),
    em: params.dataSource.manager,
    loaders: undefined as unknown as Loaders,
    viewer: null,
    // `this`, not `ctx`: Apollo hands each operation a shallow copy of the context.
    async actAs(this: Context, next) {
      // Read through `em`: right after login the new session is visible only in its transaction.
      this.viewer = next ? await this.services.identity.viewerForToken(this.em, next) : null;
    },
  };
  ctx.loaders = createLoaders(ctx);
  await ctx.actAs(token);
  return ctx;
}

/** Whether a resolver argument is the request context (see `Transaction`). */
export function isContext(value: unknown): value is Context {
  return (
    typeof value === 'object' &&
    value !== null &&
    'services' in value &&
    'dataSource' in value &&
    'em' in value
  );
}

/** The viewer, or an UNAUTHENTICATED error. */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}
