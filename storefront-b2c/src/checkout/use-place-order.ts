import { CheckoutDocument, type CheckoutMutation } from '@marketgate/graphql-client';
import { ref } from 'vue';
import { useSessionStore } from '../stores/session';
import type { AddressForm } from './address';

type CheckoutResult = CheckoutMutation['checkout'];
export type PlacedOrders = Extract<CheckoutResult, { __typename: 'CheckoutSuccess' }>['orders'];
export type CheckoutProblem =
  Exclude<CheckoutResult, { __typename: 'CheckoutSuccess' }> | { __typename: 'NetworkFailure' };

/**
 * A fresh idempotency key (16..64 of [A-Za-z0-9_-]). `crypto.randomUUID` exists only in secure
 * contexts; a phone trying the dev server over the LAN is not one, so fall back to random bytes.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * Places the signed-in consumer's cart as orders. One checkout attempt keeps one idempotency key:
 * a second click, or a retry after the answer was lost on the network, sends the same key, so
 * the gateway answers with the orders it already made instead of ordering twice. Only a typed
 * refusal (nothing was written; the cart or address must change first) starts a new attempt.
 */
export function usePlaceOrder() {
  const session = useSessionStore();
  const placing = ref(false);
  const problem = ref<CheckoutProblem | null>(null);
  let key: string | null = null;

  async function place(address: AddressForm): Promise<PlacedOrders | null> {
    if (placing.value) return null;
    placing.value = true;
    problem.value = null;
    key ??= newIdempotencyKey();
    try {
      const { data, error } = await session.client
        .mutation(CheckoutDocument, {
          input: {
            shippingAddress: address,
            paymentMethod: 'CASH_ON_DELIVERY',
            idempotencyKey: key,
          },
        })
        .toPromise();
      const result = data?.checkout;
      if (error || !result) {
        problem.value = { __typename: 'NetworkFailure' };
        return null;
      }
      if (result.__typename === 'CheckoutSuccess') return result.orders;
      key = null;
      problem.value = result;
      return null;
    } finally {
      placing.value = false;
    }
  }

  return { place, placing, problem };
}
