import { In, type EntityManager } from 'typeorm';
import { sqlNames } from '../../db/find-in.js';
import { insertRows } from '../../db/insert-rows.js';
import type { ProductQuery } from './catalog.types.js';
import { ProductSearchTerm } from './product-search-term.entity.js';
import type { Product } from './product.entity.js';
import { prefixEnd, productTerms, type QueryTerm, type SearchableProduct } from './search-terms.js';

/**
 * The products a query matches, as SQL written by hand (these statements run on every catalog
 * page and search; TypeORM's query builder cost more than they do): without a search the
 * `product` table (`p`); with one the search index (`t`, one row per matching term of a
 * product, so counts are DISTINCT). Both carry the filter columns under the same names.
 * Callers add to `where` (with `params`, in order) and put a SELECT in front of `from`.
 */
export interface MatchingProducts {
  search: boolean;
  /** `FROM ... WHERE ...`, without GROUP BY or ORDER BY. */
  from: string;
  /** The placeholders' values of `from`, in order; callers append their own. */
  params: unknown[];
  /** The qualified, quoted column of a product's id, price, category or seller. */
  column(name: 'id' | 'minPrice' | 'categoryId' | 'sellerId'): string;
  /** Counts matching products. */
  count: string;
}

/** `?, ?, ?` for `values`. */
function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function termCondition(q: (path: string) => string, alias: string, term: QueryTerm) {
  return term.prefix
    ? {
        sql: `${q(`${alias}.term`)} >= ? AND ${q(`${alias}.term`)} < ?`,
        params: [term.term, prefixEnd(term.term)],
      }
    : { sql: `${q(`${alias}.term`)} = ?`, params: [term.term] };
}

/**
 * The filter of a product query, without the category or seller condition when a facet asks so.
 * A search reads the index from its most selective term and checks each other term with an
 * EXISTS on the index's (productId, term) key.
 */
export function matchingProducts(
  em: EntityManager,
  query: ProductQuery,
  omit: 'category' | 'seller' | null = null,
): MatchingProducts {
  const q = sqlNames(em);
  const [first, ...others] = query.terms;
  const a = first ? 't' : 'p';
  const where: string[] = [];
  const params: unknown[] = [];
  const and = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (first) {
    const driver = termCondition(q, 't', first);
    and(driver.sql, ...driver.params);
    others.forEach((term, i) => {
      const alias = `t${i + 1}`;
      const c = termCondition(q, alias, term);
      and(
        `EXISTS (SELECT 1 FROM ${q('product_search_term')} ${q(alias)} ` +
          `WHERE ${q(`${alias}.productId`)} = ${q('t.productId')} AND ${c.sql})`,
        ...c.params,
      );
    });
  }
  const col = (name: string) => q(`${a}.${name}`);
  and(`${col('status')} IN (${placeholders(query.statuses)})`, ...query.statuses);
  if (query.categoryIds !== null && omit !== 'category') {
    and(`${col('categoryId')} IN (${placeholders(query.categoryIds)})`, ...query.categoryIds);
  }
  if (query.sellerId !== null && omit !== 'seller') and(`${col('sellerId')} = ?`, query.sellerId);
  if (query.minPrice !== null) and(`${col('minPrice')} >= ?`, query.minPrice);
  if (query.maxPrice !== null) and(`${col('minPrice')} <= ?`, query.maxPrice);
  // A number, not a boolean: SQLite binds no booleans.
  if (query.inStock !== null) and(`${col('inStock')} = ?`, query.inStock ? 1 : 0);
  const table = first ? 'product_search_term' : 'product';
  return {
    search: first !== undefined,
    from: `FROM ${q(table)} ${q(a)} WHERE ${where.join(' AND ')}`,
    params,
    column: (name) => (first && name === 'id' ? q('t.productId') : col(name)),
    count: first ? `COUNT(DISTINCT ${q('t.productId')})` : 'COUNT(*)',
  };
}

/**
 * Relevance of a searched product: the weight of its best match of the first term (2 in the
 * name or a SKU, 1 elsewhere), plus 1 when that match is the whole word.
 */
export function relevance(
  em: EntityManager,
  query: ProductQuery,
): { sql: string; params: string[] } {
  const q = sqlNames(em);
  return {
    sql: `MAX(${q('t.weight')} + CASE WHEN ${q('t.term')} = ? THEN 1 ELSE 0 END)`,
    params: [query.terms[0]?.term ?? ''],
  };
}

/** What the index copies of a product. */
export type IndexedProduct = SearchableProduct &
  Pick<Product, 'id' | 'status' | 'inStock' | 'categoryId' | 'sellerId' | 'minPrice'>;

/** The index rows of a product. */
export function searchTermRows(product: IndexedProduct, skus: string[]): ProductSearchTerm[] {
  return [...productTerms(product, skus)].map(([term, weight]) => ({
    term,
    productId: product.id,
    weight,
    status: product.status,
    inStock: product.inStock,
    categoryId: product.categoryId,
    sellerId: product.sellerId,
    minPrice: product.minPrice,
  }));
}

/** Rows per INSERT: SQLite takes at most 32766 parameters per statement. */
const INSERT_CHUNK = 2000;

/** Replaces the index rows of `productIds` by `rows`. */
export async function replaceSearchTerms(
  em: EntityManager,
  productIds: number[],
  rows: ProductSearchTerm[],
): Promise<void> {
  if (productIds.length > 0) await em.delete(ProductSearchTerm, { productId: In(productIds) });
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await insertRows(em, ProductSearchTerm, rows.slice(i, i + INSERT_CHUNK));
  }
}
