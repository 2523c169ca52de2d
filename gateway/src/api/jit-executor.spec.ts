import {
  buildSchema,
  execute,
  parse,
  type ExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { jitExecutor, unboundedInputs } from './jit-executor.js';

describe('jitExecutor', () => {
  it('answers an error, and keeps running, when a union cannot tell its type', async () => {
    const schema = buildSchema('type A { x: Int } union U = A type Query { u: U }');
    schema.getQueryType()!.getFields().u!.resolve = () => ({ x: 1 });
    const union = schema.getType('U') as { resolveType?: () => string };
    union.resolveType = () => {
      throw new Error('cannot resolve U');
    };
    const gateway = jitExecutor(schema)!;
    const { executor } = await gateway.load({ apollo: {} as never });
    const document = parse('{ u { ... on A { x } } }');
    const result = await executor!({
      document,
      operation: document.definitions[0] as OperationDefinitionNode,
      operationName: null,
      queryHash: 'q',
      context: {},
      request: { variables: {} },
    } as never);
    expect(result.data).toEqual({ u: null });
    expect(result.errors?.[0]?.message).toMatch(/not a possible type for "U"/);
  });

  const nesting = `
    input Rule { kind: String! rules: [Rule!] }
    input Segment { name: String! rule: Rule! }
    input Flat { name: String! }
    type Query { count(segment: Segment!): Int flat(flat: Flat!): Int }`;

  it('knows the input types that nest without bound', () => {
    expect([...unboundedInputs(buildSchema(nesting))].sort()).toEqual(['Rule', 'Segment']);
  });

  it('runs an operation taking a recursive input variable (graphql-jit cannot compile it)', async () => {
    const schema = buildSchema(nesting);
    const depth = (rule: { rules?: unknown[] }): number =>
      1 + Math.max(0, ...((rule.rules ?? []) as { rules?: unknown[] }[]).map(depth));
    schema.getQueryType()!.getFields().count!.resolve = (_, args) =>
      depth((args as { segment: { rule: { rules?: unknown[] } } }).segment.rule);
    const gateway = jitExecutor(schema)!;
    const { executor } = await gateway.load({ apollo: {} as never });
    const document = parse('query ($s: Segment!) { count(segment: $s) }');
    const result = await executor!({
      document,
      operation: document.definitions[0] as OperationDefinitionNode,
      operationName: null,
      queryHash: 'r',
      context: {},
      request: {
        variables: { s: { name: 'x', rule: { kind: 'ALL', rules: [{ kind: 'ANY', rules: [] }] } } },
      },
    } as never);
    expect(result).toEqual({ data: { count: 2 } });
  });

  it('answers leaf values, nulls, errors and unserializable values as graphql-js does', async () => {
    // graphql-jit is patched (patches/) to build a leaf's error path only when it fails.
    const schema = buildSchema(`
      type Item { n: Int! s: String d: Boolean }
      type Query { b: Int c: String items: [Item] }`);
    const rootValue = {
      b: 3.5,
      c: 7,
      items: [
        { n: 1, s: null, d: true },
        { n: null, s: 'ok', d: 1 },
        { n: new Error('boom'), s: 5, d: false },
        { n: 2, s: {}, d: 'x' },
      ],
    };
    const document = parse('{ b c items { n s d } }');
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('did not compile');
    const jit = (await compiled.query(rootValue, {}, {})) as ExecutionResult;
    const js = await execute({ schema, document, rootValue });
    expect(jit.data).toEqual(js.data);
    const byPath = (r: ExecutionResult) =>
      (r.errors ?? [])
        .map((e) => ({ path: e.path, message: e.message, locations: e.locations }))
        .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
    expect(byPath(jit)).toEqual(byPath(js));
    expect(byPath(jit)).toHaveLength(5);
  });
});
