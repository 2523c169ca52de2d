import type { Viewer } from '../../api/context.js';
import type { PriceTier } from '../catalog/price-tier.entity.js';
import type { Variant } from '../catalog/variant.entity.js';

export type PriceSource = 'LIST' | 'TIER' | 'CONTRACT';

export interface ResolvedPrice {
  unitPrice: number;
  currency: string;
  source: PriceSource;
  /** Id of the rule that won (the tier, or the contract line), null for the list price. */
  ruleId: number | null;
}

/** Whether the viewer buys for a verified company, and so sees business prices. */
export function buysForVerifiedCompany(viewer: Viewer | null): boolean {
  return viewer?.memberships.some((m) => m.company.status === 'VERIFIED') ?? false;
}

/**
 * The one place a price is decided: list price for consumers; for members of a verified
 * company, the price of a framework agreement in force for the variant, ahead of everything
 * (it was negotiated and approved), else the tier with the highest `minQuantity` not above the
 * quantity, if it is lower than the list price.
 */
export function resolvePrice(
  variant: Pick<Variant, 'listPriceAmount' | 'currency'>,
  tiers: readonly Pick<PriceTier, 'id' | 'minQuantity' | 'unitPrice'>[],
  quantity: number,
  business: boolean,
  contract: { id: number; unitPriceAmount: number } | null = null,
): ResolvedPrice {
  const list: ResolvedPrice = {
    unitPrice: variant.listPriceAmount,
    currency: variant.currency,
    source: 'LIST',
    ruleId: null,
  };
  if (!business) return list;
  if (contract) {
    return {
      unitPrice: contract.unitPriceAmount,
      currency: variant.currency,
      source: 'CONTRACT',
      ruleId: contract.id,
    };
  }
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
