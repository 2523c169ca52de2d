import type { PriceSource } from '@marketgate/graphql-client';

/** What the gateway says about a price: which rule set it and which tier or contract line won. */
export interface PricedBy {
  source: PriceSource;
  ruleId?: string | null;
}

/** A contract as far as naming the one behind a contract price goes. */
export interface ContractRef {
  number: string;
  lines: readonly { id: string }[];
}

/** "Why this price", as a message key under `requests.why` and its values. */
export type PriceReason =
  | { key: 'list' }
  | { key: 'listUntilTier'; params: { count: number } }
  | { key: 'tier'; params: { count: number } }
  | { key: 'tierUnnamed' }
  | { key: 'contract'; params: { contract: string } }
  | { key: 'contractUnnamed' };

/**
 * Explains the gateway's price from its own answer: a tier price names the tier's minimum
 * quantity (`ruleId` is the tier), a contract price names the contract whose line won (`ruleId`
 * is the contract line), a list price says from which quantity a volume price would start.
 */
export function priceReason(
  price: PricedBy,
  tiers: readonly { id: string; minQuantity: number }[],
  contracts: readonly ContractRef[],
): PriceReason {
  switch (price.source) {
    case 'TIER': {
      const tier = tiers.find((t) => t.id === price.ruleId);
      return tier ? { key: 'tier', params: { count: tier.minQuantity } } : { key: 'tierUnnamed' };
    }
    case 'CONTRACT': {
      const contract = contracts.find((c) => c.lines.some((l) => l.id === price.ruleId));
      return contract
        ? { key: 'contract', params: { contract: contract.number } }
        : { key: 'contractUnnamed' };
    }
    case 'LIST': {
      const first = Math.min(...tiers.map((t) => t.minQuantity));
      return Number.isFinite(first)
        ? { key: 'listUntilTier', params: { count: first } }
        : { key: 'list' };
    }
  }
}
