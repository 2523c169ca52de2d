import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/**
 * Inserts `rows` (by property name; an embedded column inside its object) in one statement.
 * The SQL comes from the entity's metadata and each value goes through the driver's own
 * conversions (JSON, arrays, dates, transformers), as TypeORM would persist it, without its
 * insert query builder, which costs more than the statement on hot mutations (checkout). A
 * column no row gives takes its database default; one that only some rows give is NULL in the
 * others.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  await em.query(...insertStatement(em, entity, rows));
}

/**
 * `insertRows`, answering the generated ids in row order: from `RETURNING` where the database
 * has it (MariaDB, SQLite), else from MySQL's first insert id, consecutive for one statement as
 * TypeORM also assumes.
 */
export async function insertRowsReturningIds<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const { driver } = em.connection;
  const [sql, parameters] = insertStatement(em, entity, rows);
  const id = em.connection.getMetadata(entity).primaryColumns[0]!.databaseName;
  const returning =
    em.connection.options.type === 'better-sqlite3' || driver.isReturningSqlSupported('insert');
  if (returning) {
    const inserted = (await em.query(
      `${sql} RETURNING ${driver.escape(id)}`,
      parameters,
    )) as Record<string, unknown>[];
    return inserted.map((r) => Number(r[id]));
  }
  const result = (await em.query(sql, parameters)) as { insertId: number };
  return rows.map((_, i) => result.insertId + i);
}

function insertStatement<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): [string, unknown[]] {
  const metadata = em.connection.getMetadata(entity);
  const { driver } = em.connection;
  const given = metadata.columns.filter(
    (c) => c.isInsert && rows.some((r) => c.getEntityValue(r) !== undefined),
  );
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (const c of given) {
      const value = c.getEntityValue(row) as unknown;
      parameters.push(value === undefined ? null : driver.preparePersistentValue(value, c));
    }
  }
  const tuple = `(${given.map(() => '?').join(', ')})`;
  const sql =
    `INSERT INTO ${driver.escape(metadata.tableName)} ` +
    `(${given.map((c) => driver.escape(c.databaseName)).join(', ')}) ` +
    `VALUES ${rows.map(() => tuple).join(', ')}`;
  return [sql, parameters];
}
