import type {
  ApprovalsRequestDetailFragment,
  ApprovalsTaskFragment,
  ApprovalStatus,
} from '@marketgate/graphql-client';
import type { RouteLocationRaw } from 'vue-router';
import type { StatusTone } from '../shared/status-tones';

/** What an approval request asks the company to agree to, and where that document is. */
export type ApprovalSubject =
  | { kind: 'quote'; to: RouteLocationRaw }
  | { kind: 'callOff'; number: string; to: RouteLocationRaw }
  | { kind: 'unknown' };

export function subjectOf(request: ApprovalsTaskFragment): ApprovalSubject {
  if (request.callOff) {
    return {
      kind: 'callOff',
      number: request.callOff.number,
      to: { name: 'contract', params: { id: request.callOff.contractId } },
    };
  }
  if (request.quoteId)
    return { kind: 'quote', to: { name: 'quote', params: { id: request.quoteId } } };
  return { kind: 'unknown' };
}

/** Where one stage of the chain stands, read from the request's status, stage and decisions. */
export type StageState = 'passed' | 'rejected' | 'current' | 'upcoming' | 'skipped';

type Decision = ApprovalsRequestDetailFragment['decisions'][number];

export interface StageView {
  index: number;
  stage: ApprovalsRequestDetailFragment['stages'][number];
  state: StageState;
  decisions: Decision[];
}

function stateOf(
  request: ApprovalsRequestDetailFragment,
  index: number,
  rejectedAt: number | null,
): StageState {
  if (rejectedAt !== null) {
    if (index === rejectedAt) return 'rejected';
    return index < rejectedAt ? 'passed' : 'skipped';
  }
  if (request.status === 'APPROVED') return 'passed';
  if (request.currentStage === index) return 'current';
  return request.currentStage !== null && index < request.currentStage ? 'passed' : 'upcoming';
}

/** The request's stages in order, each with its decisions and where it stands. */
export function stageViews(request: ApprovalsRequestDetailFragment): StageView[] {
  const rejectedAt = request.decisions.find((d) => d.decision === 'REJECT')?.stage ?? null;
  return request.stages.map((stage, index) => {
    const decisions = request.decisions.filter((d) => d.stage === index);
    return { index, stage, state: stateOf(request, index, rejectedAt), decisions };
  });
}

export function approvalStatusTone(status: ApprovalStatus): StatusTone {
  switch (status) {
    case 'APPROVED':
      return 'done';
    case 'REJECTED':
      return 'attention';
    case 'PENDING':
      return 'active';
  }
}
