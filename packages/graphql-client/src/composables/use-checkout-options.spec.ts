import { install } from '@urql/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope, ref } from 'vue';
import { createMarketgateClient } from '../client.js';
import type { CheckoutOptionsQuery } from '../generated/graphql.js';
import { createFakeGateway } from '../testing.js';
import { useCheckoutOptions, useLastShippingAddress } from './use-checkout-options.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

const cny = (amount: number) => ({ amount, currency: 'CNY' });

function answer(province: string | null, groups: number): CheckoutOptionsQuery {
  return {
    cart: {
      id: 'c',
      token: null,
      itemCount: groups,
      subtotal: groups > 0 ? cny(1000) : null,
      groups: Array.from({ length: groups }, (_, index) => ({
        seller: { id: `s${index}`, name: `Seller ${index}` },
        lines: [],
        itemsTotal: cny(1000),
        codFee: cny(500),
        total: cny(1500),
        cashOnDelivery:
          province === 'Tibet'
            ? { available: false, reason: 'REGION_NOT_SERVED' }
            : { available: true, reason: null },
      })),
    },
    cashOnDeliveryTerms: { maxOrderAmount: cny(500000), regions: [], defaultFee: cny(500) },
  };
}

/** Runs a composable in an app with a signed-in client on `handlers`. */
function inApp<T>(handlers: Parameters<typeof createFakeGateway>[0], composable: () => T) {
  const gateway = createFakeGateway(handlers);
  vi.stubGlobal('fetch', gateway.fetch);
  const app = createApp({});
  install(app, createMarketgateClient({ token: 't' }));
  return { api: app.runWithContext(() => effectScope().run(composable))!, gateway };
}

function setup(groups = 2) {
  const province = ref('');
  const { api, gateway } = inApp(
    { CheckoutOptions: (variables) => answer(variables.province as string | null, groups) },
    () => useCheckoutOptions(province),
  );
  return { api, province, requests: gateway.requests };
}

describe('useCheckoutOptions', () => {
  it('checks cash on delivery again once the province typing pauses', async () => {
    const { api, province, requests } = setup();
    await vi.waitFor(() => expect(api.state.value).toBe('ready'));
    expect(requests[0]?.variables).toEqual({ province: null });
    expect(api.terms.value?.defaultFee).toEqual(cny(500));

    province.value = 'Tib';
    province.value = 'Tibet ';
    await vi.waitFor(() => expect(api.checkedProvince.value).toBe('Tibet'));
    expect(requests.map((r) => r.variables.province)).toEqual([null, 'Tibet']);
    expect(api.cart.value?.groups.map((g) => g.cashOnDelivery.available)).toEqual([false, false]);
  });

  it('is empty without anything in the cart', async () => {
    const { api } = setup(0);
    await vi.waitFor(() => expect(api.state.value).toBe('empty'));
  });
});

describe('useLastShippingAddress', () => {
  const address = {
    name: 'Li Lei',
    phone: '13800138000',
    province: 'Zhejiang',
    city: 'Hangzhou',
    district: 'Xihu',
    line1: '1 Wensan Road',
    postalCode: '310000',
  };

  const lastAddress = (handler: () => unknown) =>
    inApp({ LastShippingAddress: handler }, useLastShippingAddress).api;

  it('is the address of the latest order', async () => {
    const last = lastAddress(() => ({
      myOrders: { edges: [{ node: { id: 'o1', shippingAddress: address } }] },
    }));
    expect(last.value).toBeUndefined();
    await vi.waitFor(() => expect(last.value).toEqual(address));
  });

  it('is null without an order, and when the question fails', async () => {
    const none = lastAddress(() => ({ myOrders: { edges: [] } }));
    await vi.waitFor(() => expect(none.value).toBeNull());
    const failed = lastAddress(() => {
      throw new Error('down');
    });
    await vi.waitFor(() => expect(failed.value).toBeNull());
  });
});
