import { createFakeGateway } from '@marketgate/graphql-client/testing';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AddressForm } from './address';
import { newIdempotencyKey, usePlaceOrder } from './use-place-order';

const address: AddressForm = {
  name: 'Alice',
  phone: '13812345678',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  line1: '1 Road',
  postalCode: '310000',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

function keysSent(requests: { variables: Record<string, unknown> }[]): string[] {
  return requests.map((r) => (r.variables.input as { idempotencyKey: string }).idempotencyKey);
}

describe('newIdempotencyKey', () => {
  it('fits the gateway rule for keys', () => {
    expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });
});

describe('usePlaceOrder', () => {
  it('retries a lost answer with the same key, and starts a new attempt after a refusal', async () => {
    const answers: (() => unknown)[] = [
      () => {
        throw new Error('connection reset');
      },
      () => ({
        checkout: { __typename: 'EmptyCartError', errorCode: 'EMPTY_CART', message: 'Empty' },
      }),
      () => ({
        checkout: {
          __typename: 'CheckoutSuccess',
          replayed: false,
          orders: [
            { id: 'o1', number: 'MG1' },
            { id: 'o2', number: 'MG2' },
          ],
        },
      }),
    ];
    const gateway = createFakeGateway({ Checkout: () => answers.shift()?.() });
    vi.stubGlobal('fetch', gateway.fetch);
    setActivePinia(createPinia());
    const { place, problem } = usePlaceOrder();

    expect(await place(address)).toBeNull();
    expect(problem.value).toEqual({ __typename: 'NetworkFailure' });
    expect(await place(address)).toBeNull();
    expect(problem.value?.__typename).toBe('EmptyCartError');
    expect((await place(address))?.map((o) => o.number)).toEqual(['MG1', 'MG2']);

    const [lost, retried, fresh] = keysSent(gateway.requests);
    expect(retried).toBe(lost);
    expect(fresh).not.toBe(lost);
    expect(gateway.requests[0]?.variables.input).toMatchObject({
      shippingAddress: address,
      paymentMethod: 'CASH_ON_DELIVERY',
    });
  });

  it('sends one request for a double click', async () => {
    const gateway = createFakeGateway({
      Checkout: () => ({
        checkout: { __typename: 'CheckoutSuccess', replayed: false, orders: [] },
      }),
    });
    vi.stubGlobal('fetch', gateway.fetch);
    setActivePinia(createPinia());
    const { place } = usePlaceOrder();
    await Promise.all([place(address), place(address)]);
    expect(gateway.requests).toHaveLength(1);
  });
});
