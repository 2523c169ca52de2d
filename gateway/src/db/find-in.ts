import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { locksRows } from './locks.js';

/**
 * Rows of `entity` whose `column` is one of `values`, optionally ordered and locked: the
 * DataLoaders' one read, and the reads of hot mutations (checkout). The SQL comes from the
 * entity's metadata and each row becomes an entity through the driver's own column conversions,
 * without TypeORM's general query builder and result transformer (relations, aliases, grouping),
 * which cost more than the query on hot pages. `forUpdate` locks the rows on MySQL, as
 * `forUpdate()` in locks.ts does for TypeORM's finders.
 */
export async function findIn<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  values: readonly unknown[],
  orderBy: [keyof T & string, 'ASC' | 'DESC'][] = [],
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<T[]> {
  if (values.length === 0) return [];
  const metadata = em.connection.getMetadata(entity);
  const { driver } = em.connection;
  const columns = metadata.columns.filter((c) => c.isSelect);
  const name = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.name} has no column ${property}`);
    return driver.escape(found.databaseName);
  };
  const order = orderBy.map(([p, dir]) => `${name(p)} ${dir}`).join(', ');
  const sql =
    `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} ` +
    `FROM ${driver.escape(metadata.tableName)} WHERE ${name(column)} IN ` +
    `(${values.map(() => '?').join(', ')})${order ? ` ORDER BY ${order}` : ''}` +
    (forUpdate && locksRows(em) ? ' FOR UPDATE' : '');
  return hydrate(em, entity, (await em.query(sql, [...values])) as Record<string, unknown>[]);
}

/**
 * `alias`'s selected columns of `entity`, each named `${alias}_${column}` as `hydrate` reads
 * them: the select list of a hand-written join.
 */
export function selectColumns<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
): string {
  const { driver } = em.connection;
  return em.connection
    .getMetadata(entity)
    .columns.filter((c) => c.isSelect)
    .map(
      (c) =>
        `${driver.escape(alias)}.${driver.escape(c.databaseName)} AS ` +
        driver.escape(`${alias}_${c.databaseName}`),
    )
    .join(', ');
}

/**
 * Entities from raw rows through the driver's column conversions (and transformers). Columns are
 * named as in the table, or `${alias}_${column}` as a query builder selecting `alias` names them.
 */
export function hydrate<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: Record<string, unknown>[],
  alias?: string,
): T[] {
  const metadata = em.connection.getMetadata(entity);
  const { driver } = em.connection;
  const columns = metadata.columns
    .filter((c) => c.isSelect)
    .map((c) => [c, alias ? `${alias}_${c.databaseName}` : c.databaseName] as const);
  return rows.map((row) => {
    const e = metadata.create() as Record<string, unknown>;
    for (const [c, key] of columns) {
      const value = driver.prepareHydratedValue(row[key], c);
      // An embedded column (an order's address) lives in its embedded object.
      if (c.embeddedMetadata) c.setEntityValue(e, value);
      else e[c.propertyName] = value;
    }
    return e as T;
  });
}
