import {
  SellerCashRemittancesDocument,
  SellerReconcileCashRemittanceDocument,
  type LoadState,
  type ReconcileCashRemittanceInput,
  type SellerCashRemittanceFragment,
  type SellerReconcileCashRemittanceMutation,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef } from 'vue';
import { useSessionStore } from '../stores/session';
import { fieldErrorsOf } from './input-errors';

export type RemittanceOutcome =
  | SellerReconcileCashRemittanceMutation['reconcileCashRemittance']
  /** The gateway refused the input; messages by field name (`amount`, `reference`, `note`). */
  | { __typename: 'Invalid'; fields: Record<string, string> }
  | { __typename: 'Failed' };

/** The shop's latest cash remittances, and recording a new one. */
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

  return { remittances, state, reload: load, record };
}
