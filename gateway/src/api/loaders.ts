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
 * a list of N items costs one statement per relation instead of N. Each module's set is made on
 * first use: most requests touch one or two modules, and a mutation starts three sets.
 */
class RequestLoaders {
  #audience?: ReturnType<typeof createAudienceLoaders>;
  #catalog?: ReturnType<typeof createCatalogLoaders>;
  #content?: ReturnType<typeof createContentLoaders>;
  #contracts?: ReturnType<typeof createContractLoaders>;
  #identity?: ReturnType<typeof createIdentityLoaders>;
  #ordering?: ReturnType<typeof createOrderingLoaders>;
  #quoting?: ReturnType<typeof createQuotingLoaders>;
  #approval?: ReturnType<typeof createApprovalLoaders>;
  #recommendations?: ReturnType<typeof createRecommendationLoaders>;

  constructor(private readonly ctx: Context) {}

  get audience() {
    return (this.#audience ??= createAudienceLoaders(this.ctx));
  }

  get catalog() {
    return (this.#catalog ??= createCatalogLoaders(this.ctx));
  }

  get content() {
    return (this.#content ??= createContentLoaders(this.ctx));
  }

  get contracts() {
    return (this.#contracts ??= createContractLoaders(this.ctx));
  }

  get identity() {
    return (this.#identity ??= createIdentityLoaders(this.ctx));
  }

  get ordering() {
    return (this.#ordering ??= createOrderingLoaders(this.ctx));
  }

  get quoting() {
    return (this.#quoting ??= createQuotingLoaders(this.ctx));
  }

  get approval() {
    return (this.#approval ??= createApprovalLoaders(this.ctx));
  }

  get recommendations() {
    return (this.#recommendations ??= createRecommendationLoaders(this.ctx));
  }
}

export function createLoaders(ctx: Context) {
  return new RequestLoaders(ctx);
}

export type Loaders = RequestLoaders;
