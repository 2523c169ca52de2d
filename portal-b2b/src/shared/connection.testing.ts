/** What the gateway answers for a connection holding just these nodes, as one page. */
export function onePage<T>(nodes: readonly T[]) {
  return {
    totalCount: nodes.length,
    edges: nodes.map((node, index) => ({ cursor: `c${index + 1}`, node })),
    pageInfo: { hasNextPage: false, endCursor: nodes.length ? `c${nodes.length}` : null },
  };
}
