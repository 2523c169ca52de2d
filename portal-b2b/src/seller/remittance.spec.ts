import { describe, expect, it } from 'vitest';
import { isOpenDispute, previewRemittance, remittanceStatusOf } from './remittance';

const cny = (amount: number) => ({ amount, currency: 'CNY' });

describe('previewRemittance', () => {
  const collected = [cny(12850), cny(4000)];

  it('adds up the cash collected for the chosen orders', () => {
    expect(previewRemittance(collected, null)).toEqual({
      expected: cny(16850),
      difference: null,
      status: null,
    });
  });

  it.each([
    [16850, 0, 'MATCHED'],
    [16800, -50, 'SHORT'],
    [17000, 150, 'EXCESS'],
  ] as const)('compares %i entered with the expected amount', (entered, difference, status) => {
    expect(previewRemittance(collected, entered)).toEqual({
      expected: cny(16850),
      difference: cny(difference),
      status,
    });
  });

  it('has nothing to compare without orders or across currencies', () => {
    expect(previewRemittance([], 100)).toBeNull();
    expect(previewRemittance([cny(100), { amount: 100, currency: 'EUR' }], 200)).toBeNull();
  });
});

describe('remittanceStatusOf', () => {
  it('flags any difference', () => {
    expect(remittanceStatusOf(0)).toBe('MATCHED');
    expect(remittanceStatusOf(-1)).toBe('SHORT');
    expect(remittanceStatusOf(1)).toBe('EXCESS');
  });
});

describe('isOpenDispute', () => {
  it('is a short or excess remittance without a resolution', () => {
    expect(isOpenDispute({ status: 'SHORT', resolution: null })).toBe(true);
    expect(isOpenDispute({ status: 'EXCESS', resolution: null })).toBe(true);
    expect(isOpenDispute({ status: 'SHORT', resolution: 'SETTLED' })).toBe(false);
    expect(isOpenDispute({ status: 'EXCESS', resolution: 'WRITTEN_OFF' })).toBe(false);
    expect(isOpenDispute({ status: 'MATCHED', resolution: null })).toBe(false);
  });
});
