import { createFakeGateway, type FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authPayload, cartData, type TestLine } from '../test-utils';
import { useCartStore } from './cart';
import { useSessionStore } from './session';

const tea: TestLine = { id: 'l1', name: 'Milk', seller: 'north', quantity: 1, unit: 1200 };
const pens: TestLine = { id: 'l2', name: 'Pens', seller: 'office', quantity: 2, unit: 800 };

/** A fresh app start (new Pinia) against a fake gateway. */
function start(handlers: Record<string, FakeGatewayHandler>) {
  const gateway = createFakeGateway(handlers);
  vi.stubGlobal('fetch', gateway.fetch);
  setActivePinia(createPinia());
  return { cart: useCartStore(), session: useSessionStore(), requests: gateway.requests };
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('cart store', () => {
  it('keeps a guest cart across reloads by its token', async () => {
    const first = start({ AddToCart: () => ({ addToCart: cartData([tea]) }) });
    expect(await first.cart.add('v-l1', 1)).toEqual({ kind: 'ok' });
    expect(first.cart.itemCount).toBe(1);
    expect(localStorage.getItem('marketgate.storefront.cartToken')).toBe('guest-1');
    expect(first.requests[0]?.variables).toEqual({
      input: { cartToken: null, variantId: 'v-l1', quantity: 1 },
    });

    const reloaded = start({ Cart: () => ({ cart: cartData([tea]) }) });
    await reloaded.cart.load();
    expect(reloaded.requests[0]?.variables).toEqual({ cartToken: 'guest-1' });
    expect(reloaded.cart.itemCount).toBe(1);
  });

  it('asks nothing for a new visitor and forgets a token the gateway no longer knows', async () => {
    const visitor = start({});
    await visitor.cart.load();
    expect(visitor.requests).toHaveLength(0);
    expect(visitor.cart.state).toBe('ready');

    localStorage.setItem('marketgate.storefront.cartToken', 'expired');
    const returning = start({ Cart: () => ({ cart: null }) });
    await returning.cart.load();
    expect(returning.cart.cart).toBeNull();
    expect(localStorage.getItem('marketgate.storefront.cartToken')).toBeNull();
  });

  it('merges the guest cart on sign-in, then uses the account cart', async () => {
    localStorage.setItem('marketgate.storefront.cartToken', 'guest-1');
    const { cart, session, requests } = start({
      Login: () => ({ login: authPayload('token-1') }),
      Cart: (_variables, request) => ({
        cart:
          request.headers.get('authorization') === 'Bearer token-1'
            ? cartData([tea, pens], null)
            : cartData([tea]),
      }),
    });
    await cart.load();
    expect(cart.itemCount).toBe(1);

    await session.login({ email: 'a@b.example', password: 'pw', cartToken: cart.guestToken });
    expect(requests.find((r) => r.operationName === 'Login')?.variables).toEqual({
      input: { email: 'a@b.example', password: 'pw', cartToken: 'guest-1' },
    });
    await vi.waitFor(() => expect(cart.itemCount).toBe(3));
    expect(cart.guestToken).toBeNull();
    expect(localStorage.getItem('marketgate.storefront.cartToken')).toBeNull();
    expect(requests.at(-1)?.variables).toEqual({ cartToken: null });
  });

  it('remembers per line what the gateway can still sell', async () => {
    localStorage.setItem('marketgate.storefront.cartToken', 'guest-1');
    const { cart } = start({
      Cart: () => ({ cart: cartData([tea]) }),
      UpdateCartLine: (variables) =>
        (variables.input as { quantity: number }).quantity > 5
          ? {
              updateCartLine: {
                __typename: 'InsufficientStockError',
                errorCode: 'INSUFFICIENT_STOCK',
                message: 'Only 5 available',
                available: 5,
              },
            }
          : { updateCartLine: cartData([{ ...tea, quantity: 5 }]) },
    });
    await cart.load();
    expect(await cart.updateLine('l1', 9)).toEqual({ kind: 'insufficient-stock', available: 5 });
    expect(cart.stockProblems).toEqual({ l1: 5 });
    expect(cart.itemCount).toBe(1);

    expect(await cart.updateLine('l1', 5)).toEqual({ kind: 'ok' });
    expect(cart.stockProblems).toEqual({});
    expect(cart.itemCount).toBe(5);
    expect(cart.busyLines).toEqual([]);
  });

  it('sends quick changes one after another, so the last change wins', async () => {
    localStorage.setItem('marketgate.storefront.cartToken', 'guest-1');
    const releases: (() => void)[] = [];
    const { cart, requests } = start({
      Cart: () => ({ cart: cartData([tea]) }),
      UpdateCartLine: async (variables) => {
        const { quantity } = variables.input as { quantity: number };
        await new Promise<void>((release) => releases.push(release));
        return { updateCartLine: cartData([{ ...tea, quantity }]) };
      },
    });
    await cart.load();
    const first = cart.updateLine('l1', 2);
    const second = cart.updateLine('l1', 3);
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(requests.filter((r) => r.operationName === 'UpdateCartLine')).toHaveLength(1);
    expect(cart.busyLines).toEqual(['l1', 'l1']);
    releases.shift()?.();
    await first;
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    releases.shift()?.();
    await second;
    expect(requests.filter((r) => r.operationName === 'UpdateCartLine')).toHaveLength(2);
    expect(cart.itemCount).toBe(3);
    expect(cart.busyLines).toEqual([]);
  });
});
