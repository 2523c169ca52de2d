import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { insertRows } from '../../db/insert-rows.js';
import type { ProductQuery } from './catalog.types.js';
import { ProductSearchTerm } from './product-search-term.entity.js';
import { Product } from './product.entity.js';
import { prefixEnd, productTerms, type QueryTerm, type SearchableProduct } from './search-terms.js';

/**
 * The products a query matches, as SQL: without a search the `product` table (`p`); with one
 * the search index (`t`, one row per matching term of a product, so counts are DISTINCT). Both
 * carry the filter columns under the same names.
 */
export type MatchingProducts = (
  | { search: false; qb: SelectQueryBuilder<Product> }
  | { search: true; qb: SelectQueryBuilder<ProductSearchTerm> }
) & {
  /** The qualified column of a product's id, price, category or seller. */
  column(name: 'id' | 'minPrice' | 'categoryId' | 'sellerId'): string;
  /** Counts matching products. */
  count: string;
};

function termCondition(alias: string, term: QueryTerm, n: number) {
  return term.prefix
    ? {
        sql: `${alias}.term >= :lo${n} AND ${alias}.term < :hi${n}`,
        params: { [`lo${n}`]: term.term, [`hi${n}`]: prefixEnd(term.term) },
      }
    : { sql: `${alias}.term = :lo${n}`, params: { [`lo${n}`]: term.term } };
}

/** The filters besides the search, on the columns `product` and the index share. */
function filter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  a: 'p' | 't',
  query: ProductQuery,
  omit: 'category' | 'seller' | null,
): SelectQueryBuilder<T> {
  qb.andWhere(`${a}.status IN (:...statuses)`, { statuses: query.statuses });
  if (query.categoryIds !== null && omit !== 'category') {
    qb.andWhere(`${a}.categoryId IN (:...categoryIds)`, { categoryIds: query.categoryIds });
  }
  if (query.sellerId !== null && omit !== 'seller') {
    qb.andWhere(`${a}.sellerId = :sellerId`, { sellerId: query.sellerId });
  }
  if (query.minPrice !== null) {
    qb.andWhere(`${a}.minPrice >= :minPrice`, { minPrice: query.minPrice });
  }
  if (query.maxPrice !== null) {
    qb.andWhere(`${a}.minPrice <= :maxPrice`, { maxPrice: query.maxPrice });
  }
  if (query.inStock !== null) qb.andWhere(`${a}.inStock = :inStock`, { inStock: query.inStock });
  return qb;
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
  const [first, ...others] = query.terms;
  if (!first) {
    return {
      search: false,
      qb: filter(em.createQueryBuilder(Product, 'p'), 'p', query, omit),
      column: (name) => `p.${name}`,
      count: 'COUNT(*)',
    };
  }
  const driver = termCondition('t', first, 0);
  const qb = em.createQueryBuilder(ProductSearchTerm, 't').where(driver.sql, driver.params);
  others.forEach((term, i) => {
    const alias = `t${i + 1}`;
    const c = termCondition(alias, term, i + 1);
    qb.andWhere(
      `EXISTS (SELECT 1 FROM product_search_term ${alias} ` +
        `WHERE ${alias}.productId = t.productId AND ${c.sql})`,
      c.params,
    );
  });
  return {
    search: true,
    qb: filter(qb, 't', query, omit),
    column: (name) => (name === 'id' ? 't.productId' : `t.${name}`),
    count: 'COUNT(DISTINCT t.productId)',
  };
}

/**
 * Relevance of a searched product: the weight of its best match of the first term (2 in the
 * name or a SKU, 1 elsewhere), plus 1 when that match is the whole word.
 */
export function relevance(query: ProductQuery): { sql: string; params: Record<string, string> } {
  return {
    sql: 'MAX(t.weight + CASE WHEN t.term = :exact THEN 1 ELSE 0 END)',
    params: { exact: query.terms[0]?.term ?? '' },
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
