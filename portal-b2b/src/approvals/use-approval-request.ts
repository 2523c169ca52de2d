import {
  ApprovalsDecideDocument,
  ApprovalsRequestDocument,
  type ApprovalDecisionKind,
  type ApprovalsDecideMutation,
  type ApprovalsRequestDetailFragment,
} from '@marketgate/graphql-client';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { fieldErrorsOf } from '../seller/input-errors';
import { useSessionStore } from '../stores/session';

export type ApprovalRequestState = 'loading' | 'error' | 'not-found' | 'ready';

/** A typed refusal of a decision (someone decided first, not your stage, your own request...). */
export type DecisionError = Exclude<
  ApprovalsDecideMutation['decideApproval'],
  { __typename: 'ApprovalRequest' }
>;

export type DecisionOutcome =
  | { kind: 'done'; decision: ApprovalDecisionKind }
  /** The gateway refused the decision; the request shown has been loaded again. */
  | { kind: 'refused'; error: DecisionError }
  /** The gateway refused the input; messages by field name (`comment`). */
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'failed' };

/**
 * One approval request and the viewer's decision on it. A decision is sent with the version on
 * screen: if another approver decided meanwhile, the gateway refuses it as stale and the request
 * is loaded again, so the approver decides on what it is now, never on what it was.
 */
export function useApprovalRequest(id: MaybeRefOrGetter<string>) {
  const session = useSessionStore();
  const request = shallowRef<ApprovalsRequestDetailFragment | null | undefined>(undefined);
  const failed = ref(false);
  const fetching = ref(false);
  let latest = 0;

  async function load(): Promise<void> {
    const current = ++latest;
    fetching.value = true;
    const { data, error } = await session.client
      .query(ApprovalsRequestDocument, { id: toValue(id) }, { requestPolicy: 'network-only' })
      .toPromise();
    if (current !== latest) return;
    fetching.value = false;
    failed.value = Boolean(error) || !data;
    if (data) request.value = data.approvalRequest;
  }

  watch(
    () => toValue(id),
    () => {
      request.value = undefined;
      void load();
    },
    { immediate: true },
  );

  const state = computed<ApprovalRequestState>(() => {
    if (failed.value && !fetching.value && request.value === undefined) return 'error';
    if (request.value === undefined) return 'loading';
    return request.value === null ? 'not-found' : 'ready';
  });

  async function decide(decision: ApprovalDecisionKind, comment: string): Promise<DecisionOutcome> {
    const shown = request.value;
    if (!shown) return { kind: 'failed' };
    const input = { requestId: shown.id, decision, comment, expectedVersion: shown.version };
    const { data, error } = await session.client
      .mutation(ApprovalsDecideDocument, { input })
      .toPromise();
    const result = data?.decideApproval;
    if (!result) {
      const fields = fieldErrorsOf(error);
      return fields ? { kind: 'invalid', fields } : { kind: 'failed' };
    }
    if (result.__typename === 'ApprovalRequest') {
      latest++;
      fetching.value = false;
      request.value = result;
      return { kind: 'done', decision };
    }
    await load();
    return { kind: 'refused', error: result };
  }

  return { request, state, reload: load, decide };
}
