import {
  ApprovalsDecideDocument,
  ApprovalsRequestDocument,
  type ApprovalDecisionKind,
  type ApprovalsDecideMutation,
  type ApprovalsRequestDetailFragment,
} from '@marketgate/graphql-client';
import type { MaybeRefOrGetter } from 'vue';
import { fieldErrorsOf } from '../shared/input-errors';
import { useRecord } from '../shared/use-record';
import { useSessionStore } from '../stores/session';

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
  const {
    record: request,
    state,
    load,
    show,
  } = useRecord<ApprovalsRequestDetailFragment>(id, async (current) => {
    const { data, error } = await session.client
      .query(ApprovalsRequestDocument, { id: current }, { requestPolicy: 'network-only' })
      .toPromise();
    return { record: data?.approvalRequest, failed: Boolean(error) || !data };
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
      show(result);
      return { kind: 'done', decision };
    }
    await load();
    return { kind: 'refused', error: result };
  }

  return { request, state, reload: load, decide };
}
