import { install } from '@urql/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope, ref } from 'vue';
import { createMarketgateClient } from '../client.js';
import type { ProductBySlugQuery } from '../generated/graphql.js';
import { createFakeGateway } from '../testing.js';
import { useCategories } from './use-categories.js';
import { useProduct } from './use-product.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

function inApp<T>(handlers: Parameters<typeof createFakeGateway>[0], use: () => T): T {
  vi.stubGlobal('fetch', createFakeGateway(handlers).fetch);
  const app = createApp({});
  install(app, createMarketgateClient());
  return app.runWithContext(() => effectScope().run(use))!;
}

function product(slug: string): ProductBySlugQuery['product'] {
  return {
    id: slug,
    slug,
    name: slug.toUpperCase(),
    description: '',
    imageUrls: [],
    inStock: true,
    attributes: [],
    seller: { id: 's', name: 'S' },
    category: { id: 'c', name: 'C', slug: 'c' },
    variants: [],
  };
}

describe('useProduct', () => {
  it('shows loading for another slug, keeps the product for another quantity', async () => {
    // Answers wait until the test releases them, so it can look at the state in between.
    const waiting: (() => void)[] = [];
    const release = async () => {
      await vi.waitFor(() => expect(waiting.length).toBe(1));
      waiting.shift()?.();
    };
    const slug = ref('tea');
    const quantity = ref(1);
    const api = inApp(
      {
        ProductBySlug: async (variables) => {
          await new Promise<void>((r) => waiting.push(r));
          return { product: variables.slug === 'gone' ? null : product(String(variables.slug)) };
        },
      },
      () => useProduct(slug, quantity),
    );
    await vi.waitFor(() => expect(api.fetching.value).toBe(true));
    expect(api.state.value).toBe('loading');
    await release();
    await vi.waitFor(() => expect(api.state.value).toBe('ready'));

    quantity.value = 5;
    await vi.waitFor(() => expect(api.fetching.value).toBe(true));
    expect(api.state.value).toBe('ready');
    expect(api.product.value?.slug).toBe('tea');
    await release();
    await vi.waitFor(() => expect(api.fetching.value).toBe(false));

    slug.value = 'paper';
    await vi.waitFor(() => expect(api.fetching.value).toBe(true));
    expect(api.state.value).toBe('loading');
    await release();
    await vi.waitFor(() => expect(api.product.value?.slug).toBe('paper'));

    slug.value = 'gone';
    await vi.waitFor(() => expect(api.fetching.value).toBe(true));
    await release();
    await vi.waitFor(() => expect(api.state.value).toBe('not-found'));
  });

  it('reports a failed request as an error', async () => {
    const api = inApp(
      {
        ProductBySlug: () => {
          throw new Error('down');
        },
      },
      () => useProduct('tea', 1),
    );
    await vi.waitFor(() => expect(api.state.value).toBe('error'));
  });
});

describe('useCategories', () => {
  it('walks the category tree', async () => {
    const api = inApp(
      {
        Categories: () => ({
          categories: [
            { id: '1', name: 'Office', slug: 'office', parentId: null, position: 0 },
            { id: '2', name: 'Paper', slug: 'paper', parentId: '1', position: 0 },
            { id: '3', name: 'Copy paper', slug: 'copy', parentId: '2', position: 0 },
          ],
        }),
      },
      () => useCategories(),
    );
    await vi.waitFor(() => expect(api.state.value).toBe('ready'));
    expect(api.topLevel.value.map((c) => c.slug)).toEqual(['office']);
    expect(api.childrenOf('1').map((c) => c.slug)).toEqual(['paper']);
    const copy = api.bySlug('copy');
    expect(copy && api.ancestorsOf(copy).map((c) => c.slug)).toEqual(['office', 'paper']);
  });
});
