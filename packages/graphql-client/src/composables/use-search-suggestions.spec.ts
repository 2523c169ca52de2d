import { install } from '@urql/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope, nextTick, ref } from 'vue';
import { createMarketgateClient } from '../client.js';
import { createFakeGateway } from '../testing.js';
import { useSearchSuggestions } from './use-search-suggestions.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

function product(name: string) {
  return {
    id: name,
    slug: name,
    name,
    imageUrls: [],
    inStock: true,
    priceFrom: { amount: 100, currency: 'CNY' },
    seller: { id: 's', name: 'S' },
  };
}

function setup() {
  const gateway = createFakeGateway({
    ProductsPage: (variables) => {
      const search = (variables.filter as { search: string }).search;
      return {
        products: {
          edges: [`${search}-1`, `${search}-2`].map((name) => ({
            cursor: name,
            node: product(name),
          })),
          pageInfo: { hasNextPage: false, endCursor: null },
          totalCount: 2,
          facets: { categories: [], sellers: [] },
        },
      };
    },
  });
  vi.stubGlobal('fetch', gateway.fetch);
  const app = createApp({});
  install(app, createMarketgateClient());
  const text = ref('');
  const api = app.runWithContext(() => effectScope().run(() => useSearchSuggestions(text)))!;
  return { api, text, requests: gateway.requests };
}

describe('useSearchSuggestions', () => {
  it('asks once the typing pauses, for five products by relevance', async () => {
    const { api, text, requests } = setup();
    text.value = 't';
    text.value = 'te';
    text.value = 'tea';
    await vi.waitFor(() =>
      expect(api.suggestions.value.map((p) => p.name)).toEqual(['tea-1', 'tea-2']),
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.variables).toMatchObject({
      first: 5,
      filter: { search: 'tea' },
      sort: 'RELEVANCE',
    });
  });

  it('suggests nothing for fewer than two characters', async () => {
    const { api, text, requests } = setup();
    text.value = 'tea';
    await vi.waitFor(() => expect(api.suggestions.value).toHaveLength(2));
    text.value = 't';
    await nextTick();
    expect(api.suggestions.value).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(requests).toHaveLength(1);
  });
});
