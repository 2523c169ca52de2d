import type { EntityManager } from 'typeorm';

/**
 * `SELECT ... FOR UPDATE` on MySQL. The embedded database runs write transactions one at a
 * time (see api/transaction.ts) and has no row locks, so there it adds nothing.
 */
export function forUpdate(em: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return locksRows(em) ? { lock: { mode: 'pessimistic_write' } } : {};
}

/** Whether the database locks rows (MySQL) or whole write transactions (the embedded one). */
export function locksRows(em: EntityManager): boolean {
  return em.connection.options.type !== 'better-sqlite3';
}
