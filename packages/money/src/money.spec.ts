import { describe, expect, it } from 'vitest';
import { add, allocate, formatMoney, money, multiply, CurrencyMismatchError } from './index.js';

describe('money', () => {
  it('rejects fractional minor units', () => {
    expect(() => money(1.5, 'CNY')).toThrow(RangeError);
  });

  it('adds and multiplies in minor units', () => {
    expect(add(money(150, 'CNY'), money(250, 'CNY'))).toEqual({ amount: 400, currency: 'CNY' });
    expect(multiply(money(333, 'CNY'), 3)).toEqual({ amount: 999, currency: 'CNY' });
  });

  it('refuses to mix currencies', () => {
    expect(() => add(money(1, 'CNY'), money(1, 'EUR'))).toThrow(CurrencyMismatchError);
  });

  it('allocates so the parts always sum to the whole', () => {
    const parts = allocate(money(1000, 'CNY'), [1, 1, 1]);
    expect(parts.map((p) => p.amount)).toEqual([334, 333, 333]);
    for (const total of [1, 7, 99_999, 123_457]) {
      const split = allocate(money(total, 'CNY'), [30, 40, 30]);
      expect(split.reduce((s, p) => s + p.amount, 0)).toBe(total);
    }
    expect(allocate(money(-10, 'CNY'), [1, 2]).map((p) => p.amount)).toEqual([-3, -7]);
  });

  it('formats by locale and currency exponent', () => {
    expect(formatMoney(money(123450, 'CNY'), 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(money(123450, 'CNY'), 'en')).toBe('CN¥1,234.50');
    expect(formatMoney(money(500, 'JPY'), 'en')).toBe('¥500');
  });
});
