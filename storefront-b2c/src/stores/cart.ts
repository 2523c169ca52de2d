import {
  AddToCartDocument,
  CartDocument,
  RemoveCartLineDocument,
  UpdateCartLineDocument,
  type CartFieldsFragment,
  type CartResultFieldsFragment,
} from '@marketgate/graphql-client';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { useSessionStore } from './session';

const guestTokenKey = 'marketgate.storefront.cartToken';

export type CartLine = CartFieldsFragment['groups'][number]['lines'][number];

export type CartOutcome =
  | { kind: 'ok' }
  | { kind: 'insufficient-stock'; available: number }
  | { kind: 'not-found' }
  | { kind: 'failed' };

/**
 * The visitor's cart. A guest's cart lives on the gateway under a token kept in localStorage, so
 * it survives reloads; signing in hands that token to the gateway, which merges the guest cart
 * into the account's, and from then on the account's cart is used.
 */
export const useCartStore = defineStore('cart', () => {
  const session = useSessionStore();
  const guestToken = ref<string | null>(localStorage.getItem(guestTokenKey));
  const cart = ref<CartFieldsFragment | null>(null);
  const state = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  /** Lines whose last change the gateway refused for stock, with what it can still sell. */
  const stockProblems = ref<Record<string, number>>({});
  /** Lines with a change on the way. */
  const busyLines = ref<string[]>([]);

  const itemCount = computed(() => cart.value?.itemCount ?? 0);
  /** The token to send with cart requests: a guest's, or null for a signed-in visitor. */
  const cartToken = () => (session.isSignedIn ? null : guestToken.value);

  watch(guestToken, (value) => {
    if (value) localStorage.setItem(guestTokenKey, value);
    else localStorage.removeItem(guestTokenKey);
  });

  watch(
    () => session.token,
    (token) => {
      if (token) guestToken.value = null;
      stockProblems.value = {};
      void load();
    },
  );

  let latestLoad = 0;

  /** Fetches the cart again; an answer overtaken by a newer request is ignored. */
  async function load(): Promise<void> {
    const request = ++latestLoad;
    if (!session.isSignedIn && !guestToken.value) {
      cart.value = null;
      state.value = 'ready';
      return;
    }
    if (state.value !== 'ready') state.value = 'loading';
    const { data, error } = await session.client
      .query(CartDocument, { cartToken: cartToken() }, { requestPolicy: 'network-only' })
      .toPromise();
    if (request !== latestLoad) return;
    if (error || !data) {
      state.value = 'error';
      return;
    }
    cart.value = data.cart ?? null;
    // A guest token the gateway no longer knows (the cart expired or was merged) is dropped.
    if (!data.cart && !session.isSignedIn) guestToken.value = null;
    state.value = 'ready';
  }

  /** Loads the cart the first time something shows it. */
  function ensureLoaded(): void {
    if (state.value === 'idle') void load();
  }

  function apply(result: CartResultFieldsFragment | undefined, lineId?: string): CartOutcome {
    if (!result) return { kind: 'failed' };
    switch (result.__typename) {
      case 'Cart':
        latestLoad++;
        cart.value = result;
        state.value = 'ready';
        if (!session.isSignedIn && result.token) guestToken.value = result.token;
        if (lineId) delete stockProblems.value[lineId];
        return { kind: 'ok' };
      case 'InsufficientStockError':
        if (lineId) stockProblems.value[lineId] = result.available;
        return { kind: 'insufficient-stock', available: result.available };
      case 'NotFoundError':
        void load();
        return { kind: 'not-found' };
    }
  }

  /**
   * Cart changes go to the gateway one after another: every answer is the whole cart, so the
   * last answer to arrive must be the one for the last change (quick clicks on a stepper).
   */
  let queue: Promise<unknown> = Promise.resolve();

  function enqueue(change: () => Promise<CartOutcome>): Promise<CartOutcome> {
    const result = queue.then(change);
    queue = result.catch(() => undefined);
    return result;
  }

  async function changeLine(lineId: string, change: () => Promise<CartOutcome>) {
    busyLines.value.push(lineId);
    try {
      return await enqueue(change);
    } finally {
      busyLines.value.splice(busyLines.value.indexOf(lineId), 1);
    }
  }

  function add(variantId: string, quantity: number): Promise<CartOutcome> {
    return enqueue(async () => {
      const { data, error } = await session.client
        .mutation(AddToCartDocument, { input: { cartToken: cartToken(), variantId, quantity } })
        .toPromise();
      return error ? { kind: 'failed' } : apply(data?.addToCart);
    });
  }

  function updateLine(lineId: string, quantity: number): Promise<CartOutcome> {
    return changeLine(lineId, async () => {
      const { data, error } = await session.client
        .mutation(UpdateCartLineDocument, { input: { cartToken: cartToken(), lineId, quantity } })
        .toPromise();
      return error ? { kind: 'failed' } : apply(data?.updateCartLine, lineId);
    });
  }

  function removeLine(lineId: string): Promise<CartOutcome> {
    return changeLine(lineId, async () => {
      const { data, error } = await session.client
        .mutation(RemoveCartLineDocument, { input: { cartToken: cartToken(), lineId } })
        .toPromise();
      return error ? { kind: 'failed' } : apply(data?.removeCartLine, lineId);
    });
  }

  return {
    guestToken,
    cart,
    state,
    itemCount,
    cartToken,
    stockProblems,
    busyLines,
    load,
    ensureLoaded,
    add,
    updateLine,
    removeLine,
  };
});
