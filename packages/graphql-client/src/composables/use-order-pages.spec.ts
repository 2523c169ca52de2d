import { install } from '@urql/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope } from 'vue';
import { createMarketgateClient } from '../client.js';
import type { OrderSummaryFragment } from '../generated/graphql.js';
import { createFakeGateway } from '../testing.js';
import { useOrder } from './use-order.js';
import { useOrderPages } from './use-order-pages.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

function summary(id: string): OrderSummaryFragment {
  return {
    id,
    number: `MG-${id}`,
    status: 'PLACED',
    placedAt: '2026-11-28T10:00:00Z',
    seller: { id: 's', name: 'S' },
    total: { amount: 100, currency: 'CNY' },
    lines: [],
  };
}

function inApp<T>(handlers: Parameters<typeof createFakeGateway>[0], use: () => T) {
  const gateway = createFakeGateway(handlers);
  vi.stubGlobal('fetch', gateway.fetch);
  const app = createApp({});
  install(app, createMarketgateClient({ token: 't' }));
  return { api: app.runWithContext(() => effectScope().run(use))!, requests: gateway.requests };
}

describe('useOrderPages', () => {
  it('pages forward with endCursor and back through the kept cursors', async () => {
    const pages: Record<string, { ids: string[]; next: string | null }> = {
      first: { ids: ['o1', 'o2'], next: 'c2' },
      c2: { ids: ['o3'], next: null },
    };
    const { api, requests } = inApp(
      {
        MyOrders: (variables) => {
          const page = pages[(variables.after as string | null) ?? 'first']!;
          return {
            myOrders: {
              edges: page.ids.map((id) => ({ cursor: id, node: summary(id) })),
              pageInfo: { hasNextPage: page.next !== null, endCursor: page.next },
            },
          };
        },
      },
      () => useOrderPages(2),
    );
    const ids = () => api.orders.value.map((o) => o.id);
    await vi.waitFor(() => expect(ids()).toEqual(['o1', 'o2']));
    expect(requests[0]?.variables).toEqual({ first: 2, after: null });

    api.next();
    await vi.waitFor(() => expect(ids()).toEqual(['o3']));
    expect(api.hasNext.value).toBe(false);
    expect(api.pageNumber.value).toBe(2);

    api.previous();
    await vi.waitFor(() => expect(ids()).toEqual(['o1', 'o2']));
    expect(api.hasPrevious.value).toBe(false);
  });

  it('is empty for a consumer without orders', async () => {
    const { api } = inApp(
      {
        MyOrders: () => ({
          myOrders: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
        }),
      },
      () => useOrderPages(),
    );
    await vi.waitFor(() => expect(api.state.value).toBe('empty'));
  });
});

describe('useOrder', () => {
  it('answers not-found for an order the viewer may not see', async () => {
    const { api } = inApp({ Order: () => ({ order: null }) }, () => useOrder('someone-else'));
    await vi.waitFor(() => expect(api.state.value).toBe('not-found'));
  });
});
