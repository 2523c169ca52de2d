import { install } from '@urql/vue';
import { createApp, effectScope, ref } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMarketgateClient } from '../client.js';
import { createFakeGateway } from '../testing.js';
import type { ProductsPageQuery, ProductsPageQueryVariables } from '../generated/graphql.js';
import { useProductPages } from './use-product-pages.js';

const pages: Record<string, ProductsPageQuery['products']> = {
  first: page(['p1', 'p2'], 'c2', true),
  c2: page(['p3', 'p4'], 'c4', true),
  c4: page(['p5'], 'c5', false),
};

function page(
  ids: string[],
  endCursor: string,
  hasNextPage: boolean,
): ProductsPageQuery['products'] {
  return {
    edges: ids.map((id) => ({
      cursor: id,
      node: {
        id,
        slug: id,
        name: id,
        imageUrls: [],
        inStock: true,
        priceFrom: { amount: 100, currency: 'CNY' },
        seller: { id: 's1', name: 'Seller' },
      },
    })),
    pageInfo: { hasNextPage, endCursor },
    totalCount: 5,
    facets: { categories: [], sellers: [] },
  };
}

/** Runs the composable against a real client whose fetch answers from `pages`. */
async function setup(options: Parameters<typeof useProductPages>[0] = {}) {
  const gateway = createFakeGateway({
    ProductsPage: (variables) => ({
      products: pages[(variables as ProductsPageQueryVariables).after ?? 'first'],
    }),
  });
  vi.stubGlobal('fetch', gateway.fetch);
  const app = createApp({});
  install(app, createMarketgateClient());
  const api = app.runWithContext(() => effectScope().run(() => useProductPages(options)))!;
  await settle(api);
  return { api, requests: gateway.requests };
}

async function settle(api: ReturnType<typeof useProductPages>): Promise<void> {
  await vi.waitFor(() => expect(api.state.value).not.toBe('loading'));
}

async function expectProducts(api: ReturnType<typeof useProductPages>, expected: string[]) {
  await vi.waitFor(() => expect(ids(api)).toEqual(expected));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function ids(api: ReturnType<typeof useProductPages>): string[] {
  return api.products.value.map((p) => p.id);
}

describe('useProductPages', () => {
  it('goes forward with endCursor and back through the cursor stack', async () => {
    const { api } = await setup({ pageSize: 2 });
    expect(ids(api)).toEqual(['p1', 'p2']);
    expect(api.state.value).toBe('ready');
    expect(api.hasPrevious.value).toBe(false);
    expect(api.pageCount.value).toBe(3);

    api.next();
    await expectProducts(api, ['p3', 'p4']);
    api.next();
    await expectProducts(api, ['p5']);
    expect(api.hasNext.value).toBe(false);
    expect(api.pageNumber.value).toBe(3);

    api.previous();
    await expectProducts(api, ['p3', 'p4']);
    api.previous();
    await expectProducts(api, ['p1', 'p2']);
    expect(api.pageNumber.value).toBe(1);
  });

  it('starts again from the first page when the sort changes', async () => {
    const sort = ref<'RELEVANCE' | 'PRICE_ASC'>('RELEVANCE');
    const { api, requests } = await setup({ sort });
    api.next();
    await expectProducts(api, ['p3', 'p4']);
    expect(api.pageNumber.value).toBe(2);

    sort.value = 'PRICE_ASC';
    await expectProducts(api, ['p1', 'p2']);
    expect(api.pageNumber.value).toBe(1);
    expect(requests.at(-1)?.variables).toMatchObject({
      after: null,
      sort: 'PRICE_ASC',
    });
  });
});
