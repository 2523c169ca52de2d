import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryCost } from '../dist/api/limits.js';
import { createSchema } from '../dist/api/schema.js';
import { loadConfig } from '../dist/config/config.js';

const documents = new URL('../../packages/graphql-client/src/documents/', import.meta.url);

/** The largest value a variable of this type can take for the cost: pages of 100, every list. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  if (isScalarType(type)) {
    const values: Record<string, unknown> = {
      Int: 100,
      Float: 1,
      Boolean: true,
      DateTimeISO: '2026-01-01T00:00:00.000Z',
    };
    return values[type.name] ?? '1';
  }
  throw new Error(`no sample for ${String(type)}`);
}

function operations(schema: GraphQLSchema) {
  return readdirSync(documents)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((file) => {
      const document = parse(readFileSync(new URL(file, documents), 'utf8'));
      return document.definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION && d.name
          ? [
              {
                name: d.name.value,
                document,
                variables: Object.fromEntries(
                  (d.variableDefinitions ?? []).map((v) => [
                    v.variable.name.value,
                    sample(typeFromAST(schema, v.type as never) as GraphQLInputType),
                  ]),
                ),
              },
            ]
          : [],
      );
    });
}

describe('query cost', () => {
  it('multiplies what each item of any paged field asks for by its page size', async () => {
    const schema = await createSchema();
    const cost = (query: string) => queryCost(schema, parse(query), null, {});
    // 1 (the field) + first x (edges + node + id)
    expect(cost('{ allCompanies(first: 50) { edges { node { id } } } }')).toBe(1 + 50 * 3);
    expect(cost('{ products(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * 3);
    // the default page size counts when none is given
    expect(cost('{ allSellers { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });

  it('lets every operation of the frontends through at the largest page sizes', async () => {
    const schema = await createSchema();
    const max = loadConfig({ NODE_ENV: 'test' }).maxQueryComplexity;
    const found = operations(schema);
    expect(found.length).toBeGreaterThan(50);
    const over = found
      .map((o) => ({ name: o.name, cost: queryCost(schema, o.document, o.name, o.variables) }))
      .filter((o) => o.cost > max);
    expect(over).toEqual([]);
  });
});
