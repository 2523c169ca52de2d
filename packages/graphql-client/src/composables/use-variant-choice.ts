import { computed, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import type { ProductDetail } from './use-product.js';

/** The smallest quantity at or above `quantity` that the variant can be ordered in. */
export function orderableQuantity(quantity: number, min: number, increment: number): number {
  if (quantity <= min) return min;
  return min + Math.ceil((quantity - min) / increment) * increment;
}

/**
 * The variant chosen on a product page. A newly shown product starts on its first variant in
 * stock; choosing a variant lifts `quantity` to one that variant can be ordered in.
 */
export function useVariantChoice(
  product: MaybeRefOrGetter<ProductDetail | null | undefined>,
  quantity: Ref<number>,
) {
  const variantId = ref('');
  const variant = computed(() => toValue(product)?.variants.find((v) => v.id === variantId.value));

  watch(
    () => toValue(product),
    (current) => {
      if (!current || current.variants.some((v) => v.id === variantId.value)) return;
      const first = current.variants.find((v) => v.stock.inStock) ?? current.variants[0];
      variantId.value = first?.id ?? '';
    },
    { immediate: true },
  );

  watch(
    variant,
    (current) => {
      if (!current) return;
      const allowed = orderableQuantity(
        quantity.value,
        current.minOrderQuantity,
        current.orderIncrement,
      );
      if (allowed !== quantity.value) quantity.value = allowed;
    },
    { immediate: true },
  );

  return { variantId, variant };
}
