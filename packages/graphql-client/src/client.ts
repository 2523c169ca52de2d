import { Client, cacheExchange, fetchExchange } from '@urql/core';

export interface MarketgateClientOptions {
  /** GraphQL endpoint. Relative by default: the dev server and `vite preview` proxy it. */
  url?: string;
  /** Bearer token of the signed-in user; `null` for an anonymous visitor. */
  token?: string | null;
}

/**
 * Creates a client for one viewer. Prices and private data depend on who asks, so a new
 * session gets a new client (and with it an empty cache) instead of reusing cached results.
 */
export function createMarketgateClient(options: MarketgateClientOptions = {}): Client {
  const { url = '/graphql', token = null } = options;
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // Always POST with a JSON body: the gateway's CSRF prevention rejects simple GET requests.
    preferGetMethod: false,
    fetchOptions: () => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });
}
