import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { prefixEnd, queryTerms, type QueryTerm } from '../modules/catalog/search-terms.js';
import type { SearchFilter } from './workloads.js';

/**
 * The hand-written baseline: `node:http` and a mysql2 pool of the gateway's size, running the
 * statements the gateway runs (same SQL, same order, same concurrency) and answering the same
 * JSON, with its statement count in `extensions.sqlStatements`.
 */
export interface Baseline {
  url: string;
  close(): Promise<void>;
}

const productColumns =
  'p.id, p.createdAt, p.updatedAt, p.sellerId, p.categoryId, p.slug, p.name, p.description, ' +
  'p.attributes, p.imageUrls, p.status, p.minPrice, p.currency, p.inStock';
const variantColumns =
  'id, createdAt, updatedAt, productId, sku, name, options, listPrice, currency, ' +
  'minOrderQuantity, orderIncrement, stockOnHand, stockReserved, position';
const categoryColumns = 'id, createdAt, updatedAt, parentId, name, slug, path, position';
const sellerColumns = 'id, createdAt, updatedAt, name, slug, description, status';

type Row = RowDataPacket & Record<string, any>;
type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

const money = (amount: number, currency: string) => ({ amount, currency });
const cursor = (key: (string | number)[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

function pageInfo(edges: { cursor: string }[], more: boolean) {
  return { hasNextPage: more, endCursor: edges.at(-1)?.cursor ?? null };
}

async function byId(q: Query, sql: string, ids: number[]): Promise<Map<number, Row>> {
  const rows = await q(sql, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id as number, r]));
}

function variantsByProduct(q: Query, productIds: number[]): Promise<Map<number, Row[]>> {
  return q(
    `SELECT ${variantColumns} FROM variant WHERE productId IN (?) ORDER BY position ASC, id ASC`,
    [productIds],
  ).then((rows) => {
    const groups = new Map<number, Row[]>(productIds.map((id) => [id, []]));
    for (const v of rows) groups.get(v.productId)?.push(v);
    return groups;
  });
}

const categories = (q: Query, ids: number[]) =>
  byId(q, `SELECT ${categoryColumns} FROM category WHERE id IN (?)`, ids);
const sellers = (q: Query, ids: number[]) =>
  byId(q, `SELECT ${sellerColumns} FROM seller WHERE id IN (?)`, ids);

async function catalogPage(q: Query, variables: { first: number }) {
  const rows = await q(
    `SELECT ${productColumns} FROM product p WHERE p.status = ? ORDER BY p.id DESC LIMIT ?`,
    ['ACTIVE', variables.first + 1],
  );
  const page = rows.slice(0, variables.first);
  const [variants, cats, sells] = await Promise.all([
    variantsByProduct(
      q,
      page.map((p) => p.id),
    ),
    categories(
      q,
      page.map((p) => p.categoryId),
    ),
    sellers(
      q,
      page.map((p) => p.sellerId),
    ),
  ]);
  const edges = page.map((p) => ({
    cursor: cursor(['id', p.id]),
    node: {
      id: String(p.id),
      slug: p.slug,
      name: p.name,
      variants: (variants.get(p.id) ?? []).map((v) => ({
        sku: v.sku,
        listPrice: money(v.listPrice, v.currency),
        price: { unitPrice: money(v.listPrice, v.currency), source: 'LIST' },
        stock: { available: Math.max(0, v.stockOnHand - v.stockReserved) },
      })),
      seller: { name: sells.get(p.sellerId)?.name },
      category: { name: cats.get(p.categoryId)?.name },
    },
  }));
  return { products: { edges, pageInfo: pageInfo(edges, rows.length > page.length) } };
}

async function productDetail(q: Query, variables: { slug: string }) {
  const [p] = await q(`SELECT ${productColumns} FROM product p WHERE p.slug = ? LIMIT 1`, [
    variables.slug,
  ]);
  if (!p || p.status !== 'ACTIVE') return { product: null };
  const [sells, cats, variants] = await Promise.all([
    sellers(q, [p.sellerId]),
    categories(q, [p.categoryId]),
    variantsByProduct(q, [p.id]),
  ]);
  const seller = sells.get(p.sellerId) as Row;
  const category = cats.get(p.categoryId) as Row;
  return {
    product: {
      id: String(p.id),
      slug: p.slug,
      name: p.name,
      description: p.description,
      imageUrls: JSON.parse(p.imageUrls),
      inStock: p.inStock === 1,
      attributes: JSON.parse(p.attributes),
      seller: { id: String(seller.id), name: seller.name },
      category: { id: String(category.id), name: category.name, slug: category.slug },
      variants: (variants.get(p.id) ?? []).map((v) => {
        const available = Math.max(0, v.stockOnHand - v.stockReserved);
        const unit = money(v.listPrice, v.currency);
        return {
          id: String(v.id),
          sku: v.sku,
          name: v.name,
          options: JSON.parse(v.options),
          listPrice: unit,
          minOrderQuantity: v.minOrderQuantity,
          orderIncrement: v.orderIncrement,
          stock: { available, inStock: available > 0 },
          tiers: [],
          price: { quantity: 1, unitPrice: unit, total: unit, source: 'LIST' },
        };
      }),
    },
  };
}

/**
 * The search statement as the gateway builds it: the index range of the most selective term, an
 * EXISTS per other term, the filters, grouped per product, sorted by relevance, the page cut
 * with the total counted by a window, and the page's products joined in.
 */
export function searchStatement(filter: SearchFilter, categoryIds: number[], first: number) {
  const [driver, ...others] = queryTerms(filter.search);
  if (!driver) throw new Error('the search workload needs search words');
  const term = (alias: string, t: QueryTerm) =>
    t.prefix
      ? { sql: `${alias}.term >= ? AND ${alias}.term < ?`, params: [t.term, prefixEnd(t.term)] }
      : { sql: `${alias}.term = ?`, params: [t.term] };
  const first0 = term('t', driver);
  const exists = others.map((t, i) => {
    const c = term(`t${i + 1}`, t);
    return {
      sql:
        ` AND EXISTS (SELECT 1 FROM product_search_term t${i + 1} ` +
        `WHERE t${i + 1}.productId = t.productId AND ${c.sql})`,
      params: c.params,
    };
  });
  return {
    sql:
      `SELECT ${productColumns}, h.total FROM (SELECT t.productId AS id, ` +
      'MAX(t.weight + CASE WHEN t.term = ? THEN 1 ELSE 0 END) AS k, COUNT(*) OVER () AS total ' +
      `FROM product_search_term t WHERE ${first0.sql}${exists.map((e) => e.sql).join('')} ` +
      'AND t.status = ? AND t.categoryId IN (?) AND t.minPrice >= ? AND t.minPrice <= ? ' +
      'AND t.inStock = ? GROUP BY t.productId ORDER BY k DESC, id DESC LIMIT ? OFFSET 0) h ' +
      'INNER JOIN product p ON p.id = h.id ORDER BY h.k DESC, h.id DESC',
    params: [
      driver.term,
      ...first0.params,
      ...exists.flatMap((e) => e.params),
      'ACTIVE',
      categoryIds,
      filter.minPrice,
      filter.maxPrice,
      filter.inStock,
      first + 1,
    ],
  };
}

/** A category and its descendants, as the gateway reads them for a category filter. */
export const categorySubtreeSql =
  "SELECT d.id AS id FROM category c INNER JOIN category d ON d.path LIKE CONCAT(c.path, '%') " +
  'WHERE c.id = ?';

async function search(q: Query, variables: { filter: SearchFilter }) {
  const f = variables.filter;
  const subtree = await q(categorySubtreeSql, [Number(f.categoryId)]);
  if (subtree.length === 0) {
    return { products: { totalCount: 0, edges: [], pageInfo: pageInfo([], false) } };
  }
  const first = 20;
  const statement = searchStatement(
    f,
    subtree.map((c) => c.id as number),
    first,
  );
  const hits = await q(statement.sql, statement.params);
  if (hits.length === 0) {
    return { products: { totalCount: 0, edges: [], pageInfo: pageInfo([], false) } };
  }
  const page = hits.slice(0, first);
  const sells = await sellers(
    q,
    page.map((p) => p.sellerId),
  );
  const edges = page.map((p, i) => {
    const seller = sells.get(p.sellerId) as Row;
    return {
      cursor: cursor(['offset', i + 1]),
      node: {
        id: String(p.id),
        slug: p.slug,
        name: p.name,
        inStock: p.inStock === 1,
        priceFrom:
          p.minPrice === null || p.currency === null ? null : money(p.minPrice, p.currency),
        seller: { id: String(seller.id), name: seller.name },
      },
    };
  });
  return {
    products: {
      totalCount: Number(hits[0]!.total),
      edges,
      pageInfo: pageInfo(edges, hits.length > page.length),
    },
  };
}

const handlers: Record<string, (q: Query, variables: any) => Promise<unknown>> = {
  '/catalog': catalogPage,
  '/product': productDetail,
  '/search': search,
};

async function answer(pool: Pool, path: string, body: string) {
  const handler = handlers[path];
  if (!handler) return { status: 404, json: { error: 'not found' } };
  let statements = 0;
  const q: Query = async (sql, params) => {
    statements += 1;
    const [rows] = await pool.query<Row[]>(sql, params);
    return rows;
  };
  const { variables } = JSON.parse(body) as { variables: unknown };
  const data = await handler(q, variables);
  return { status: 200, json: { data, extensions: { sqlStatements: statements } } };
}

/** Starts the baseline on a free loopback port. */
export async function startBaseline(databaseUrl: string): Promise<Baseline> {
  const pool = createPool({ uri: databaseUrl, connectionLimit: 20, timezone: 'Z' });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(pool, req.url ?? '/', Buffer.concat(chunks).toString('utf8')).then(
        ({ status, json }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(error) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

// Forked by the benchmark: the database arrives over IPC, the address goes back.
if (process.send) {
  process.once('message', ({ databaseUrl }: { databaseUrl: string }) => {
    startBaseline(databaseUrl).then(
      (baseline) => {
        process.send?.({ url: baseline.url });
        process.once('SIGTERM', () => {
          baseline.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      },
      (error: unknown) => {
        process.stderr.write(`baseline failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
