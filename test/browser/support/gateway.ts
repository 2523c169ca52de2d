import { inject } from 'vitest';

/** One GraphQL request to the gateway as `token`'s user (anonymous without one), over HTTP. */
export async function gateway<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(`${inject('gatewayUrl')}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`gateway: ${JSON.stringify(body)}`);
  return body.data;
}
