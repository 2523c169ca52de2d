import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import type { ProductDetail, ProductVariant } from './use-product.js';
import { orderableQuantity, useVariantChoice } from './use-variant-choice.js';

function variant(id: string, inStock: boolean, minOrderQuantity = 1, orderIncrement = 1) {
  const money = { amount: 100, currency: 'CNY' };
  return {
    id,
    sku: id,
    name: id,
    options: [],
    listPrice: money,
    minOrderQuantity,
    orderIncrement,
    stock: { available: inStock ? 5 : 0, inStock },
    tiers: [],
    price: { quantity: 1, unitPrice: money, total: money, source: 'LIST', ruleId: null },
  } satisfies ProductVariant;
}

function product(variants: ProductVariant[]): ProductDetail {
  return {
    id: 'p',
    slug: 'p',
    name: 'P',
    description: '',
    imageUrls: [],
    inStock: true,
    attributes: [],
    seller: { id: 's', name: 'S' },
    category: { id: 'c', name: 'C', slug: 'c' },
    variants,
  };
}

describe('orderableQuantity', () => {
  it('lifts to the minimum, then rounds up to whole increments', () => {
    expect(orderableQuantity(1, 10, 5)).toBe(10);
    expect(orderableQuantity(12, 10, 5)).toBe(15);
    expect(orderableQuantity(20, 10, 5)).toBe(20);
  });
});

describe('useVariantChoice', () => {
  it('starts on the first variant in stock and keeps the quantity orderable', async () => {
    const shown = ref<ProductDetail | undefined>(undefined);
    const quantity = ref(1);
    const { variantId, variant: chosen } = useVariantChoice(shown, quantity);
    expect(chosen.value).toBeUndefined();

    shown.value = product([variant('a', false), variant('b', true, 6, 3), variant('c', true)]);
    await nextTick();
    expect(variantId.value).toBe('b');
    expect(quantity.value).toBe(6);

    variantId.value = 'c';
    await nextTick();
    expect(chosen.value?.id).toBe('c');
    expect(quantity.value).toBe(6);
  });
});
