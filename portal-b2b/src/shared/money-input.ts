import { fractionDigits, type Money } from '@marketgate/money';

/**
 * Reads an amount typed in major units ("128", "128.5", "1,280.50") as integer minor units of
 * `currency`; null when it is not a non-negative amount with at most the currency's decimals.
 * Digits are handled as text so no float rounding can creep in.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const cleaned = text.trim().replace(/[,\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const amount = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(amount) ? amount : null;
}

/** An amount as a person would type it back into a field: "128.50", without grouping. */
export function toMoneyInput(value: Money): string {
  const digits = fractionDigits(value.currency);
  const sign = value.amount < 0 ? '-' : '';
  const text = String(Math.abs(value.amount)).padStart(digits + 1, '0');
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
