import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type TypeNode } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import type { ComplexityEstimator } from 'graphql-query-complexity';
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
 * The variables a cost can depend on: page sizes (`Int`, which list fields' costs read) and
 * `@include`/`@skip` conditions (`Boolean`). An input object (a checkout's address, its
 * idempotency key) cannot change the cost, so it does not make a new cache entry.
 */
function costVariables(document: DocumentNode): string[] {
  return document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION
      ? (d.variableDefinitions ?? [])
          .filter((v) => ['Int', 'Boolean'].includes(namedTypeName(v.type)))
          .map((v) => v.variable.name.value)
      : [],
  );
}

function namedTypeName(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeName(type.type);
}

/**
 * A field taking `first` (every connection, and the short lists such as `oftenBoughtWith`)
 * costs 1 plus its page size times what each item asks for. Every `first` in the schema has a
 * default, so the page size is always known.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const first = Number(args.first);
  return 1 + childComplexity * (Number.isSafeInteger(first) && first > 0 ? first : 1);
};

const estimators = [
  fieldExtensionsEstimator(),
  pageEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

/** The estimated cost of an operation with these variables (see `complexityPlugin`). */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators,
  });
}

/**
 * Refuses queries whose estimated cost passes `max`: each field costs 1 plus its children, a
 * field taking `first` multiplies its children by it (`pageEstimator`), and a field may declare
 * its own cost (`complexity` in its decorator). The cost depends only
 * on the parsed document (Apollo hands the same object for the same text) and its Int and Boolean
 * variables, so it is computed once per such set.
 */
export function complexityPlugin(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, { variables: string[]; known: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let entry = costs.get(document);
          if (!entry) {
            entry = { variables: costVariables(document), known: new Map() };
            costs.set(document, entry);
          }
          const { variables, known } = entry;
          // An omitted variable ('-') may have a default that differs from an explicit null.
          const given = request.variables ?? {};
          const key = `${request.operationName ?? ''} ${JSON.stringify(
            variables.map((name) => (name in given ? given[name] : '-')),
          )}`;
          let complexity = known.get(key);
          if (complexity === undefined) {
            complexity = queryCost(schema, document, request.operationName, request.variables);
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
