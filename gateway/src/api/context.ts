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
  /** Bearer token of the request, if any. */
  token: string | null;
  /** Client address, for rate limits. */
  clientIp: string;
  /** The viewer, looked up once per request on first use (null: anonymous or bad token). */
  viewer(): Promise<Viewer | null>;
  /** Makes the rest of the request act for `token` (after login, register or logout). */
  actAs(token: string | null): void;
}

export function createContext(params: {
  config: Config;
  dataSource: DataSource;
  services: Services;
  token: string | null;
  clientIp: string;
}): Context {
  let viewer: Promise<Viewer | null> | undefined;
  const ctx: Context = {
    ...params,
    em: params.dataSource.manager,
    loaders: undefined as unknown as Loaders,
    viewer: () => (viewer ??= params.services.identity.viewerForToken(ctx, ctx.token)),
    actAs(token) {
      ctx.token = token;
      viewer = undefined;
    },
  };
  ctx.loaders = createLoaders(ctx);
  return ctx;
}

/** The viewer, or an UNAUTHENTICATED error. */
export async function requireViewer(ctx: Context): Promise<Viewer> {
  const viewer = await ctx.viewer();
  if (!viewer) throw unauthenticated();
  return viewer;
}
