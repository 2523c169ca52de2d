import type { Context } from './context.js';
import { createAudienceLoaders } from '../modules/audience/audience.loaders.js';
import { createCatalogLoaders } from '../modules/catalog/catalog.loaders.js';
import { createContentLoaders } from '../modules/content/content.loaders.js';
import { createContractLoaders } from '../modules/contracts/contracts.loaders.js';
import { createIdentityLoaders } from '../modules/identity/identity.loaders.js';
import { createOrderingLoaders } from '../modules/ordering/ordering.loaders.js';
import { createQuotingLoaders } from '../modules/quoting/quoting.loaders.js';
import { createApprovalLoaders } from '../modules/approval/approval.loaders.js';
import { createRecommendationLoaders } from '../modules/recommendations/recommendations.loaders.js';

/** Each module's DataLoader set, by the name resolvers reach it under (`ctx.loaders.catalog`). */
const modules = {
  audience: createAudienceLoaders,
  catalog: createCatalogLoaders,
  content: createContentLoaders,
  contracts: createContractLoaders,
  identity: createIdentityLoaders,
  ordering: createOrderingLoaders,
  quoting: createQuotingLoaders,
  approval: createApprovalLoaders,
  recommendations: createRecommendationLoaders,
};

export type Loaders = { readonly [M in keyof typeof modules]: ReturnType<(typeof modules)[M]> };

/**
 * The request's DataLoaders, one set per request (and a fresh set after each transaction), so
 * a list of N items costs one statement per relation instead of N. Each module's set is made on
 * first use: most requests touch one or two modules, and a mutation starts three sets.
 */
class RequestLoaders {
  readonly made: Partial<Record<keyof Loaders, unknown>> = {};
  constructor(readonly ctx: Context) {}
}
for (const [name, create] of Object.entries(modules) as [
  keyof Loaders,
  (ctx: Context) => unknown,
][]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      return (this.made[name] ??= create(this.ctx));
    },
  });
}

export function createLoaders(ctx: Context): Loaders {
  return new RequestLoaders(ctx) as unknown as Loaders;
}
