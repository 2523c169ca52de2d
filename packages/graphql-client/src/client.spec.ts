import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMarketgateClient } from './client.js';
import { CategoriesDocument } from './generated/graphql.js';

function stubFetch() {
  const fetch = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(JSON.stringify({ data: { categories: [] } }), {
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function headersOf(init: RequestInit | undefined): Headers {
  return new Headers(init?.headers);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createMarketgateClient', () => {
  it('posts to the relative /graphql endpoint without credentials when anonymous', async () => {
    const fetch = stubFetch();
    const result = await createMarketgateClient().query(CategoriesDocument, {}).toPromise();

    expect(result.data).toEqual({ categories: [] });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(headersOf(init).has('authorization')).toBe(false);
  });

  it('sends the bearer token when one is set', async () => {
    const fetch = stubFetch();
    await createMarketgateClient({ token: 'tok-123' }).query(CategoriesDocument, {}).toPromise();

    const [, init] = fetch.mock.calls[0] ?? [];
    expect(headersOf(init).get('authorization')).toBe('Bearer tok-123');
  });
});
