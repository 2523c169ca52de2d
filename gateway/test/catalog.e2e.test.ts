import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw?.stop());

const PAGE = `query ($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort! = NEWEST) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    edges { cursor node { id name slug inStock priceFrom { amount currency } category { id slug } seller { id slug } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

interface PageData {
  products: {
    edges: {
      cursor: string;
      node: {
        id: string;
        name: string;
        slug: string;
        inStock: boolean;
        priceFrom: { amount: number };
        category: { id: string; slug: string };
        seller: { id: string; slug: string };
      };
    }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

describe('catalog queries', () => {
  it('pages through every product exactly once', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: Awaited<ReturnType<typeof gw.gql<PageData>>> = await gw.gql<PageData>(PAGE, {
        first: 100,
        after,
      });
      for (const e of res.data.products.edges) seen.add(e.node.id);
      expect(res.data.products.pageInfo.hasPreviousPage).toBe(after !== null);
      after = res.data.products.pageInfo.endCursor;
      if (!res.data.products.pageInfo.hasNextPage) break;
    }
    expect(seen.size).toBe(300);
  });

  it('counts and facets the filtered products', async () => {
    const res = await gw.gql<any>(
      `{ products(first: 1) { totalCount facets { categories { category { slug } count } sellers { seller { slug } count } } } }`,
    );
    const { totalCount, facets } = res.data.products;
    expect(totalCount).toBe(300);
    expect(facets.sellers.reduce((s: number, f: { count: number }) => s + f.count, 0)).toBe(300);
    expect(facets.categories.length).toBeGreaterThan(5);
  });

  it('filters by a parent category including its descendants', async () => {
    const cats = await gw.gql<any>('{ categories { id slug parentId children { slug } } }');
    const office = cats.data.categories.find((c: { slug: string }) => c.slug === 'office');
    expect(office.children.map((c: { slug: string }) => c.slug)).toContain('paper');
    const childIds = cats.data.categories
      .filter((c: { parentId: string }) => c.parentId === office.id)
      .map((c: { id: string }) => c.id);
    const res = await gw.gql<PageData>(PAGE, { first: 100, filter: { categoryId: office.id } });
    expect(res.data.products.edges.length).toBeGreaterThan(0);
    for (const e of res.data.products.edges) expect(childIds).toContain(e.node.category.id);
  });

  it('searches name and SKU, and filters by seller, price and stock', async () => {
    const byName = await gw.gql<PageData>(PAGE, {
      first: 20,
      filter: { search: 'fountain pen' },
      sort: 'RELEVANCE',
    });
    expect(byName.data.products.edges.length).toBeGreaterThan(0);
    for (const e of byName.data.products.edges)
      expect(e.node.name.toLowerCase()).toContain('fountain pen');

    const bySku = await gw.gql<PageData>(PAGE, { first: 5, filter: { search: 'DAI-000000-1' } });
    expect(bySku.data.products.edges.map((e) => e.node.slug)).toHaveLength(1);

    const sellers = await gw.gql<any>('{ sellers { id slug } }');
    const hub = sellers.data.sellers.find((s: { slug: string }) => s.slug === 'office-hub');
    const filtered = await gw.gql<PageData>(PAGE, {
      first: 100,
      filter: { sellerId: hub.id, minPrice: 1000, maxPrice: 50000, inStock: true },
      sort: 'PRICE_ASC',
    });
    const prices = filtered.data.products.edges.map((e) => e.node.priceFrom.amount);
    expect(prices.length).toBeGreaterThan(0);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
    for (const e of filtered.data.products.edges) {
      expect(e.node.seller.slug).toBe('office-hub');
      expect(e.node.inStock).toBe(true);
      expect(e.node.priceFrom.amount).toBeGreaterThanOrEqual(1000);
      expect(e.node.priceFrom.amount).toBeLessThanOrEqual(50000);
    }
  });

  it('pages by price without gaps or repeats', async () => {
    const first = await gw.gql<PageData>(PAGE, { first: 50, sort: 'PRICE_DESC' });
    const second = await gw.gql<PageData>(PAGE, {
      first: 50,
      sort: 'PRICE_DESC',
      after: first.data.products.pageInfo.endCursor,
    });
    const all = [...first.data.products.edges, ...second.data.products.edges].map((e) => e.node);
    expect(new Set(all.map((n) => n.id)).size).toBe(100);
    const prices = all.map((n) => n.priceFrom.amount);
    expect([...prices].sort((a, b) => b - a)).toEqual(prices);
  });

  it('pages through search results in every sort as one long page lists them', async () => {
    const COUNTED = PAGE.replace('pageInfo {', 'totalCount pageInfo {');
    const filter = { search: 'organic' };
    for (const sort of ['RELEVANCE', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST']) {
      const whole = await gw.gql<PageData & { products: { totalCount: number } }>(COUNTED, {
        first: 100,
        filter,
        sort,
      });
      const expected = whole.data.products.edges.map((e) => e.node.id);
      expect(expected.length).toBeGreaterThan(7);
      expect(whole.data.products.totalCount).toBe(expected.length);
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const res: Awaited<ReturnType<typeof gw.gql<PageData>>> = await gw.gql<PageData>(PAGE, {
          first: 7,
          after,
          filter,
          sort,
        });
        paged.push(...res.data.products.edges.map((e) => e.node.id));
        after = res.data.products.pageInfo.hasNextPage
          ? res.data.products.pageInfo.endCursor
          : null;
      } while (after);
      expect(paged, sort).toEqual(expected);
    }
  });

  it('finds a product by slug or id, and answers null for unknown ones', async () => {
    const page = await gw.gql<PageData>(PAGE, { first: 1 });
    const node = page.data.products.edges[0]!.node;
    const bySlug = await gw.gql<any>(
      'query ($slug: String) { product(slug: $slug) { id variants { sku } } }',
      { slug: node.slug },
    );
    expect(bySlug.data.product.id).toBe(node.id);
    const byId = await gw.gql<any>('query ($id: ID) { product(id: $id) { slug } }', {
      id: node.id,
    });
    expect(byId.data.product.slug).toBe(node.slug);
    for (const id of ['999999', 'abc', '-1', '1e3']) {
      const missing = await gw.gql<any>('query ($id: ID) { product(id: $id) { slug } }', { id });
      expect(missing.data.product).toBeNull();
    }
    const both = await gw.gql<any>('{ product(id: "1", slug: "x") { slug } }');
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
  });

  it('resolves prices for the viewer: list for consumers, tiers for verified companies', async () => {
    const query = `{ products(first: 20, filter: { search: "organic" }) { edges { node { variants { tiers { minQuantity } price(quantity: 60) { unitPrice { amount } source ruleId } listPrice { amount } } } } } }`;
    const anon = await gw.gql<any>(query);
    const consumer = await gw.gql<any>(query, {}, await gw.login('alice@marketgate.example'));
    const buyer = await gw.gql<any>(query, {}, await gw.login('buyer@acme.example'));
    for (const res of [anon, consumer]) {
      const v = res.data.products.edges[0].node.variants[0];
      expect(v.price.source).toBe('LIST');
      expect(v.tiers).toEqual([]);
      expect(v.price.unitPrice.amount).toBe(v.listPrice.amount);
    }
    const v = buyer.data.products.edges[0].node.variants[0];
    expect(v.price.source).toBe('TIER');
    expect(v.price.ruleId).toBeTruthy();
    expect(v.price.unitPrice.amount).toBeLessThan(v.listPrice.amount);
  });
});

describe('statement counts', () => {
  const nested = `query ($first: Int!) { products(first: $first) { edges { node { name seller { name } category { name }
    variants { sku listPrice { amount } price { unitPrice { amount currency } source } stock { available inStock } } } } } }`;

  it('costs the same small number of statements at page sizes 10 and 100', async () => {
    const ten = await gw.gql<any>(nested, { first: 10 });
    const hundred = await gw.gql<any>(nested, { first: 100 });
    expect(hundred.data.products.edges).toHaveLength(100);
    expect(ten.extensions?.sqlStatements).toBe(hundred.extensions?.sqlStatements);
    expect(hundred.extensions?.sqlStatements).toBeLessThanOrEqual(5);
  });

  it('stays flat for a signed-in business buyer with tier prices', async () => {
    const token = await gw.login('buyer@acme.example');
    const ten = await gw.gql<any>(nested, { first: 10 }, token);
    const hundred = await gw.gql<any>(nested, { first: 100 }, token);
    expect(ten.extensions?.sqlStatements).toBe(hundred.extensions?.sqlStatements);
  });
});

describe('bad input', () => {
  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 10, after: 'not-a-cursor' }, 'after'],
    [{ first: 10, filter: { minPrice: -1 } }, 'filter.minPrice'],
    [{ first: 10, filter: { minPrice: 500, maxPrice: 100 } }, 'filter.minPrice'],
    [{ first: 10, filter: { search: 'x'.repeat(201) } }, 'filter.search'],
  ])('answers BAD_USER_INPUT for %j', async (variables, field) => {
    const res = await gw.gql<any>(PAGE, variables);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain(field);
    expect(res.raw).not.toMatch(/stack|SELECT|at .*\.js/);
  });

  it('rejects wrong types before running anything', async () => {
    const res = await gw.gql<any>(PAGE, { first: 'ten' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('treats unknown filter ids as matching nothing', async () => {
    const res = await gw.gql<PageData>(PAGE, { first: 10, filter: { categoryId: '99999' } });
    expect(res.data.products.edges).toEqual([]);
  });

  it('limits query depth and cost', async () => {
    const deep = await gw.gql<any>(
      '{ categories { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }',
    );
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    const alias = (i: number) =>
      `p${i}: products(first: 100) { edges { cursor node { id name slug variants { sku price { unitPrice { amount currency } } } } } }`;
    const costly = await gw.gql<any>(
      `{ ${Array.from({ length: 20 }, (_, i) => alias(i)).join(' ')} }`,
    );
    expect(costly.errors?.[0]?.message).toMatch(/too complex/);
  });
});
