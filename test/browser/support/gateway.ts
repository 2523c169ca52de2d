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

export type Fields = Record<string, any>;

/** One mutation over the gateway API as `token`'s user; throws unless it answers `expected`. */
export async function mutate(
  token: string,
  name: string,
  inputType: string,
  input: Fields,
  expected: string,
  selection = '',
): Promise<Fields> {
  const data = await gateway<Fields>(
    `mutation ($input: ${inputType}!) {
      ${name}(input: $input) { __typename ... on ErrorResult { errorCode message } ${selection} }
    }`,
    { input },
    token,
  );
  const answer = data[name] as Fields;
  if (answer.__typename !== expected) throw new Error(`${name} answered ${JSON.stringify(answer)}`);
  return answer;
}
