import type { SellerCatalogVariantFragment, UpsertVariantInput } from '@marketgate/graphql-client';
import { parseMoneyInput, toMoneyInput } from '../shared/money-input';
import {
  CURRENCY,
  moneyText,
  parseWhole,
  problemsOf,
  requiredText,
  wholeNumber,
  type FieldProblem,
  type FieldProblems,
} from './field-problems';

/** A name/value row as typed: a variant option or a product attribute. */
export interface NameValueDraft {
  name: string;
  value: string;
}

/** A volume tier as typed: from this quantity, this unit price in major units. */
export interface TierDraft {
  minQuantity: string;
  unitPrice: string;
}

/** A variant as its editor holds it: text as typed, money in major units. */
export interface VariantDraft {
  sku: string;
  name: string;
  options: NameValueDraft[];
  currency: string;
  listPrice: string;
  minOrderQuantity: string;
  orderIncrement: string;
  tiers: TierDraft[];
}

/** The limits the gateway checks its input against, so the form can say so while typing. */
export const limits = {
  name: 200,
  optionName: 100,
  optionValue: 500,
  options: 10,
  tiers: 20,
  quantity: 1_000_000,
} as const;

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A new variant starts in the currency of its siblings (or CNY), at one unit. */
export function draftFromVariant(
  variant: SellerCatalogVariantFragment | null,
  currency: string,
): VariantDraft {
  if (!variant) {
    return {
      sku: '',
      name: '',
      options: [],
      currency,
      listPrice: '',
      minOrderQuantity: '1',
      orderIncrement: '1',
      tiers: [],
    };
  }
  return {
    sku: variant.sku,
    name: variant.name,
    options: variant.options.map(({ name, value }) => ({ name, value })),
    currency: variant.listPrice.currency,
    listPrice: toMoneyInput(variant.listPrice),
    minOrderQuantity: String(variant.minOrderQuantity),
    orderIncrement: String(variant.orderIncrement),
    tiers: variant.tiers.map((tier) => ({
      minQuantity: String(tier.minQuantity),
      unitPrice: toMoneyInput(tier.unitPrice),
    })),
  };
}

function skuProblem(sku: string, siblingSkus: readonly string[]): FieldProblem | null {
  const value = sku.trim();
  if (!value) return { key: 'required', missing: true };
  if (!SKU.test(value)) return { key: 'sku' };
  // Saving a known SKU would overwrite that variant (an upsert): a new one needs its own.
  const taken = siblingSkus.some((other) => other.toLowerCase() === value.toLowerCase());
  return taken ? { key: 'skuOnProduct' } : null;
}

/**
 * The draft's problems by the field's path in `UpsertVariantInput` (`sku`, `tiers.1.unitPrice`),
 * the same paths the gateway names when it refuses input, so both show in the same place. A new
 * variant's SKU must not be one of `siblingSkus`, the product's other variants'.
 */
export function checkVariant(
  draft: VariantDraft,
  siblingSkus: readonly string[] = [],
): FieldProblems {
  const problems: Record<string, FieldProblem | null> = {
    sku: skuProblem(draft.sku, siblingSkus),
    name: requiredText(draft.name, limits.name),
    currency: CURRENCY.test(draft.currency.trim()) ? null : { key: 'currency' },
    listPrice: moneyText(draft.listPrice, draft.currency.trim()),
    minOrderQuantity: wholeNumber(draft.minOrderQuantity, 1, limits.quantity),
    orderIncrement: wholeNumber(draft.orderIncrement, 1, limits.quantity),
  };
  draft.options.forEach((option, i) => {
    problems[`options.${i}.name`] = requiredText(option.name, limits.optionName);
    problems[`options.${i}.value`] = requiredText(option.value, limits.optionValue);
  });
  const firstRowOf = new Map<number, number>();
  draft.tiers.forEach((tier, i) => {
    const from = parseWhole(tier.minQuantity, 2, limits.quantity);
    const earlier = from === null ? undefined : firstRowOf.get(from);
    if (from !== null && earlier === undefined) firstRowOf.set(from, i);
    problems[`tiers.${i}.minQuantity`] =
      earlier !== undefined
        ? { key: 'tierQuantity', params: { row: earlier + 1 } }
        : wholeNumber(tier.minQuantity, 2, limits.quantity);
    problems[`tiers.${i}.unitPrice`] = moneyText(tier.unitPrice, draft.currency.trim());
  });
  return problemsOf(problems);
}

/** The gateway's input for a draft without problems: prices in minor units of its currency. */
export function toVariantInput(
  productId: string,
  draft: VariantDraft,
  siblingSkus: readonly string[] = [],
): UpsertVariantInput | null {
  if (Object.keys(checkVariant(draft, siblingSkus)).length > 0) return null;
  const currency = draft.currency.trim();
  const minor = (value: string) => parseMoneyInput(value, currency) as number;
  const whole = (value: string) => Number(value.trim());
  return {
    productId,
    sku: draft.sku.trim(),
    name: draft.name.trim(),
    options: draft.options.map((o) => ({ name: o.name.trim(), value: o.value.trim() })),
    currency,
    listPrice: minor(draft.listPrice),
    minOrderQuantity: whole(draft.minOrderQuantity),
    orderIncrement: whole(draft.orderIncrement),
    tiers: draft.tiers.map((t) => ({
      minQuantity: whole(t.minQuantity),
      unitPrice: minor(t.unitPrice),
    })),
  };
}
