import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { createRequire } from 'node:module';

// graphql-query-complexity's ESM build imports graphql's .mjs files, a second copy of graphql
// beside the CommonJS one that Apollo and type-graphql share; its CommonJS build shares theirs.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

/** Refuses queries nested deeper than `maxDepth` (a validation rule, so before any work). */
export function depthRule(maxDepth: number) {
  return depthLimit(maxDepth);
}

/**
 * Refuses queries whose estimated cost passes `max`: each field costs 1, and list fields
 * declare their own cost (`products` multiplies its children by `first`).
 */
export function complexityPlugin(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(`Query is too complex: cost ${complexity}, limit ${max}`, {
              extensions: { code: 'BAD_USER_INPUT', complexity, maxComplexity: max },
            });
          }
        },
      };
    },
  };
}
