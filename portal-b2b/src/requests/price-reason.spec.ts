import { describe, expect, it } from 'vitest';
import { priceReason } from './price-reason';

const tiers = [
  { id: 't50', minQuantity: 50 },
  { id: 't10', minQuantity: 10 },
];
const contracts = [
  { number: 'C-000007', lines: [{ id: 'cl1' }, { id: 'cl2' }] },
  { number: 'C-000009', lines: [{ id: 'cl3' }] },
];

describe('priceReason', () => {
  it('names the tier that set a volume price', () => {
    expect(priceReason({ source: 'TIER', ruleId: 't50' }, tiers, [])).toEqual({
      key: 'tier',
      params: { count: 50 },
    });
    expect(priceReason({ source: 'TIER', ruleId: 'gone' }, tiers, [])).toEqual({
      key: 'tierUnnamed',
    });
  });

  it('names the contract whose line set a contract price', () => {
    expect(priceReason({ source: 'CONTRACT', ruleId: 'cl3' }, tiers, contracts)).toEqual({
      key: 'contract',
      params: { contract: 'C-000009' },
    });
    expect(priceReason({ source: 'CONTRACT', ruleId: 'cl9' }, tiers, contracts)).toEqual({
      key: 'contractUnnamed',
    });
  });

  it('says from which quantity a volume price would replace the list price', () => {
    expect(priceReason({ source: 'LIST', ruleId: null }, tiers, contracts)).toEqual({
      key: 'listUntilTier',
      params: { count: 10 },
    });
    expect(priceReason({ source: 'LIST' }, [], contracts)).toEqual({ key: 'list' });
  });
});
