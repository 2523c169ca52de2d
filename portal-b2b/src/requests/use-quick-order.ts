import {
  RequestsActiveContractsDocument,
  RequestsPlaceCallOffDocument,
  RequestsQuickOrderDocument,
  type RequestsCallOffResultFragment,
  type RequestsContractFragment,
  type RequestsQuickOrderLineFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef } from 'vue';
import { inputErrorsByPath } from '../shared/input-errors';
import { useSessionStore } from '../stores/session';
import { parseQuickOrder, type UnreadableLine } from './quick-order-parse';

/** A random key for one call-off order (crypto.randomUUID needs a secure context; this does not). */
function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type QuickOrderState = 'idle' | 'checking' | 'error' | 'ready';

/** A line the gateway resolved, with the line of the buyer's text it came from. */
export interface ResolvedLine {
  line: number;
  resolved: RequestsQuickOrderLineFragment;
}

/** A line that cannot be ordered: unreadable here, or refused by the gateway with its reason. */
export type InvalidLine =
  | {
      kind: 'unreadable';
      line: number;
      sku: string;
      quantity: number | null;
      unreadable: UnreadableLine;
    }
  | {
      kind: 'refused';
      line: number;
      sku: string;
      quantity: number | null;
      resolved: RequestsQuickOrderLineFragment;
    };

/** Lines no framework agreement covers, to one seller: one request for quotation. */
export interface QuoteGroup {
  seller: { id: string; name: string };
  lines: ResolvedLine[];
}

/** Lines a framework agreement covers: one call-off order under it. */
export interface CallOffGroup {
  contractId: string;
  contract: RequestsContractFragment | null;
  lines: ResolvedLine[];
  /** Sent with every attempt at this order, so a retry after a lost answer places it once. */
  idempotencyKey: string;
}

export type CallOffOutcome =
  | { kind: 'placed'; callOff: Extract<RequestsCallOffResultFragment, { __typename: 'CallOff' }> }
  | { kind: 'rejected'; error: Exclude<RequestsCallOffResultFragment, { __typename: 'CallOff' }> }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/**
 * Quick order: the buyer's SKU and quantity lines, read here and resolved by the gateway, which
 * says for each the variant, the price the company would pay and why, the framework agreement
 * covering it, or why it cannot be ordered. The lines are then sorted the way the gateway said:
 * refused ones to fix, covered ones to call off under their agreement, the rest to ask a quote
 * for, one request per seller.
 */
export function useQuickOrder() {
  const session = useSessionStore();
  const state = ref<QuickOrderState>('idle');
  const unreadable = shallowRef<UnreadableLine[]>([]);
  const resolved = shallowRef<ResolvedLine[]>([]);
  const contracts = shallowRef<RequestsContractFragment[]>([]);
  const keys = new Map<string, string>();
  let latest = 0;

  async function check(text: string): Promise<void> {
    const request = ++latest;
    const parsed = parseQuickOrder(text);
    unreadable.value = parsed.unreadable;
    resolved.value = [];
    keys.clear();
    if (parsed.entries.length === 0) {
      state.value = 'ready';
      return;
    }
    state.value = 'checking';
    const lines = parsed.entries.map(({ sku, quantity }) => ({ sku, quantity }));
    const [answer, inForce] = await Promise.all([
      session.client
        .query(RequestsQuickOrderDocument, { lines }, { requestPolicy: 'network-only' })
        .toPromise(),
      session.client
        .query(RequestsActiveContractsDocument, {}, { requestPolicy: 'network-only' })
        .toPromise(),
    ]);
    if (request !== latest) return;
    if (!answer.data) {
      state.value = 'error';
      return;
    }
    contracts.value = inForce.data?.contracts.edges.map((edge) => edge.node) ?? [];
    resolved.value = answer.data.quickOrder.map((line) => ({
      line: parsed.entries[line.row - 1]?.line ?? line.row,
      resolved: line,
    }));
    for (const { contractId } of answer.data.quickOrder) {
      if (contractId && !keys.has(contractId)) keys.set(contractId, idempotencyKey());
    }
    state.value = 'ready';
  }

  function reset(): void {
    latest++;
    state.value = 'idle';
    unreadable.value = [];
    resolved.value = [];
  }

  const invalid = computed<InvalidLine[]>(() =>
    [
      ...unreadable.value.map((u): InvalidLine => ({
        kind: 'unreadable',
        line: u.line,
        sku: u.sku,
        quantity: null,
        unreadable: u,
      })),
      ...resolved.value
        .filter((r) => r.resolved.problem !== null || !r.resolved.variant)
        .map((r): InvalidLine => ({
          kind: 'refused',
          line: r.line,
          sku: r.resolved.sku,
          quantity: r.resolved.quantity,
          resolved: r.resolved,
        })),
    ].sort((a, b) => a.line - b.line),
  );

  const orderable = computed(() =>
    resolved.value.filter((r) => r.resolved.problem === null && r.resolved.variant),
  );

  const quoteGroups = computed<QuoteGroup[]>(() => {
    const groups = new Map<string, QuoteGroup>();
    for (const line of orderable.value) {
      const seller = line.resolved.variant?.product.seller;
      if (!seller || line.resolved.contractId) continue;
      const group = groups.get(seller.id) ?? { seller, lines: [] };
      group.lines.push(line);
      groups.set(seller.id, group);
    }
    return [...groups.values()];
  });

  const callOffGroups = computed<CallOffGroup[]>(() => {
    const groups = new Map<string, CallOffGroup>();
    for (const line of orderable.value) {
      const contractId = line.resolved.contractId;
      if (!contractId) continue;
      const group = groups.get(contractId) ?? {
        contractId,
        contract: contracts.value.find((c) => c.id === contractId) ?? null,
        lines: [],
        idempotencyKey: keys.get(contractId) as string,
      };
      group.lines.push(line);
      groups.set(contractId, group);
    }
    return [...groups.values()];
  });

  /** Places one call-off order for a group's lines, at the agreement's prices. */
  async function placeCallOff(group: CallOffGroup): Promise<CallOffOutcome> {
    const input = {
      contractId: group.contractId,
      idempotencyKey: group.idempotencyKey,
      lines: group.lines.map((l) => ({
        contractLineId: l.resolved.contractLineId as string,
        quantity: l.resolved.quantity,
      })),
    };
    const { data, error } = await session.client
      .mutation(RequestsPlaceCallOffDocument, { input })
      .toPromise();
    const result = data?.placeCallOff;
    if (!result) {
      const fields = inputErrorsByPath(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    return result.__typename === 'CallOff'
      ? { kind: 'placed', callOff: result }
      : { kind: 'rejected', error: result };
  }

  return {
    state,
    check,
    reset,
    contracts,
    invalid,
    quoteGroups,
    callOffGroups,
    placeCallOff,
  };
}
