import type { ApprovalsRequestDetailFragment } from '@marketgate/graphql-client';
import { describe, expect, it } from 'vitest';
import { stageViews, subjectOf } from './approval-view';

const stages: ApprovalsRequestDetailFragment['stages'] = [
  { department: 'SOURCING', mode: 'ANY', minAmount: null },
  { department: 'FINANCE', mode: 'ALL', minAmount: 1_000_000 },
  { department: 'MANAGEMENT', mode: 'ANY', minAmount: 10_000_000 },
];

function request(
  status: ApprovalsRequestDetailFragment['status'],
  currentStage: number | null,
  decisions: [number, 'APPROVE' | 'REJECT'][],
): ApprovalsRequestDetailFragment {
  return {
    id: 'r1',
    version: decisions.length,
    status,
    quoteId: 'q1',
    callOff: null,
    total: { amount: 12_000_000, currency: 'CNY' },
    company: { id: 'c1', name: 'Acme Trading Co.' },
    seller: { id: 's1', name: 'North Dairy' },
    requestedBy: 'Acme Buyer',
    currentStage,
    currentDepartment: currentStage === null ? null : (stages[currentStage]?.department ?? null),
    stages,
    canDecide: false,
    createdAt: '2026-11-28T08:00:00Z',
    updatedAt: '2026-11-28T09:00:00Z',
    decisions: decisions.map(([stage, decision], i) => ({
      id: `d${i}`,
      stage,
      department: stages[stage]?.department ?? 'SOURCING',
      decision,
      approver: `Approver ${i}`,
      comment: '',
      createdAt: '2026-11-28T09:00:00Z',
    })),
  };
}

describe('approval view', () => {
  it('shows stages before the current one as passed and later ones as not yet', () => {
    const views = stageViews(request('PENDING', 1, [[0, 'APPROVE']]));
    expect(views.map((v) => [v.stage.department, v.state, v.decisions.length])).toEqual([
      ['SOURCING', 'passed', 1],
      ['FINANCE', 'current', 0],
      ['MANAGEMENT', 'upcoming', 0],
    ]);
  });

  it('marks the rejecting stage and the ones never reached', () => {
    const views = stageViews(
      request('REJECTED', null, [
        [0, 'APPROVE'],
        [1, 'REJECT'],
      ]),
    );
    expect(views.map((v) => v.state)).toEqual(['passed', 'rejected', 'skipped']);
  });

  it('shows every stage passed once approved', () => {
    const approved = request('APPROVED', null, [
      [0, 'APPROVE'],
      [1, 'APPROVE'],
      [2, 'APPROVE'],
    ]);
    expect(stageViews(approved).map((v) => v.state)).toEqual(['passed', 'passed', 'passed']);
  });

  it('links a quote acceptance to the quote and a call-off to its contract', () => {
    const quote = request('PENDING', 0, []);
    expect(subjectOf(quote)).toEqual({
      kind: 'quote',
      to: { name: 'quote', params: { id: 'q1' } },
    });
    const callOff = {
      ...quote,
      quoteId: null,
      callOff: { id: 'o5', number: 'CO-000005', contractId: 'k2' },
    };
    expect(subjectOf(callOff)).toEqual({
      kind: 'callOff',
      number: 'CO-000005',
      to: { name: 'contract', params: { id: 'k2' } },
    });
  });
});
