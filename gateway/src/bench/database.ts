import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';

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
