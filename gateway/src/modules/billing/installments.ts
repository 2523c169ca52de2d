/**
 * Milestone (installment) schedules for B2B contracts: validation, the exact split of a total
 * into milestone amounts, and when each milestone falls due. Pure functions, no I/O.
 */

export type MilestoneTrigger = 'ON_SIGNING' | 'ON_DELIVERY' | 'ON_ACCEPTANCE' | 'ON_DATE';

export interface MilestoneSpec {
  label: string;
  /** Share of the total in basis points (1 = 0.01%); exactly one of percentBp and amount is set. */
  percentBp: number | null;
  /** Fixed amount in minor units. */
  amount: number | null;
  trigger: MilestoneTrigger;
  /** For ON_DATE: the calendar day (YYYY-MM-DD) the milestone falls due (before net days). */
  dueDate: string | null;
  /** Days after the trigger until payment is due (0-365). */
  netDays: number;
}

/** Which rule a schedule breaks, for clients to explain in their own language. */
export type ScheduleProblemCode =
  | 'INVALID_TOTAL'
  | 'NO_MILESTONES'
  | 'TOO_MANY_MILESTONES'
  | 'LABEL'
  | 'NET_DAYS'
  | 'TRIGGER'
  | 'DUE_DATE'
  | 'DUE_DATE_NOT_ON_DATE'
  | 'ONE_SHARE'
  | 'PERCENT'
  | 'AMOUNT'
  | 'FIXED_OVER_TOTAL'
  | 'PERCENT_SUM'
  | 'FIXED_SUM';

/** A broken rule: of milestone `index`, or of the schedule as a whole (null). */
export type ScheduleProblem = { index: number | null; code: ScheduleProblemCode; message: string };

/** A schedule checked against a total: its problems, or else each milestone's amount. */
export interface ScheduleSplit {
  problems: ScheduleProblem[];
  /** One per milestone, in order; null while there are problems. */
  amounts: number[] | null;
  /** What the valid percentage shares add up to, in basis points. */
  percentBp: number;
}

const MAX_MILESTONES = 12;
const MAX_LABEL_LENGTH = 80;
const MAX_NET_DAYS = 365;
const WHOLE_BP = 10_000;
const DAY_MS = 86_400_000;
const TRIGGERS: readonly MilestoneTrigger[] = [
  'ON_SIGNING',
  'ON_DELIVERY',
  'ON_ACCEPTANCE',
  'ON_DATE',
];

/** A milestone's share once checked; bigint so that sums and products never lose precision. */
type Share = { kind: 'fixed'; amount: bigint } | { kind: 'percent'; bp: bigint };

interface CheckedSchedule {
  problems: ScheduleProblem[];
  /** One per milestone, in order, whenever `problems` is empty. */
  shares: Share[];
}

/** Checks a schedule against a total; [] when valid. */
export function scheduleProblems(total: number, milestones: MilestoneSpec[]): ScheduleProblem[] {
  return checkSchedule(total, milestones).problems;
}

/**
 * The whole answer on a schedule, as a client previewing it needs it: its problems (those
 * scheduleProblems reports), else the amounts splitInstallments gives.
 */
export function scheduleSplit(total: number, milestones: MilestoneSpec[]): ScheduleSplit {
  const { problems, shares } = checkSchedule(total, milestones);
  const percentBp = Number(shares.filter(isPercent).reduce((sum, s) => sum + s.bp, 0n));
  return {
    problems,
    amounts: problems.length === 0 ? split(total, shares) : null,
    percentBp,
  };
}

/**
 * The amount of each milestone, in order; throws if scheduleProblems(...) is not empty.
 *
 * Fixed amounts are taken first; each percentage milestone gets floor(remaining * bp / 10000)
 * of what is left, and the rounding remainder goes to the last percentage milestone, so the
 * amounts always add up to the total exactly. A percentage milestone may come out as 0 when
 * the remaining amount is too small for its share to reach one minor unit: that is accepted
 * rather than rejected, since the schedule is still correct for larger totals.
 */
export function splitInstallments(total: number, milestones: MilestoneSpec[]): number[] {
  const { problems, shares } = checkSchedule(total, milestones);
  if (problems.length > 0) {
    const details = problems
      .map((p) => (p.index === null ? p.message : `milestone ${p.index}: ${p.message}`))
      .join('; ');
    throw new RangeError(`Invalid installment schedule: ${details}`);
  }
  return split(total, shares);
}

/** The split of a total over sound shares that fit it (see splitInstallments). */
function split(total: number, shares: Share[]): number[] {
  const remaining = BigInt(total) - sumFixed(shares);
  const wholeBp = BigInt(WHOLE_BP);
  let leftover = remaining;
  const parts = shares.map((s) => {
    if (s.kind === 'fixed') return s.amount;
    const part = (remaining * s.bp) / wholeBp;
    leftover -= part;
    return part;
  });
  const lastPercent = shares.findLastIndex(isPercent);
  // Every part is at most the total, a safe integer, so the conversion to number is exact.
  return parts.map((part, i) => Number(i === lastPercent ? part + leftover : part));
}

/**
 * When a milestone falls due: the end (23:59:59.999 UTC) of the day netDays after its trigger,
 * or after its dueDate for ON_DATE. "Net 30 from delivery" means payable through that whole
 * day, and a net-0 deposit is due on the day of signing rather than overdue a second later.
 * Returns null while a non-dated milestone has not been triggered. Throws on a milestone whose
 * timing fields are invalid, since no due time can be computed for it.
 */
export function dueAt(milestone: MilestoneSpec, triggeredAt: Date | null): Date | null {
  if (!isValidNetDays(milestone.netDays)) {
    throw new RangeError(`netDays must be an integer from 0 to ${MAX_NET_DAYS}`);
  }
  let start: Date | null;
  if (milestone.trigger === 'ON_DATE') {
    start = parseCalendarDate(milestone.dueDate);
    if (start === null) {
      throw new RangeError(`ON_DATE milestone has no valid dueDate: ${String(milestone.dueDate)}`);
    }
  } else {
    if (triggeredAt === null) return null;
    if (Number.isNaN(triggeredAt.getTime())) throw new RangeError('triggeredAt is an invalid Date');
    start = triggeredAt;
  }
  const day = Math.floor(start.getTime() / DAY_MS) + milestone.netDays;
  return new Date((day + 1) * DAY_MS - 1);
}

function checkSchedule(total: number, milestones: MilestoneSpec[]): CheckedSchedule {
  const problems: ScheduleProblem[] = [];
  const shares: Share[] = [];
  const totalValid = Number.isSafeInteger(total) && total >= 0;
  if (!totalValid) {
    problems.push({
      index: null,
      code: 'INVALID_TOTAL',
      message: `The total must be a non-negative safe integer in minor units; got ${total}.`,
    });
  }
  if (milestones.length === 0) {
    problems.push({
      index: null,
      code: 'NO_MILESTONES',
      message: 'A schedule needs at least one milestone.',
    });
  } else if (milestones.length > MAX_MILESTONES) {
    problems.push({
      index: null,
      code: 'TOO_MANY_MILESTONES',
      message: `A schedule has at most ${MAX_MILESTONES} milestones; got ${milestones.length}.`,
    });
  }

  milestones.forEach((m, index) => {
    for (const problem of milestoneProblems(m)) problems.push({ index, ...problem });
    const share = shareOf(m);
    if (share === null) {
      problems.push({ index, ...shareProblem(m) });
    } else {
      shares.push(share);
    }
  });

  // Sums over malformed shares would only repeat the problems above, so check them when all are sound.
  if (totalValid && milestones.length > 0 && shares.length === milestones.length) {
    problems.push(...sumProblems(BigInt(total), shares));
  }
  return { problems, shares };
}

type Broken = Omit<ScheduleProblem, 'index'>;

/** Problems with a milestone's label, net days and timing (its share is checked by shareOf). */
function milestoneProblems(m: MilestoneSpec): Broken[] {
  const problems: Broken[] = [];
  const labelLength = m.label.trim().length;
  if (labelLength < 1 || labelLength > MAX_LABEL_LENGTH) {
    problems.push({
      code: 'LABEL',
      message: `The label must be 1 to ${MAX_LABEL_LENGTH} characters after trimming; got ${labelLength}.`,
    });
  }
  if (!isValidNetDays(m.netDays)) {
    problems.push({
      code: 'NET_DAYS',
      message: `netDays must be an integer from 0 to ${MAX_NET_DAYS}; got ${m.netDays}.`,
    });
  }
  if (!TRIGGERS.includes(m.trigger)) {
    problems.push({
      code: 'TRIGGER',
      message: `Unknown trigger ${String(m.trigger)}; expected one of ${TRIGGERS.join(', ')}.`,
    });
  } else if (m.trigger === 'ON_DATE') {
    if (parseCalendarDate(m.dueDate) === null) {
      problems.push({
        code: 'DUE_DATE',
        message: `An ON_DATE milestone needs a dueDate that is a real calendar date YYYY-MM-DD; got ${String(m.dueDate)}.`,
      });
    }
  } else if (m.dueDate !== null) {
    problems.push({
      code: 'DUE_DATE_NOT_ON_DATE',
      message: `Only ON_DATE milestones take a dueDate; this ${m.trigger} one has ${m.dueDate}.`,
    });
  }
  return problems;
}

function shareOf(m: MilestoneSpec): Share | null {
  if (m.percentBp !== null && m.amount === null && isValidBp(m.percentBp)) {
    return { kind: 'percent', bp: BigInt(m.percentBp) };
  }
  if (m.amount !== null && m.percentBp === null && isValidAmount(m.amount)) {
    return { kind: 'fixed', amount: BigInt(m.amount) };
  }
  return null;
}

/** Why shareOf gave null. */
function shareProblem(m: MilestoneSpec): Broken {
  if ((m.percentBp === null) === (m.amount === null)) {
    return { code: 'ONE_SHARE', message: 'Exactly one of percentBp and amount must be set.' };
  }
  if (m.percentBp !== null) {
    return {
      code: 'PERCENT',
      message: `percentBp must be an integer from 1 to ${WHOLE_BP}; got ${m.percentBp}.`,
    };
  }
  return {
    code: 'AMOUNT',
    message: `amount must be a safe integer of at least 1; got ${m.amount}.`,
  };
}

function sumProblems(total: bigint, shares: Share[]): ScheduleProblem[] {
  const fixedSum = sumFixed(shares);
  if (fixedSum > total) {
    return [
      {
        index: null,
        code: 'FIXED_OVER_TOTAL',
        message: `Fixed amounts add up to ${fixedSum}, more than the total ${total}.`,
      },
    ];
  }
  const percents = shares.filter(isPercent);
  if (percents.length > 0) {
    const bpSum = percents.reduce((sum, s) => sum + s.bp, 0n);
    if (bpSum !== BigInt(WHOLE_BP)) {
      return [
        {
          index: null,
          code: 'PERCENT_SUM',
          message: `Percentages add up to ${bpSum} bp; they must add up to exactly ${WHOLE_BP} bp (100%).`,
        },
      ];
    }
  } else if (fixedSum !== total) {
    return [
      {
        index: null,
        code: 'FIXED_SUM',
        message: `With no percentage milestone the fixed amounts must add up to the total ${total}; they add up to ${fixedSum}.`,
      },
    ];
  }
  return [];
}

function sumFixed(shares: Share[]): bigint {
  return shares.reduce((sum, s) => (s.kind === 'fixed' ? sum + s.amount : sum), 0n);
}

function isPercent(s: Share): s is Extract<Share, { kind: 'percent' }> {
  return s.kind === 'percent';
}

function isValidBp(bp: number): boolean {
  return Number.isInteger(bp) && bp >= 1 && bp <= WHOLE_BP;
}

function isValidAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= 1;
}

function isValidNetDays(days: number): boolean {
  return Number.isInteger(days) && days >= 0 && days <= MAX_NET_DAYS;
}

/**
 * UTC midnight of a YYYY-MM-DD day, or null unless it is a real date in years 0001-9999.
 * Checked by hand because Date.parse rolls impossible days (02-30) over into the next month.
 */
function parseCalendarDate(value: string | null): Date | null {
  const match = value === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
