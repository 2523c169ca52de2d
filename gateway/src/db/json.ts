import type { EntityManager } from 'typeorm';

/**
 * SQL of the string at `path` (SQL of a JSON path, e.g. `CONCAT('$[', t.i, '].name')`) in the
 * JSON text column `column`, the same on both drivers: SQLite's json_extract answers a string
 * as it is, MySQL's and MariaDB's JSON_EXTRACT answer it as JSON, in quotes.
 */
export function jsonText(em: EntityManager, column: string, path: string): string {
  return em.connection.options.type === 'better-sqlite3'
    ? `json_extract(${column}, ${path})`
    : `JSON_UNQUOTE(JSON_EXTRACT(${column}, ${path}))`;
}
