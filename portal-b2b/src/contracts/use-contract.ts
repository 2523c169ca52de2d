import {
  ContractsAuditTrailDocument,
  ContractsDetailDocument,
  ContractsQuoteDocument,
  type ContractsAuditEntryFragment,
  type ContractsDetailFragment,
  type ContractsQuoteQuery,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session';

export type ContractState = 'loading' | 'error' | 'not-found' | 'ready';

/** The audit trail as far as the viewer may see it: null for members who are not shown it. */
export type AuditTrailState =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'hidden' }
  | { kind: 'ready'; entries: ContractsAuditEntryFragment[] };

export type ContractQuote = NonNullable<ContractsQuoteQuery['quoteRequest']>;

/**
 * One contract as the gateway shows it to the viewer, with the quote it came from (its number
 * and delivery address) and its audit trail. `reload` after every step: states, amounts and the
 * allowed actions all come from the gateway.
 */
export function useContract(id: MaybeRefOrGetter<string>) {
  const session = useSessionStore();
  const contract = shallowRef<ContractsDetailFragment | null | undefined>(undefined);
  const nearingEnd = ref(false);
  const quote = shallowRef<ContractQuote | null>(null);
  const auditTrail = shallowRef<AuditTrailState>({ kind: 'loading' });
  const failed = ref(false);
  const fetching = ref(false);
  let latest = 0;

  async function loadAuditTrail(request: number): Promise<void> {
    const { data, error } = await session.client
      .query(ContractsAuditTrailDocument, { id: toValue(id) }, { requestPolicy: 'network-only' })
      .toPromise();
    if (request !== latest) return;
    if (error || !data) auditTrail.value = { kind: 'error' };
    else if (data.auditTrail === null) auditTrail.value = { kind: 'hidden' };
    else auditTrail.value = { kind: 'ready', entries: data.auditTrail };
  }

  async function loadQuote(request: number, quoteId: string): Promise<void> {
    if (quote.value?.id === quoteId) return;
    const { data } = await session.client
      .query(ContractsQuoteDocument, { id: quoteId }, { requestPolicy: 'network-only' })
      .toPromise();
    if (request === latest) quote.value = data?.quoteRequest ?? null;
  }

  async function load(): Promise<void> {
    const request = ++latest;
    fetching.value = true;
    const trail = loadAuditTrail(request);
    const { data, error } = await session.client
      .query(ContractsDetailDocument, { id: toValue(id) }, { requestPolicy: 'network-only' })
      .toPromise();
    if (request !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) {
      contract.value = data.contract;
      nearingEnd.value = data.contractsNearingEnd.some((c) => c.id === data.contract?.id);
      if (data.contract) await loadQuote(request, data.contract.quoteId);
    }
    await trail;
  }

  watch(
    () => toValue(id),
    () => {
      contract.value = undefined;
      quote.value = null;
      auditTrail.value = { kind: 'loading' };
      void load();
    },
    { immediate: true },
  );

  const state = computed<ContractState>(() => {
    if (failed.value && !fetching.value && contract.value === undefined) return 'error';
    if (contract.value === undefined) return 'loading';
    return contract.value === null ? 'not-found' : 'ready';
  });

  return { contract, nearingEnd, quote, auditTrail, state, reload: load };
}
