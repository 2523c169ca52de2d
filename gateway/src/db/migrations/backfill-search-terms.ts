import type { QueryRunner } from 'typeorm';
import { searchTermRows, type IndexedProduct } from '../../modules/catalog/product-search.js';

const BATCH = 500;
const columns = [
  'term',
  'productId',
  'weight',
  'status',
  'inStock',
  'categoryId',
  'sellerId',
  'minPrice',
] as const;

/**
 * Fills the search index from the products a database already holds (same SQL on both
 * drivers), batch by batch in id order.
 */
export async function backfillSearchTerms(queryRunner: QueryRunner): Promise<void> {
  for (let after = 0; ;) {
    const products = (await queryRunner.query(
      'SELECT id, name, description, attributes, status, inStock, categoryId, sellerId, ' +
        'minPrice FROM product WHERE id > ? ORDER BY id LIMIT ?',
      [after, BATCH],
    )) as (Omit<IndexedProduct, 'attributes'> & { attributes: string })[];
    if (products.length === 0) return;
    after = Number(products.at(-1)?.id);
    const skus = new Map<number, string[]>();
    const variants = (await queryRunner.query(
      `SELECT productId, sku FROM variant WHERE productId IN (${products.map(() => '?').join(', ')})`,
      products.map((p) => p.id),
    )) as { productId: number; sku: string }[];
    for (const v of variants) skus.set(v.productId, [...(skus.get(v.productId) ?? []), v.sku]);
    const rows = products.flatMap((p) =>
      searchTermRows(
        {
          ...p,
          attributes: JSON.parse(p.attributes) as IndexedProduct['attributes'],
          inStock: Boolean(Number(p.inStock)),
        },
        skus.get(p.id) ?? [],
      ),
    );
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      await queryRunner.query(
        `INSERT INTO product_search_term (${columns.join(', ')}) VALUES ` +
          chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', '),
        chunk.flatMap((r) => columns.map((c) => (c === 'inStock' ? Number(r.inStock) : r[c]))),
      );
    }
  }
}
