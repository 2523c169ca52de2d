import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { intTransformer } from '../../db/columns.js';
import type { ProductStatus } from './product.entity.js';

/**
 * The search index: one row per term of a product (see `search-terms.ts`), with copies of the
 * product's filter columns so a search reads a range of this table's primary key and nothing
 * else: no row of `product` is read before the page is chosen. Kept by
 * `CatalogService.refreshProducts` and `refreshStockFlags`.
 *
 * On MySQL/MariaDB `term` has the binary collation (set by its migration, which TypeORM's schema
 * diff does not compare): terms are already folded, and a case- or accent-insensitive
 * collation would call two different terms of one product the same key.
 *
 * A search below a category reads the index led by `categoryId` instead: its ranges are the
 * subtree's categories times the term's range, and it holds every column a search filters and
 * sorts on, so it reads only that subtree's rows and never the table. (`productId, term` is
 * for replacing a product's rows, and for the EXISTS of a search's other terms when the planner
 * takes it.)
 */
@Entity('product_search_term')
@Index(['productId', 'term'])
@Index(['categoryId', 'term', 'status', 'inStock', 'minPrice', 'weight', 'sellerId'])
export class ProductSearchTerm {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  term: string;

  @PrimaryColumn({ type: 'int' })
  productId: number;

  /** 2 when the term is in the name or a SKU, 1 when only in the description or attributes. */
  @Column({ type: 'smallint' })
  weight: number;

  @Column({ type: 'varchar', length: 16 })
  status: ProductStatus;

  @Column({ type: 'boolean' })
  inStock: boolean;

  @Column({ type: 'int' })
  categoryId: number;

  @Column({ type: 'int' })
  sellerId: number;

  @Column({ type: 'int', nullable: true, transformer: intTransformer })
  minPrice: number | null;
}
