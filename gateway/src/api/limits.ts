import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
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

/** Costs kept per document: a few variable sets each (products pages, slugs...). */
const COSTS_PER_DOCUMENT = 1000;

/**
 * Refuses queries whose estimated cost passes `max`: each field costs 1, and list fields
 * declare their own cost (`products` multiplies its children by `first`). The cost depends only
 * on the parsed document (Apollo hands the same object for the same text) and its variables, so
 * it is computed once per pair.
 */
export function complexityPlugin(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const key = `${request.operationName ?? ''} ${JSON.stringify(request.variables ?? {})}`;
          let known = costs.get(document);
          if (!known) costs.set(document, (known = new Map()));
          let complexity = known.get(key);
          if (complexity === undefined) {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators,
            });
            if (known.size >= COSTS_PER_DOCUMENT) known.clear();
            known.set(key, complexity);
          }
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
