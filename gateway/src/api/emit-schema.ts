import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { fileURLToPath } from 'node:url';
import { createSchema } from './schema.js';

/** The committed SDL; a test fails when it differs from what the code emits. */
export const schemaFile = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(schemaFile, await printedSchema());
  process.stdout.write(`wrote ${schemaFile}\n`);
}
