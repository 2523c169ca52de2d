import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMarketgateClient } from './client.js';
import { CategoriesDocument } from './generated/graphql.js';
import { createFakeGateway } from './testing.js';

function stubGateway() {
  const gateway = createFakeGateway({ Categories: () => ({ categories: [] }) });
  const fetch = vi.fn(gateway.fetch);
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests: gateway.requests };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createMarketgateClient', () => {
  it('posts to the relative /graphql endpoint without credentials when anonymous', async () => {
    const { fetch, requests } = stubGateway();
    const result = await createMarketgateClient().query(CategoriesDocument, {}).toPromise();

    expect(result.data).toEqual({ categories: [] });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(requests[0]?.headers.has('authorization')).toBe(false);
  });

  it('sends the bearer token when one is set', async () => {
    const { requests } = stubGateway();
    await createMarketgateClient({ token: 'tok-123' }).query(CategoriesDocument, {}).toPromise();

    expect(requests[0]?.headers.get('authorization')).toBe('Bearer tok-123');
  });
});
