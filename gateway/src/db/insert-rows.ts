import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/**
 * One multi-row INSERT of rows whose generated columns (id, timestamps) nobody reads back:
 * no RETURNING clause and no entity update, unlike `em.insert`.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  await em.createQueryBuilder().insert().into(entity).values(rows).updateEntity(false).execute();
}
