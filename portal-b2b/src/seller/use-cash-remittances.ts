import {
  SellerCashRemittancesDocument,
  SellerReconcileCashRemittanceDocument,
  SellerResolveCashRemittanceDocument,
  type LoadState,
  type ReconcileCashRemittanceInput,
  type ResolveCashRemittanceInput,
  type SellerCashRemittanceFragment,
  type SellerReconcileCashRemittanceMutation,
  type SellerResolveCashRemittanceMutation,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef } from 'vue';
import { fieldErrorsOf } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';

export type RemittanceOutcome =
  | SellerReconcileCashRemittanceMutation['reconcileCashRemittance']
  /** The gateway refused the input; messages by field name (`amount`, `reference`, `note`). */
  | { __typename: 'Invalid'; fields: Record<string, string> }
  | { __typename: 'Failed' };

export type ResolutionOutcome =
  | SellerResolveCashRemittanceMutation['resolveCashRemittance']
  /** The gateway refused the input; messages by field name (`note`). */
  | { __typename: 'Invalid'; fields: Record<string, string> }
  | { __typename: 'Failed' };

/** The shop's latest cash remittances, recording a new one and closing a disputed one. */
export function useCashRemittances() {
  const session = useSessionStore();
  const remittances = shallowRef<SellerCashRemittanceFragment[] | undefined>(undefined);
  const failed = ref(false);
  const fetching = ref(false);

  async function load(): Promise<void> {
    fetching.value = true;
    const { data, error } = await session.client
      .query(SellerCashRemittancesDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) remittances.value = data.cashRemittances;
  }
  void load();

  const state = computed<LoadState>(() => {
    if (failed.value && !fetching.value && !remittances.value) return 'error';
    if (!remittances.value) return 'loading';
    return remittances.value.length === 0 ? 'empty' : 'ready';
  });

  /** Records a remittance; the gateway compares it with the cash collected and flags any gap. */
  async function record(input: ReconcileCashRemittanceInput): Promise<RemittanceOutcome> {
    const { data, error } = await session.client
      .mutation(SellerReconcileCashRemittanceDocument, { input })
      .toPromise();
    const result = data?.reconcileCashRemittance;
    if (!result) {
      const fields = fieldErrorsOf(error);
      return fields ? { __typename: 'Invalid', fields } : { __typename: 'Failed' };
    }
    if (result.__typename === 'CashRemittance') await load();
    return result;
  }

  /**
   * Closes an open dispute. Any answer but an input error reloads the list: on success it shows
   * the resolution; on `InvalidStateError` someone else resolved it meanwhile (or it was never
   * open), and on `NotFoundError` it is gone, so the list must not keep offering it.
   */
  async function resolve(input: ResolveCashRemittanceInput): Promise<ResolutionOutcome> {
    const { data, error } = await session.client
      .mutation(SellerResolveCashRemittanceDocument, { input })
      .toPromise();
    const result = data?.resolveCashRemittance;
    if (!result) {
      const fields = fieldErrorsOf(error);
      return fields ? { __typename: 'Invalid', fields } : { __typename: 'Failed' };
    }
    await load();
    return result;
  }

  return { remittances, state, reload: load, record, resolve };
}
