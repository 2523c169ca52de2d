import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { getVariableValues } from 'graphql/execution/values.js';
import {
  isInterfaceType,
  isUnionType,
  printSchema,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { Context } from './context.js';
import { logger } from './logger.js';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/** Compiled operations kept per process; a miss only costs one compilation. */
const CACHE_SIZE = 1000;

/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct operation is
 * compiled once into plain JavaScript, which resolves a product page of a thousand fields at
 * a fraction of graphql-js's cost. Apollo Server takes a custom executor only through its
 * gateway interface, so this is a gateway that serves our own schema. Parsing, validation
 * (depth limit), plugins (cost limit) and error formatting stay Apollo's.
 */
export function jitExecutor(schema: GraphQLSchema): Gateway {
  guardTypeResolvers(schema);
  const compiled = new LRUCache<string, CompiledQuery>({ max: CACHE_SIZE });
  return {
    async load() {
      return {
        schema,
        executor: async (request) => {
          const key = `${request.queryHash}:${request.operationName ?? ''}`;
          let query = compiled.get(key);
          if (!query) {
            const result = compileQuery(
              schema,
              request.document,
              request.operationName ?? undefined,
            );
            if (!isCompiledQuery(result)) return result;
            query = result;
            compiled.set(key, query);
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
