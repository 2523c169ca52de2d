import type { Viewer } from '../../api/context.js';
import type { PriceTier } from '../catalog/price-tier.entity.js';
import type { Variant } from '../catalog/variant.entity.js';

export type PriceSource = 'LIST' | 'TIER' | 'CONTRACT';

export interface ResolvedPrice {
  unitPrice: number;
  currency: string;
  source: PriceSource;
  /** Id of the rule that won (the tier), null for the list price. */
  ruleId: number | null;
}

/** Whether the viewer buys for a verified company, and so sees business prices. */
export function buysForVerifiedCompany(viewer: Viewer | null): boolean {
  return viewer?.memberships.some((m) => m.company.status === 'VERIFIED') ?? false;
}

/**
 * The one place a price is decided: list price for consumers; for members of a verified
 * company, the tier with the highest `minQuantity` not above the quantity, if it is lower.
 * Contract prices join here later, ahead of tiers.
 */
export function resolvePrice(
  variant: Pick<Variant, 'listPrice' | 'currency'>,
  tiers: readonly Pick<PriceTier, 'id' | 'minQuantity' | 'unitPrice'>[],
  quantity: number,
  business: boolean,
): ResolvedPrice {
  const list: ResolvedPrice = {
    unitPrice: variant.listPrice,
    currency: variant.currency,
    source: 'LIST',
    ruleId: null,
  };
  if (!business) return list;
  let best: ResolvedPrice = list;
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity && tier.unitPrice < best.unitPrice) {
      best = {
        unitPrice: tier.unitPrice,
        currency: variant.currency,
        source: 'TIER',
        ruleId: tier.id,
      };
    }
  }
  return best;
}
