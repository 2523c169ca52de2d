import {
  SellerWorkspaceDocument,
  SetSellerCodFeeDocument,
  type SellerWorkspaceQuery,
  type SetSellerCodFeeMutation,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef } from 'vue';
import { fieldErrorsOf } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';

export type WorkspaceSeller = NonNullable<NonNullable<SellerWorkspaceQuery['me']>['seller']>;
type PlatformCodFee = SellerWorkspaceQuery['cashOnDeliveryTerms']['defaultFee'];
export type CodFeeOutcome =
  | SetSellerCodFeeMutation['setSellerCodFee']
  /** The gateway refused the fee; its message. */
  | { __typename: 'Invalid'; message: string }
  | { __typename: 'Failed' };

/**
 * The viewer's shop with its cash-on-delivery fee (its own, or the platform default it falls back
 * to), and changing that fee.
 */
export function useSellerWorkspace() {
  const session = useSessionStore();
  const seller = shallowRef<WorkspaceSeller | null | undefined>(undefined);
  const platformCodFee = shallowRef<PlatformCodFee | undefined>(undefined);
  const failed = ref(false);
  const fetching = ref(false);

  async function load(): Promise<void> {
    fetching.value = true;
    const { data, error } = await session.client
      .query(SellerWorkspaceDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) {
      seller.value = data.me?.seller ?? null;
      platformCodFee.value = data.cashOnDeliveryTerms.defaultFee;
    }
  }
  void load();

  const state = computed<'loading' | 'error' | 'not-found' | 'ready'>(() => {
    if (failed.value && !fetching.value && seller.value === undefined) return 'error';
    if (seller.value === undefined) return 'loading';
    return seller.value === null ? 'not-found' : 'ready';
  });

  /** Sets the fee in minor units, or `null` to go back to the platform default. */
  async function setCodFee(fee: number | null): Promise<CodFeeOutcome> {
    const current = seller.value;
    if (!current) return { __typename: 'Failed' };
    const { data, error } = await session.client
      .mutation(SetSellerCodFeeDocument, { input: { sellerId: current.id, fee } })
      .toPromise();
    const result = data?.setSellerCodFee;
    if (!result) {
      const message = fieldErrorsOf(error)?.fee;
      return message ? { __typename: 'Invalid', message } : { __typename: 'Failed' };
    }
    if (result.__typename === 'Seller') {
      seller.value = { ...current, codFee: result.codFee, ownCodFee: result.ownCodFee };
    }
    return result;
  }

  return { seller, platformCodFee, state, reload: load, setCodFee };
}
