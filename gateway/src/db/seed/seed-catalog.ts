import type { DataSource } from 'typeorm';
import { catalogRefs, seedDemo, seedProducts } from './demo.js';

export interface SeedSummary {
  products: number;
  variants: number;
  seconds: number;
}

/**
 * Products per bulk statement: MySQL takes large multi-row inserts gladly, SQLite caps the
 * bound parameters of one statement.
 */
function chunkSize(dataSource: DataSource): number {
  return dataSource.options.type !== 'better-sqlite3' ? 2000 : 500;
}

/**
 * Loads the demo accounts and structure and `products` generated products into a migrated
 * database that has no users yet, reporting the products done after each chunk.
 */
export async function seedCatalog(
  dataSource: DataSource,
  products: number,
  onProgress: (done: number) => void = () => {},
): Promise<SeedSummary> {
  const started = performance.now();
  await seedDemo(dataSource, 0);
  await seedProducts(
    dataSource,
    await catalogRefs(dataSource),
    0,
    products,
    onProgress,
    chunkSize(dataSource),
  );
  const [row] = (await dataSource.query('SELECT COUNT(*) AS n FROM variant')) as {
    n: number | string;
  }[];
  return {
    products,
    variants: Number(row?.n ?? 0),
    seconds: (performance.now() - started) / 1000,
  };
}
