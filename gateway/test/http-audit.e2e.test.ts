import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ SEED_DEMO: 'false' });
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
