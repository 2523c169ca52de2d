import type { SellerCatalogVariantFragment } from '@marketgate/graphql-client';
import { describe, expect, it } from 'vitest';
import { checkVariant, draftFromVariant, toVariantInput, type VariantDraft } from './variant-draft';

const variant: SellerCatalogVariantFragment = {
  id: 'v1',
  sku: 'MILK-1L',
  name: 'Fresh Milk, 1 L',
  options: [{ name: 'Size', value: '1 L' }],
  listPrice: { amount: 1290, currency: 'CNY' },
  minOrderQuantity: 6,
  orderIncrement: 6,
  tiers: [{ id: 't1', minQuantity: 60, unitPrice: { amount: 1100, currency: 'CNY' } }],
  stock: { onHand: 10, reserved: 2, available: 8 },
};

const filled: VariantDraft = {
  sku: ' MILK-2L ',
  name: ' Fresh Milk, 2 L ',
  options: [{ name: 'Size', value: '2 L' }],
  currency: 'CNY',
  listPrice: '1,234.5',
  minOrderQuantity: '1',
  orderIncrement: '2',
  tiers: [
    { minQuantity: '10', unitPrice: '11.50' },
    { minQuantity: '50', unitPrice: '11' },
  ],
};

describe('variant drafts', () => {
  it('shows a variant in major units, and a new one at one unit in the given currency', () => {
    expect(draftFromVariant(variant, 'CNY')).toEqual({
      sku: 'MILK-1L',
      name: 'Fresh Milk, 1 L',
      options: [{ name: 'Size', value: '1 L' }],
      currency: 'CNY',
      listPrice: '12.90',
      minOrderQuantity: '6',
      orderIncrement: '6',
      tiers: [{ minQuantity: '60', unitPrice: '11.00' }],
    });
    expect(draftFromVariant(null, 'JPY')).toMatchObject({
      currency: 'JPY',
      minOrderQuantity: '1',
      orderIncrement: '1',
      tiers: [],
    });
  });

  it('sends prices in minor units and whole quantities', () => {
    expect(toVariantInput('p1', filled)).toEqual({
      productId: 'p1',
      sku: 'MILK-2L',
      name: 'Fresh Milk, 2 L',
      options: [{ name: 'Size', value: '2 L' }],
      currency: 'CNY',
      listPrice: 123450,
      minOrderQuantity: 1,
      orderIncrement: 2,
      tiers: [
        { minQuantity: 10, unitPrice: 1150 },
        { minQuantity: 50, unitPrice: 1100 },
      ],
    });
    const yen = { ...filled, currency: 'JPY', listPrice: '1200' };
    expect(toVariantInput('p1', yen)).toBeNull();
    expect(checkVariant(yen)).toEqual({ 'tiers.0.unitPrice': { key: 'money' } });
    expect(
      toVariantInput('p1', { ...yen, tiers: [{ minQuantity: '10', unitPrice: '1100' }] }),
    ).toMatchObject({
      currency: 'JPY',
      listPrice: 1200,
      tiers: [{ minQuantity: 10, unitPrice: 1100 }],
    });
  });

  it('names each problem by its path in the input, empty fields as missing', () => {
    const problems = checkVariant({
      ...filled,
      sku: 'has space',
      name: '',
      listPrice: '12.345',
      orderIncrement: '0',
      options: [{ name: 'Colour', value: '' }],
      tiers: [
        { minQuantity: '1', unitPrice: '9' },
        { minQuantity: '50', unitPrice: 'ten' },
        { minQuantity: '50', unitPrice: '8' },
      ],
    });
    expect(problems).toEqual({
      sku: { key: 'sku' },
      name: { key: 'required', missing: true },
      listPrice: { key: 'money' },
      orderIncrement: { key: 'quantity', params: { min: 1, max: 1_000_000 } },
      'options.0.value': { key: 'required', missing: true },
      'tiers.0.minQuantity': { key: 'quantity', params: { min: 2, max: 1_000_000 } },
      'tiers.1.unitPrice': { key: 'money' },
      'tiers.2.minQuantity': { key: 'tierQuantity', params: { row: 2 } },
    });
    expect(toVariantInput('p1', { ...filled, tiers: [{ minQuantity: '5', unitPrice: '' }] })).toBe(
      null,
    );
  });

  it("keeps a new variant from overwriting one of the product's by reusing its SKU", () => {
    expect(checkVariant(filled, ['milk-2l'])).toEqual({ sku: { key: 'skuOnProduct' } });
    expect(toVariantInput('p1', filled, ['MILK-1L'])).not.toBeNull();
  });

  it('checks prices only against a valid currency', () => {
    expect(checkVariant({ ...filled, currency: 'yen' })).toEqual({
      currency: { key: 'currency' },
    });
  });
});
