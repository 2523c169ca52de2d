import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { getVariableValues } from 'graphql/execution/values.js';
import {
  execute,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isUnionType,
  printSchema,
  typeFromAST,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { Context } from './context.js';
import { logger } from './logger.js';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/** Compiled operations kept per process; a miss only costs one compilation. */
const CACHE_SIZE = 1000;
const INTERPRET = 'interpret';

/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct operation is
 * compiled once into plain JavaScript, which resolves a product page of a thousand fields at
 * a fraction of graphql-js's cost. Apollo Server takes a custom executor only through its
 * gateway interface, so this is a gateway that serves our own schema. Parsing, validation
 * (depth limit), plugins (cost limit) and error formatting stay Apollo's.
 */
export function jitExecutor(schema: GraphQLSchema): Gateway {
  guardTypeResolvers(schema);
  /** Per operation: its compiled code, or INTERPRET when it runs on graphql-js. */
  const compiled = new LRUCache<string, CompiledQuery | typeof INTERPRET>({ max: CACHE_SIZE });
  const unbounded = unboundedInputs(schema);
  return {
    async load() {
      return {
        schema,
        executor: async (request) => {
          const key = `${request.queryHash}:${request.operationName ?? ''}`;
          let query = compiled.get(key);
          if (!query) {
            if (takesUnboundedInput(schema, request.operation, unbounded)) {
              query = INTERPRET;
            } else {
              const result = compileQuery(
                schema,
                request.document,
                request.operationName ?? undefined,
              );
              if (!isCompiledQuery(result)) return result;
              query = result;
            }
            compiled.set(key, query);
          }
          if (query === INTERPRET) {
            return execute({
              schema,
              document: request.document,
              operationName: request.operationName,
              contextValue: request.context,
              variableValues: request.request.variables,
            });
          }
          // graphql-js coerces the variables (defaults included, which graphql-jit 0.8 misses
          // for non-null variables), so variable errors read exactly as the spec says.
          const variables = getVariableValues(
            schema,
            request.operation.variableDefinitions ?? [],
            request.request.variables ?? {},
          );
          if (variables.errors) return { errors: variables.errors };
          return query.query(undefined, request.context, variables.coerced);
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit calls a union's or interface's `resolveType` outside any try, so a throw there
 * (type-graphql's, for a resolver that returned a plain object instead of a class instance)
 * would escape as an unhandled rejection and end the process with every request in flight.
 * Guarded, the failure is logged and the field answers graphql-jit's own "not a possible type"
 * error, which clients see as an internal error.
 */
function guardTypeResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isUnionType(type) || isInterfaceType(type)) || !type.resolveType) continue;
    const resolve: GraphQLTypeResolver<unknown, unknown> = type.resolveType;
    const failed = (error: unknown) => {
      logger.error({ err: error, type: type.name }, 'resolveType failed');
      return undefined;
    };
    type.resolveType = (value, context, info, abstractType) => {
      try {
        const resolved = resolve(value, context, info, abstractType);
        return resolved instanceof Promise ? resolved.catch(failed) : resolved;
      } catch (error) {
        return failed(error);
      }
    };
  }
}

/**
 * The input types whose values can nest without bound: those on a cycle of input fields (a
 * segment rule holding rules) and those reaching one. graphql-jit generates the coercion of a
 * variable of such a type inline, field by field, and never stops (graphql-jit issue #81), so
 * operations taking one run on graphql-js instead. They are rare editor operations; the hot
 * paths keep the compiled code.
 */
export function unboundedInputs(schema: GraphQLSchema): Set<string> {
  const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
  const reach = new Map<string, Set<string>>();
  const reachable = (type: GraphQLInputObjectType): Set<string> => {
    const found = new Set<string>();
    const queue = [type];
    for (let next = queue.pop(); next; next = queue.pop()) {
      for (const field of Object.values(next.getFields())) {
        const named = getNamedType(field.type);
        if (isInputObjectType(named) && !found.has(named.name)) {
          found.add(named.name);
          queue.push(named);
        }
      }
    }
    return found;
  };
  for (const type of inputs) reach.set(type.name, reachable(type));
  const cyclic = (name: string) => reach.get(name)?.has(name) ?? false;
  return new Set(
    inputs
      .filter((t) => cyclic(t.name) || [...(reach.get(t.name) ?? [])].some(cyclic))
      .map((t) => t.name),
  );
}

function takesUnboundedInput(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  unbounded: Set<string>,
): boolean {
  if (unbounded.size === 0) return false;
  return (operation.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type as never);
    return type !== undefined && unbounded.has(getNamedType(type).name);
  });
}
