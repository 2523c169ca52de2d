import { parseMoneyInput } from '../shared/money-input';

/** A problem with one field: the message key under `sellerCatalog.check` and its values. */
export interface FieldProblem {
  key:
    | 'required'
    | 'tooLong'
    | 'tooMany'
    | 'sku'
    | 'skuOnProduct'
    | 'slug'
    | 'url'
    | 'currency'
    | 'money'
    | 'quantity'
    | 'tierQuantity'
    | 'delta';
  params?: Record<string, string | number>;
  /** Shown only once the form was submitted: an empty field is not wrong while it is typed. */
  missing?: boolean;
}

/** Problems by the field's path in the mutation's input, as the gateway names them too. */
export type FieldProblems = Record<string, FieldProblem>;

export const CURRENCY = /^[A-Z]{3}$/;

/** A whole number from `min` to `max` as typed, or null. */
export function parseWhole(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^-?\d{1,7}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

export function requiredText(value: string, max: number): FieldProblem | null {
  if (!value.trim()) return { key: 'required', missing: true };
  return value.trim().length > max ? { key: 'tooLong', params: { max } } : null;
}

export function wholeNumber(value: string, min: number, max: number): FieldProblem | null {
  if (!value.trim()) return { key: 'required', missing: true };
  return parseWhole(value, min, max) === null ? { key: 'quantity', params: { min, max } } : null;
}

/** Money in major units; only checked against a valid currency (its decimals decide). */
export function moneyText(value: string, currency: string): FieldProblem | null {
  if (!value.trim()) return { key: 'required', missing: true };
  if (!CURRENCY.test(currency)) return null;
  return parseMoneyInput(value, currency) === null ? { key: 'money' } : null;
}

/** Drops the fields without a problem. */
export function problemsOf(checked: Record<string, FieldProblem | null>): FieldProblems {
  return Object.fromEntries(
    Object.entries(checked).filter((entry): entry is [string, FieldProblem] => entry[1] !== null),
  );
}
