import type { EntityManager } from 'typeorm';

/**
 * Runs one write statement and answers how many rows it changed, on both drivers (`em.query`
 * answers MySQL's packet but only SQLite's last row id): for hand-written conditional updates on
 * hot paths, where TypeORM's update builder costs more than the statement.
 */
export async function affectedRows(
  em: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<number> {
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    return (await runner.query(sql, parameters, true)).affected ?? 0;
  } finally {
    if (runner !== em.queryRunner) await runner.release();
  }
}
