/** One GraphQL request as the fake gateway received it. */
export interface FakeGatewayRequest {
  operationName: string;
  variables: Record<string, unknown>;
  headers: Headers;
}

/** Answers one operation: returns its `data`, or throws to make the request fail (HTTP 502). */
export type FakeGatewayHandler = (
  variables: Record<string, unknown>,
  request: FakeGatewayRequest,
) => unknown;

/**
 * A `fetch` that answers GraphQL requests by operation name, for unit tests of code that talks
 * to the gateway through the real client: `vi.stubGlobal('fetch', gateway.fetch)`.
 */
export function createFakeGateway(handlers: Record<string, FakeGatewayHandler>) {
  const requests: FakeGatewayRequest[] = [];

  async function fetch(_input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const body = JSON.parse(String(init?.body)) as {
      operationName?: string;
      variables?: Record<string, unknown>;
    };
    const request: FakeGatewayRequest = {
      operationName: body.operationName ?? '',
      variables: body.variables ?? {},
      headers: new Headers(init?.headers),
    };
    requests.push(request);
    const handler = handlers[request.operationName];
    if (!handler) throw new Error(`fake gateway: no handler for ${request.operationName}`);
    try {
      const data = await handler(request.variables, request);
      return new Response(JSON.stringify({ data }), {
        headers: { 'content-type': 'application/json' },
      });
    } catch {
      return new Response('Bad Gateway', { status: 502 });
    }
  }

  return { fetch, requests };
}
