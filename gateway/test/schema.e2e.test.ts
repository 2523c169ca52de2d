import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaFile } from '../dist/api/emit-schema.js';
import { createSchema } from '../dist/api/schema.js';
import { createDataSource } from '../dist/db/data-source.js';
import { pendingSchemaChanges } from '../dist/db/schema-diff.js';
import { usesMysql } from './harness.js';

describe('committed artifacts', () => {
  it('schema.graphql is what the code emits (run `pnpm --filter @marketgate/gateway schema:emit`)', async () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(await printedSchema());
  });

  it('every object type reads its plain fields straight from the object, and no plain field asks for roles', async () => {
    // A type without `simpleResolvers` wraps each plain field in a resolver: on a page of 50
    // products with their variants, hundreds of calls that only read a property. A simple field
    // would skip `@Authorized`, so roles belong on field resolvers only.
    await createSchema();
    const storage = getMetadataStorage();
    expect(storage.objectTypes.filter((t) => !t.simpleResolvers).map((t) => t.name)).toEqual([]);
    expect(storage.fields.filter((f) => f.roles).map((f) => f.name)).toEqual([]);
  });

  it('a getter field is read off the object like a plain field, without a resolver call', async () => {
    // type-graphql wraps a getter in a resolver of its own unless the patch in `patches/` sees
    // it; graphql-jit then builds a resolve info per item of a list for nothing.
    const schema = await createSchema();
    const storage = getMetadataStorage();
    const getters = storage.fieldResolvers.filter(
      (r) =>
        r.kind === 'internal' &&
        typeof Object.getOwnPropertyDescriptor(r.target.prototype, r.methodName)?.get ===
          'function',
    );
    expect(getters.map((r) => r.methodName)).toContain('listPrice');
    const resolved = getters.flatMap((r) => {
      const name = storage.objectTypes.find((t) => t.target === r.target)?.name;
      const type = name ? schema.getType(name) : undefined;
      if (!isObjectType(type)) throw new Error(`${r.target.name} is no object type of the schema`);
      return type.getFields()[r.methodName]?.resolve ? [`${name}.${r.methodName}`] : [];
    });
    expect(resolved).toEqual([]);
  });

  it('the migrations build exactly the schema the entities declare', async () => {
    if (usesMysql) {
      const server = process.env.MYSQL_TEST_URL ?? 'mysql://root@127.0.0.1:3306';
      const name = `mg_schema_${process.pid}`;
      const admin = await createConnection(server);
      await admin.query(
        `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
      const ds = createDataSource({ type: 'mariadb', url: `${server}/${name}` });
      try {
        await ds.initialize();
        await ds.runMigrations();
        expect((await pendingSchemaChanges(ds)).up).toEqual([]);
        await ds.undoLastMigration();
      } finally {
        await ds.destroy();
        await admin.query(`DROP DATABASE \`${name}\``);
        await admin.end();
      }
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-schema-'));
    const ds = createDataSource({ type: 'sqlite', file: path.join(dir, 'schema.sqlite') });
    try {
      await ds.initialize();
      await ds.runMigrations();
      expect((await pendingSchemaChanges(ds)).up).toEqual([]);
    } finally {
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
