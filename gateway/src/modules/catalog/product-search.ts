import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Product } from './product.entity.js';
import type { ProductQuery } from './catalog.types.js';

/** MySQL's InnoDB FULLTEXT ignores words shorter than this (innodb_ft_min_token_size). */
const FULLTEXT_MIN_WORD = 3;

/** Splits a search into lower-cased words of letters and digits (at most 8). */
export function searchWords(search: string | null | undefined): string[] {
  if (!search) return [];
  return [
    ...new Set(
      search
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ].slice(0, 8);
}

function isMysql(em: EntityManager): boolean {
  return em.connection.options.type !== 'better-sqlite3';
}

/**
 * On MySQL the words go to the FULLTEXT index in boolean mode (`+word*`: every word, as a
 * prefix), so a search reads the index instead of scanning the table; words too short for the
 * index are then checked with LIKE on the rows the index found. The embedded database matches
 * every word with LIKE.
 */
function whereSearch(qb: SelectQueryBuilder<Product>, words: string[]): void {
  const mysql = isMysql(qb.connection.manager);
  const indexed = mysql ? words.filter((w) => w.length >= FULLTEXT_MIN_WORD) : [];
  if (indexed.length > 0) {
    qb.andWhere('MATCH(p.searchText) AGAINST (:ft IN BOOLEAN MODE)', {
      ft: indexed.map((w) => `+${w}*`).join(' '),
    });
  }
  words
    .filter((w) => !indexed.includes(w))
    .forEach((w, i) => {
      qb.andWhere(`p.searchText LIKE :w${i} ESCAPE '!'`, {
        [`w${i}`]: `%${w.replace(/[!%_]/g, '!$&')}%`,
      });
    });
}

/** The filter of a product query, without the category or seller condition when a facet asks so. */
export function filteredProducts(
  em: EntityManager,
  query: ProductQuery,
  omit: 'category' | 'seller' | null = null,
): SelectQueryBuilder<Product> {
  const qb = em
    .createQueryBuilder(Product, 'p')
    .where('p.status = :status', { status: query.status });
  if (query.search.length > 0) whereSearch(qb, query.search);
  if (query.categoryPath !== null && omit !== 'category') {
    qb.andWhere('p.categoryId IN (SELECT c.id FROM category c WHERE c.path LIKE :path)', {
      path: `${query.categoryPath}%`,
    });
  }
  if (query.sellerId !== null && omit !== 'seller') {
    qb.andWhere('p.sellerId = :sellerId', { sellerId: query.sellerId });
  }
  if (query.minPrice !== null) qb.andWhere('p.minPrice >= :minPrice', { minPrice: query.minPrice });
  if (query.maxPrice !== null) qb.andWhere('p.minPrice <= :maxPrice', { maxPrice: query.maxPrice });
  if (query.inStock !== null) qb.andWhere('p.inStock = :inStock', { inStock: query.inStock });
  return qb;
}

/**
 * Relevance with a search: the FULLTEXT score on MySQL, and on the embedded database 2 when a
 * word starts the name, 1 otherwise. Ties (and no search) fall back to newest first.
 */
export function relevanceExpression(
  em: EntityManager,
  words: string[],
): { sql: string; params: Record<string, string> } | null {
  if (words.length === 0) return null;
  const indexed = words.filter((w) => w.length >= FULLTEXT_MIN_WORD);
  if (isMysql(em) && indexed.length > 0) {
    return {
      sql: 'MATCH(p.searchText) AGAINST (:ftr IN BOOLEAN MODE)',
      params: { ftr: indexed.map((w) => `${w}*`).join(' ') },
    };
  }
  return {
    sql: "CASE WHEN LOWER(p.name) LIKE :rel ESCAPE '!' THEN 2 ELSE 1 END",
    params: { rel: `${(words[0] ?? '').replace(/[!%_]/g, '!$&')}%` },
  };
}
