import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import {
  CheckoutOptionsDocument,
  LastShippingAddressDocument,
  type AddressFieldsFragment,
  type CheckoutOptionsQuery,
} from '../generated/graphql.js';
import type { LoadState } from './load-state.js';

export type CheckoutCart = NonNullable<CheckoutOptionsQuery['cart']>;
export type CheckoutGroup = CheckoutCart['groups'][number];
export type CashOnDeliveryTerms = CheckoutOptionsQuery['cashOnDeliveryTerms'];

const provinceCheckDelayMs = 300;

/**
 * The signed-in viewer's cart for checkout, with whether each seller's order can be paid cash
 * on delivery in `province` (checked again once the typing in the province field pauses), and
 * the platform's cash-on-delivery terms.
 */
export function useCheckoutOptions(province: MaybeRefOrGetter<string>) {
  const settled = ref(toValue(province).trim());
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => toValue(province).trim(),
    (value) => {
      clearTimeout(timer);
      timer = setTimeout(() => (settled.value = value), provinceCheckDelayMs);
    },
  );
  onScopeDispose(() => clearTimeout(timer));

  const query = useQuery({
    query: CheckoutOptionsDocument,
    variables: computed(() => ({ province: settled.value || null })),
    requestPolicy: 'cache-and-network',
  });

  const cart = computed<CheckoutCart | null>(() => query.data.value?.cart ?? null);
  const terms = computed<CashOnDeliveryTerms | undefined>(
    () => query.data.value?.cashOnDeliveryTerms,
  );
  /** The province the cash-on-delivery answers are for (what was typed, once settled). */
  const checkedProvince = computed(() =>
    query.data.value ? (query.operation.value?.variables.province ?? '') : '',
  );

  const state = computed<LoadState>(() => {
    if (query.error.value && !query.fetching.value) return 'error';
    if (!query.data.value) return 'loading';
    return cart.value && cart.value.groups.length > 0 ? 'ready' : 'empty';
  });

  function refresh(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  return { cart, terms, checkedProvince, state, fetching: query.fetching, refresh };
}

/**
 * The address the signed-in viewer's latest order was shipped to: null when there is no order
 * yet (or the question failed, which the checkout can live without), undefined until known.
 */
export function useLastShippingAddress() {
  const query = useQuery({ query: LastShippingAddressDocument, requestPolicy: 'network-only' });
  return computed<AddressFieldsFragment | null | undefined>(() => {
    if (query.error.value) return null;
    if (!query.data.value) return undefined;
    return query.data.value.myOrders.edges[0]?.node.shippingAddress ?? null;
  });
}
