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

/**
 * The request's DataLoaders, one set per request (and a fresh set after each transaction), so
 * a list of N items costs one statement per relation instead of N.
 */
export function createLoaders(ctx: Context) {
  return {
    audience: createAudienceLoaders(ctx),
    catalog: createCatalogLoaders(ctx),
    content: createContentLoaders(ctx),
    contracts: createContractLoaders(ctx),
    identity: createIdentityLoaders(ctx),
    ordering: createOrderingLoaders(ctx),
    quoting: createQuotingLoaders(ctx),
    approval: createApprovalLoaders(ctx),
    recommendations: createRecommendationLoaders(ctx),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
