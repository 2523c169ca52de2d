import { describe, expect, it } from 'vitest';
import { parseMoneyInput, toMoneyInput } from './money-input';

describe('parseMoneyInput', () => {
  it.each([
    ['128', 12800],
    ['128.5', 12850],
    ['128.05', 12805],
    [' 1,280.50 ', 128050],
    ['0.01', 1],
    ['0', 0],
    ['12.', 1200],
  ])('reads %j as %i fen', (text, amount) => {
    expect(parseMoneyInput(text, 'CNY')).toBe(amount);
  });

  it.each(['', 'abc', '-5', '1.234', '1.2.3', '.5', '1e3'])('refuses %j', (text) => {
    expect(parseMoneyInput(text, 'CNY')).toBeNull();
  });

  it('follows the currency’s decimals', () => {
    expect(parseMoneyInput('1500', 'JPY')).toBe(1500);
    expect(parseMoneyInput('15.5', 'JPY')).toBeNull();
  });

  it('never goes through a float', () => {
    expect(parseMoneyInput('0.29', 'CNY')).toBe(29);
    expect(parseMoneyInput('1.005', 'CNY')).toBeNull();
  });
});

describe('toMoneyInput', () => {
  it('writes minor units as a plain decimal that reads back the same', () => {
    expect(toMoneyInput({ amount: 12850, currency: 'CNY' })).toBe('128.50');
    expect(toMoneyInput({ amount: 5, currency: 'CNY' })).toBe('0.05');
    expect(toMoneyInput({ amount: 1500, currency: 'JPY' })).toBe('1500');
    expect(parseMoneyInput(toMoneyInput({ amount: 99901, currency: 'CNY' }), 'CNY')).toBe(99901);
  });
});
