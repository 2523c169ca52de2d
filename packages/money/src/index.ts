/**
 * Money is an integer count of minor units (cents, fen) plus an ISO 4217 currency code.
 * It is never a float: every calculation stays in integers, and splits hand the rounding
 * remainder out deterministically so the parts always sum to the whole.
 */
export interface Money {
  amount: number;
  currency: string;
}

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`cannot combine ${a} with ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`money amounts are integer minor units, got ${amount}`);
  }
}

export function money(amount: number, currency: string): Money {
  assertMinorUnits(amount);
  return { amount, currency: currency.toUpperCase() };
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.amount + b.amount, a.currency);
}

export function multiply(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer`);
  return money(a.amount * quantity, a.currency);
}

/**
 * Splits `total` by integer weights (e.g. 30/40/30 for deposit, mid-term and final).
 * Each part gets its floor share; the remainder goes one minor unit at a time to the parts
 * with the largest fractional shares (earlier parts win ties), so the parts sum to the total.
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('weights must be non-negative integers');
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) throw new RangeError('weights must not all be zero');
  const sign = total.amount < 0 ? -1 : 1;
  const abs = Math.abs(total.amount);
  const shares = weights.map((w, index) => ({
    index,
    floor: Math.floor((abs * w) / sum),
    rest: (abs * w) % sum,
  }));
  let remainder = abs - shares.reduce((s, p) => s + p.floor, 0);
  const byRest = [...shares].sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const share of byRest) {
    if (remainder === 0) break;
    share.floor += 1;
    remainder -= 1;
  }
  return shares.map((s) => money(sign * s.floor, total.currency));
}

const fractionDigitsCache = new Map<string, number>();

/** Minor-unit exponent of a currency (2 for CNY and EUR, 0 for JPY), from Intl. */
export function fractionDigits(currency: string): number {
  let digits = fractionDigitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    fractionDigitsCache.set(currency, digits);
  }
  return digits;
}

/** Formats money for display in a locale, e.g. `¥1,234.50` in zh-CN or `CN¥1,234.50` in en. */
export function formatMoney(value: Money, locale: string): string {
  const digits = fractionDigits(value.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value.amount / 10 ** digits);
}
