import {
  createMarketgateClient,
  urqlPlugin,
  type ProductDetail,
  type ProductVariant,
} from '@marketgate/graphql-client';
import { createFakeGateway } from '@marketgate/graphql-client/testing';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, ref } from 'vue';
import { withPlugins } from '../test-utils';
import { useProductView } from './use-product-view';

afterEach(() => {
  vi.unstubAllGlobals();
});

const cny = (amount: number) => ({ amount, currency: 'CNY' });

function variant(id: string, value: string, unit: number, available: number): ProductVariant {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Longjing ${id}`,
    options: value ? [{ name: 'Weight', value }] : [],
    listPrice: cny(unit),
    minOrderQuantity: 1,
    orderIncrement: 1,
    stock: { available, inStock: available > 0 },
    tiers: [],
    price: { quantity: 1, unitPrice: cny(unit), total: cny(unit), source: 'LIST', ruleId: null },
  };
}

const product: ProductDetail = {
  id: 'p1',
  slug: 'longjing',
  name: 'Longjing',
  description: '',
  imageUrls: [],
  inStock: true,
  attributes: [{ name: 'Origin', value: 'Hangzhou' }],
  seller: { id: 's1', name: 'Hangzhou Tea Co.' },
  category: { id: '2', name: 'Green tea', slug: 'green-tea' },
  variants: [variant('v1', '100 g', 5800, 40), variant('v2', '', 12800, 0)],
};

const categories = [
  { id: '1', name: 'Tea', slug: 'tea', parentId: null, position: 0 },
  { id: '2', name: 'Green tea', slug: 'green-tea', parentId: '1', position: 0 },
];

async function mountView(categoryList: typeof categories) {
  vi.stubGlobal(
    'fetch',
    createFakeGateway({ Categories: () => ({ categories: categoryList }) }).fetch,
  );
  const shown = ref<ProductDetail | null | undefined>(product);
  const chosen = ref<ProductVariant | undefined>(product.variants[0]);
  const { i18n, global } = withPlugins('en');
  let view!: ReturnType<typeof useProductView>;
  mount(
    defineComponent({
      setup() {
        view = useProductView(shown, chosen, () => ({ label: 'Home', to: { name: 'home' } }));
        return () => null;
      },
    }),
    { global: { ...global, plugins: [i18n, [urqlPlugin, createMarketgateClient()]] } },
  );
  await flushPromises();
  return { view, shown, chosen };
}

describe('useProductView', () => {
  it('offers each variant by its options, or its name, with its price', async () => {
    const { view } = await mountView(categories);
    expect(view.choices.value).toEqual([
      { id: 'v1', label: '100 g', detail: 'CN¥58.00', unavailable: false },
      { id: 'v2', label: 'Longjing v2', detail: 'CN¥128.00', unavailable: true },
    ]);
  });

  it("lists the product's attributes, then the chosen variant's options and SKU", async () => {
    const { view, chosen } = await mountView(categories);
    expect(view.facts.value).toEqual([
      { name: 'Origin', value: 'Hangzhou' },
      { name: 'Weight', value: '100 g' },
      { name: 'SKU', value: 'SKU-v1' },
    ]);

    chosen.value = undefined;
    expect(view.facts.value).toEqual([{ name: 'Origin', value: 'Hangzhou' }]);
  });

  it('leads from the root crumb down the category path to the product', async () => {
    const { view, shown } = await mountView(categories);
    expect(view.breadcrumbs.value).toEqual([
      { label: 'Home', to: { name: 'home' } },
      { label: 'Tea', to: { name: 'category', params: { slug: 'tea' } } },
      { label: 'Green tea', to: { name: 'category', params: { slug: 'green-tea' } } },
      { label: 'Longjing' },
    ]);

    shown.value = undefined;
    expect(view.breadcrumbs.value).toEqual([]);
  });

  it("falls back to the product's own category while the tree does not know it", async () => {
    const { view } = await mountView([]);
    expect(view.breadcrumbs.value).toEqual([
      { label: 'Home', to: { name: 'home' } },
      { label: 'Green tea', to: { name: 'category', params: { slug: 'green-tea' } } },
      { label: 'Longjing' },
    ]);
  });
});
