import { describe, expect, it } from 'vitest';
import { resolvePrice } from './pricing.service.js';

const variant = { listPriceAmount: 1000, currency: 'CNY' };
const tiers = [
  { id: 1, minQuantity: 10, unitPrice: 900 },
  { id: 2, minQuantity: 50, unitPrice: 800 },
];

describe('resolvePrice', () => {
  it('gives consumers the list price whatever the quantity', () => {
    expect(resolvePrice(variant, tiers, 100, false)).toEqual({
      unitPrice: 1000,
      currency: 'CNY',
      source: 'LIST',
      ruleId: null,
    });
  });

  it('gives business buyers the best tier reached by the quantity', () => {
    expect(resolvePrice(variant, tiers, 9, true).source).toBe('LIST');
    expect(resolvePrice(variant, tiers, 10, true)).toMatchObject({
      unitPrice: 900,
      source: 'TIER',
      ruleId: 1,
    });
    expect(resolvePrice(variant, tiers, 50, true)).toMatchObject({ unitPrice: 800, ruleId: 2 });
  });

  it('never picks a tier dearer than the list price', () => {
    expect(
      resolvePrice(variant, [{ id: 3, minQuantity: 5, unitPrice: 1200 }], 5, true).source,
    ).toBe('LIST');
  });
});
