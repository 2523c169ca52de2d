import { useCategories, type ProductDetail, type ProductVariant } from '@marketgate/graphql-client';
import { formatMoney } from '@marketgate/money';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import type { RouteLocationRaw } from 'vue-router';
import type { VariantChoice } from '../components/VariantPicker.vue';

export interface Breadcrumb {
  label: string;
  to?: RouteLocationRaw;
}

/**
 * What a product page shows of a product besides its offer: the variants to choose from, the
 * facts (attributes, then the chosen variant's options and SKU) and the breadcrumbs from `root`
 * (the app's start page) down the product's category path.
 */
export function useProductView(
  product: MaybeRefOrGetter<ProductDetail | null | undefined>,
  variant: MaybeRefOrGetter<ProductVariant | undefined>,
  root: MaybeRefOrGetter<Breadcrumb>,
) {
  const { t, locale } = useI18n();
  const categories = useCategories();

  const choices = computed<VariantChoice[]>(
    () =>
      toValue(product)?.variants.map((v) => ({
        id: v.id,
        label: v.options.map((o) => o.value).join(' · ') || v.name,
        detail: formatMoney(v.price.unitPrice, locale.value),
        unavailable: !v.stock.inStock,
      })) ?? [],
  );

  const facts = computed(() => {
    const chosen = toValue(variant);
    return [
      ...(toValue(product)?.attributes ?? []),
      ...(chosen?.options ?? []),
      ...(chosen ? [{ name: t('ui.sku'), value: chosen.sku }] : []),
    ];
  });

  const breadcrumbs = computed<Breadcrumb[]>(() => {
    const current = toValue(product);
    if (!current) return [];
    const category = categories.bySlug(current.category.slug) ?? {
      ...current.category,
      parentId: null,
      position: 0,
    };
    return [
      toValue(root),
      ...[...categories.ancestorsOf(category), category].map((c) => ({
        label: c.name,
        to: { name: 'category', params: { slug: c.slug } },
      })),
      { label: current.name },
    ];
  });

  return { choices, facts, breadcrumbs };
}
