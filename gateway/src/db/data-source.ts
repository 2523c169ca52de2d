import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { entities } from './entities.js';
import { SqlLogger } from './sql-log.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Migrations are kept per driver: each is generated against its own database. */
export function migrationsGlob(type: DatabaseConfig['type']): string {
  return path.join(here, 'migrations', type === 'sqlite' ? 'sqlite' : 'mysql', '*.js');
}

export function createDataSource(database: DatabaseConfig, logSql = false): DataSource {
  const common = {
    entities,
    migrations: [migrationsGlob(database.type)],
    synchronize: false,
    logger: new SqlLogger(logSql),
  };
  if (database.type === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(path.dirname(database.file), { recursive: true });
    return new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      // WAL lets readers go on while a write transaction runs; foreign keys on as in MySQL.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    });
  }
  return new DataSource({
    ...common,
    type: database.type,
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 20 },
  });
}
