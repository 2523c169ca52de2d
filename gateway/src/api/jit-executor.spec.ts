import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitExecutor } from './jit-executor.js';

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
});
