import type { MilestoneTrigger, QuotesMilestoneFragment } from '@marketgate/graphql-client';
import { parseMoneyInput, toMoneyInput } from '../shared/money-input';

/** A milestone's share of the deal: a percentage of what is left after fixed amounts, or a fixed sum. */
export type MilestoneShare = 'percent' | 'fixed';

export const milestoneTriggers: readonly MilestoneTrigger[] = [
  'ON_SIGNING',
  'ON_DELIVERY',
  'ON_ACCEPTANCE',
  'ON_DATE',
];

/** A milestone as the schedule builder edits it: every field as typed. */
export interface MilestoneDraft {
  /** Stable identity for the list while rows are added and removed. */
  key: number;
  label: string;
  share: MilestoneShare;
  /** "30" or "12.5" (percent), or an amount in major units ("1,000.00"). */
  value: string;
  trigger: MilestoneTrigger;
  /** YYYY-MM-DD, for ON_DATE. */
  dueDate: string;
  netDays: string;
}

/** What is wrong with one field, as a message key under `quotes.errors` and its values. */
export interface DraftProblem {
  key: string;
  params?: Record<string, string | number>;
}

/** A milestone as the gateway takes it (`MilestoneInput`), every field set. */
export type CheckedMilestone = QuotesMilestoneFragment;

export type MilestoneField = 'label' | 'value' | 'dueDate' | 'netDays';

export interface MilestoneCheck {
  /** The milestone as the gateway takes it; null while a field is invalid. */
  input: CheckedMilestone | null;
  problems: Partial<Record<MilestoneField, DraftProblem>>;
}

export interface ScheduleCheck {
  milestones: MilestoneCheck[];
  /** Every milestone as the gateway takes it, once each one's fields read right; null before. */
  inputs: CheckedMilestone[] | null;
}

const WHOLE_BP = 10_000;
export const MAX_MILESTONES = 12;
const MAX_LABEL = 80;
const MAX_NET_DAYS = 365;

let nextKey = 1;

/** A new row of the builder. */
export function milestoneDraft(fields: Partial<Omit<MilestoneDraft, 'key'>> = {}): MilestoneDraft {
  return {
    key: nextKey++,
    label: '',
    share: 'percent',
    value: '',
    trigger: 'ON_SIGNING',
    dueDate: '',
    netDays: '0',
    ...fields,
  };
}

/** The rows for a schedule the gateway sent (the current version's), to revise or counter. */
export function draftsOf(milestones: readonly QuotesMilestoneFragment[], currency: string) {
  return milestones.map((m) =>
    milestoneDraft({
      label: m.label,
      share: m.amount === null ? 'percent' : 'fixed',
      value:
        m.amount === null
          ? percentText(m.percentBp ?? 0)
          : toMoneyInput({ amount: m.amount, currency }),
      trigger: m.trigger,
      dueDate: m.dueDate ?? '',
      netDays: String(m.netDays),
    }),
  );
}

/** Basis points as a person types a percentage: 3000 → "30", 3333 → "33.33". */
export function percentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** "30", "12.5" or "33.33" as basis points; null unless 0.01 to 100 with at most two decimals. */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= WHOLE_BP ? bp : null;
}

/** A whole number in a range, typed as text; null when it is not one. */
export function parseCount(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function checkMilestone(draft: MilestoneDraft, currency: string): MilestoneCheck {
  const problems: MilestoneCheck['problems'] = {};
  const label = draft.label.trim();
  if (label.length === 0) problems.label = { key: 'required' };
  else if (label.length > MAX_LABEL)
    problems.label = { key: 'tooLong', params: { max: MAX_LABEL } };

  const percentBp = draft.share === 'percent' ? parsePercent(draft.value) : null;
  const amount = draft.share === 'fixed' ? parseMoneyInput(draft.value, currency) : null;
  if (!draft.value.trim()) problems.value = { key: 'required' };
  else if (draft.share === 'percent' && percentBp === null) problems.value = { key: 'percent' };
  else if (draft.share === 'fixed' && (amount === null || amount < 1)) {
    problems.value = { key: 'amount' };
  }

  const onDate = draft.trigger === 'ON_DATE';
  if (onDate && !isCalendarDate(draft.dueDate)) problems.dueDate = { key: 'date' };

  const netDays = parseCount(draft.netDays, 0, MAX_NET_DAYS);
  if (netDays === null) problems.netDays = { key: 'netDays', params: { max: MAX_NET_DAYS } };

  const valid = Object.keys(problems).length === 0;
  return {
    input: valid
      ? {
          label,
          percentBp,
          amount,
          trigger: draft.trigger,
          dueDate: onDate ? draft.dueDate : null,
          netDays: netDays as number,
        }
      : null,
    problems,
  };
}

/**
 * Reads each milestone's fields as they are typed. Whether the schedule adds up, and each
 * milestone's amount, is the gateway's to say (`useInstallmentPreview`), by the rule it applies
 * to the offer.
 */
export function checkMilestones(
  drafts: readonly MilestoneDraft[],
  currency: string,
): ScheduleCheck {
  const milestones = drafts.map((d) => checkMilestone(d, currency));
  const inputs = milestones.map((m) => m.input);
  return {
    milestones,
    inputs: inputs.every((m): m is CheckedMilestone => m !== null) ? inputs : null,
  };
}
