import type {
  ApprovalMode,
  ApprovalStageInput,
  CompanyApprovalStageFragment,
  Department,
} from '@marketgate/graphql-client';
import { parseMoneyInput, toMoneyInput } from '../shared/money-input';

export const departments: readonly Department[] = [
  'SOURCING',
  'FINANCE',
  'LOGISTICS',
  'WAREHOUSE',
  'MANAGEMENT',
];
export const approvalModes: readonly ApprovalMode[] = ['ANY', 'ALL'];

/** A stage as edited: amounts as typed, in major units ('' for "always"). */
export interface StageDraft {
  /** Stable across reordering, for list keys and focus. */
  key: number;
  department: Department;
  mode: ApprovalMode;
  minAmount: string;
}

export interface PolicyDraft {
  stages: StageDraft[];
  /** '' when call-off orders never need approval. */
  callOffThreshold: string;
}

export interface SavedPolicy {
  stages: readonly CompanyApprovalStageFragment[];
  callOffThreshold: number | null;
}

let nextKey = 1;

function amountText(amount: number | null, currency: string): string {
  return amount === null ? '' : toMoneyInput({ amount, currency });
}

export function draftOf(policy: SavedPolicy | null, currency: string): PolicyDraft {
  return {
    stages: (policy?.stages ?? []).map((stage) => ({
      key: nextKey++,
      department: stage.department,
      mode: stage.mode,
      minAmount: amountText(stage.minAmount, currency),
    })),
    callOffThreshold: amountText(policy?.callOffThreshold ?? null, currency),
  };
}

/** A new last stage, for the first department without one (the editor shows duplicates). */
export function newStage(stages: readonly StageDraft[]): StageDraft {
  const used = new Set(stages.map((stage) => stage.department));
  return {
    key: nextKey++,
    department: departments.find((department) => !used.has(department)) ?? 'SOURCING',
    mode: 'ANY',
    minAmount: '',
  };
}

/** The stages with the one at `index` moved `by` places (clamped to the list). */
export function moveStage(stages: readonly StageDraft[], index: number, by: number): StageDraft[] {
  const target = Math.min(Math.max(index + by, 0), stages.length - 1);
  const moved = [...stages];
  const [stage] = moved.splice(index, 1);
  if (stage) moved.splice(target, 0, stage);
  return moved;
}

/** An amount field's value in minor units: null when empty, undefined when not an amount. */
export function amountOf(text: string, currency: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseMoneyInput(text, currency) ?? undefined;
}

/** Departments that have more than one stage. */
export function repeatedDepartments(stages: readonly StageDraft[]): Set<Department> {
  const seen = new Set<Department>();
  const repeated = new Set<Department>();
  for (const stage of stages) {
    if (seen.has(stage.department)) repeated.add(stage.department);
    seen.add(stage.department);
  }
  return repeated;
}

/** What `setApprovalPolicy` takes for the draft, or null while an amount is not readable. */
export function policyInput(
  draft: PolicyDraft,
  currency: string,
): { stages: ApprovalStageInput[]; callOffThreshold: number | null } | null {
  const stages: ApprovalStageInput[] = [];
  for (const stage of draft.stages) {
    const minAmount = amountOf(stage.minAmount, currency);
    if (minAmount === undefined) return null;
    stages.push({ department: stage.department, mode: stage.mode, minAmount });
  }
  const callOffThreshold = amountOf(draft.callOffThreshold, currency);
  return callOffThreshold === undefined ? null : { stages, callOffThreshold };
}

/** Whether the draft says the same as the saved policy. */
export function sameAsSaved(draft: PolicyDraft, saved: SavedPolicy | null, currency: string) {
  const input = policyInput(draft, currency);
  if (!input) return false;
  const before = {
    stages: (saved?.stages ?? []).map(({ department, mode, minAmount }) => ({
      department,
      mode,
      minAmount,
    })),
    callOffThreshold: saved?.callOffThreshold ?? null,
  };
  return JSON.stringify(input) === JSON.stringify(before);
}
