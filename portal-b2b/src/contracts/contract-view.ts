import type {
  CallOffStatus,
  ContractStatus,
  ContractsMilestoneFragment,
  MilestoneStatus,
} from '@marketgate/graphql-client';
import type { StatusTone } from '../shared/status-tones';

export function contractStatusTone(status: ContractStatus): StatusTone {
  switch (status) {
    case 'ACTIVE':
      return 'active';
    case 'COMPLETED':
      return 'done';
    case 'PENDING_SIGNATURE':
      return 'attention';
    case 'TERMINATED':
      return 'stopped';
  }
}

export function callOffStatusTone(status: CallOffStatus): StatusTone {
  switch (status) {
    case 'DELIVERED':
      return 'done';
    case 'PENDING_APPROVAL':
      return 'attention';
    case 'REJECTED':
      return 'stopped';
    case 'PLACED':
      return 'active';
  }
}

const open: readonly MilestoneStatus[] = ['OVERDUE', 'DUE', 'PARTIALLY_PAID'];

/**
 * The installment to pay next, as the gateway reports them: the open one (overdue, due or part
 * paid) due soonest, else the first one still waiting for its trigger; null when all are paid.
 */
export function nextMilestone(
  milestones: readonly ContractsMilestoneFragment[],
): ContractsMilestoneFragment | null {
  const due = milestones
    .filter((m) => open.includes(m.status) && m.dueAt !== null)
    .sort((a, b) => Date.parse(a.dueAt as string) - Date.parse(b.dueAt as string));
  return due[0] ?? milestones.find((m) => m.status === 'SCHEDULED') ?? null;
}

/**
 * What a milestone is called: an installment by the label of its schedule, a framework's bill
 * by its call-off order, in the reader's language (the gateway's label of a bill is English).
 */
export function milestoneName(
  milestone: Pick<ContractsMilestoneFragment, 'label' | 'callOff'>,
  t: (key: string, values: Record<string, unknown>) => string,
): string {
  return milestone.callOff
    ? t('contracts.timeline.callOffBill', { number: milestone.callOff.number })
    : milestone.label;
}

/** A calendar day (YYYY-MM-DD) as the reader's language writes it, e.g. "1 Dec 2026". */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The share of `part` in `whole` in percent, kept within 0-100 (a bar's length). */
export function sharePercent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}
