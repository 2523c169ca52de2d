import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataSource } from './data-source.js';
import { pendingSchemaChanges } from './schema-diff.js';

/**
 * `pnpm --filter @marketgate/gateway migration:generate <Name>` writes, for each driver, a
 * migration taking a database built by the existing migrations to what the entities declare.
 * The MySQL/MariaDB one is generated in a throwaway MariaDB database on MIGRATION_MYSQL_URL
 * (default: local root).
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('usage: migration:generate <PascalCaseName>\n');
  process.exit(2);
}
const sourceDir = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
const timestamp = Date.now();

function render(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`;
}

async function generate(type: 'sqlite' | 'mariadb'): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'mg-migration-'));
  const base = process.env.MIGRATION_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  const dbName = `mg_migration_${process.pid}`;
  let dataSource;
  if (type === 'sqlite') {
    dataSource = createDataSource({ type, file: path.join(tmp, 'gen.sqlite') });
  } else {
    const admin = createDataSource({ type, url: `${base}/mysql` });
    await admin.initialize();
    await admin.query(
      `CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.destroy();
    dataSource = createDataSource({ type, url: `${base}/${dbName}` });
  }
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      process.stdout.write(`${type}: entities and migrations agree; nothing to generate\n`);
      return;
    }
    const file = path.join(
      sourceDir,
      type === 'sqlite' ? 'sqlite' : 'mysql',
      `${timestamp}-${name}.ts`,
    );
    writeFileSync(file, render(`${name}${timestamp}`, up, down));
    process.stdout.write(`${type}: wrote ${file}\n`);
  } finally {
    if (type === 'mariadb') await dataSource.query(`DROP DATABASE \`${dbName}\``);
    await dataSource.destroy();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await generate('sqlite');
await generate('mariadb');
