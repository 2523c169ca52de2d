import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './harness.js';

const ORIGIN = 'https://shop.example';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ SEED_DEMO: 'false', CORS_ORIGINS: ORIGIN });
});
afterAll(() => gw?.stop());

describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  it('passes every MUST audit', async () => {
    const audits = serverAudits({ url: () => gw.url, fetchFn: fetch });
    const failures: string[] = [];
    for (const audit of audits.filter((a) => a.name.startsWith('MUST'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('the HTTP front', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers a body that is not JSON with a GraphQL error, never a stack', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('answers /health and 404 elsewhere', async () => {
    const health = await fetch(new URL('/health', gw.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const missing = await fetch(new URL('/nothing-here', gw.url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toMatch(/at \w+ \(/);
    // The IDE is served in development only.
    expect((await fetch(new URL('/ide/', gw.url))).status).toBe(404);
  });

  it('allows the configured browser origins only', async () => {
    const preflight = await fetch(gw.url, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const allowed = await post('{"query":"{ __typename }"}', { origin: ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await allowed.json()).toMatchObject({ data: { __typename: 'Query' } });

    const other = await post('{"query":"{ __typename }"}', { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
