import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
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
  const metadata = em.connection.getMetadata(entity);
  return perAlias(selectLists, metadata, alias, () => {
    const { driver } = em.connection;
    return metadata.columns
      .filter((c) => c.isSelect)
      .map(
        (c) =>
          `${driver.escape(alias)}.${driver.escape(c.databaseName)} AS ` +
          driver.escape(`${alias}_${c.databaseName}`),
      )
      .join(', ');
  });
}

const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/** Quotes a name or an `alias.column` path as the database does, for hand-written statements. */
export function sqlNames(em: EntityManager): (path: string) => string {
  const { driver } = em.connection;
  return (path) =>
    path
      .split('.')
      .map((part) => driver.escape(part))
      .join('.');
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
  const hydrateRow = perAlias(hydrators, metadata, alias ?? '', () =>
    compileHydrator(metadata, em.connection.driver, alias),
  );
  return rows.map(hydrateRow) as T[];
}

/** What `make` builds for one entity and alias, built once. */
function perAlias<V>(
  store: WeakMap<EntityMetadata, Map<string, V>>,
  metadata: EntityMetadata,
  alias: string,
  make: () => V,
): V {
  let byAlias = store.get(metadata);
  if (!byAlias) store.set(metadata, (byAlias = new Map()));
  let value = byAlias.get(alias);
  if (value === undefined) byAlias.set(alias, (value = make()));
  return value;
}

type Hydrator = (row: Record<string, unknown>) => ObjectLiteral;

const hydrators = new WeakMap<EntityMetadata, Map<string, Hydrator>>();

/**
 * Column types both drivers hand over as the entity holds them: `prepareHydratedValue` returns
 * such a value unchanged unless the column has a transformer.
 */
const unconverted = new Set(['int', 'integer', 'smallint', 'bigint', 'varchar', 'char', 'text']);

/**
 * One entity's row reader, compiled once per entity and alias: a function assigning each
 * column to its property by name, which V8 runs as fast as hand-written code, where a loop over
 * the columns would store through computed keys. Columns of other types, or with a transformer,
 * go through the driver's conversion; an embedded column (an order's address) through its
 * metadata.
 */
function compileHydrator(metadata: EntityMetadata, driver: Driver, alias?: string): Hydrator {
  const columns = metadata.columns.filter((c) => c.isSelect);
  const statements = columns.map((c, i) => {
    const read = `row[${JSON.stringify(alias ? `${alias}_${c.databaseName}` : c.databaseName)}]`;
    const value =
      unconverted.has(String(c.type)) && !c.transformer ? read : `convert(${read}, columns[${i}])`;
    return c.embeddedMetadata
      ? `columns[${i}].setEntityValue(e, ${value});`
      : `e[${JSON.stringify(c.propertyName)}] = ${value};`;
  });
  const compile = new Function(
    'create',
    'convert',
    'columns',
    `return function hydrate(row) { const e = create(); ${statements.join(' ')} return e; };`,
  ) as (
    create: () => ObjectLiteral,
    convert: (value: unknown, column: ColumnMetadata) => unknown,
    columns: ColumnMetadata[],
  ) => Hydrator;
  return compile(
    () => metadata.create() as ObjectLiteral,
    (value, column) => driver.prepareHydratedValue(value, column),
    columns,
  );
}
