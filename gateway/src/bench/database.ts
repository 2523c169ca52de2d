import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../config/config.js';

/** Creates the database of `url` (mysql:// or mariadb://) when it is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^\w+$/.test(name)) throw new Error(`the database URL needs a database name: ${url}`);
  parsed.pathname = '/';
  const admin = await createConnection(parsed.toString());
  await admin.query(
    `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();
}

/** Whether the database ran a migration this code does not have (a regenerated one). */
export async function migrationsDiverged(dataSource: DataSource): Promise<boolean> {
  if (((await dataSource.query("SHOW TABLES LIKE 'migrations'")) as unknown[]).length === 0) {
    return false;
  }
  const known = new Set(dataSource.migrations.map((m) => m.name ?? m.constructor.name));
  const applied = (await dataSource.query('SELECT name FROM migrations')) as { name: string }[];
  return applied.some((m) => !known.has(m.name));
}

/**
 * The environment of a measured gateway process on `databaseUrl` (MariaDB or MySQL): production
 * code paths, loopback on a free port, a fresh token secret, the schema as the benchmark
 * migrated it and no background sweep while measuring. With its configuration, once the
 * database exists.
 */
export async function benchGateway(databaseUrl: string): Promise<{
  env: Record<string, string>;
  config: Config & { database: Extract<Config['database'], { url: string }> };
}> {
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    MIGRATE_ON_START: 'false',
    SWEEP_INTERVAL_SECONDS: '0',
  };
  const config = loadConfig(env);
  const { database } = config;
  if (database.type === 'sqlite') throw new Error('the benchmark needs MariaDB or MySQL');
  await ensureDatabase(database.url);
  return { env, config: { ...config, database } };
}
