import { ArrayMaxSize, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { createUnionType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseErrorResult, ErrorCode, ErrorResult } from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import {
  scheduleSplit,
  splitInstallments,
  type MilestoneSpec,
  type ScheduleProblemCode as Code,
  type MilestoneTrigger as Trigger,
} from '../billing/installments.js';
import { InputProblemCode, refusedAs } from '../../api/input-problems.js';

export enum PaymentTermsKind {
  INSTALLMENTS = 'INSTALLMENTS',
  NET = 'NET',
}
registerEnumType(PaymentTermsKind, {
  name: 'PaymentTermsKind',
  valuesConfig: {
    INSTALLMENTS: {
      description: 'A one-off deal paid in milestones (deposit, mid-term, final...).',
    },
    NET: { description: 'A framework agreement: each call-off order is due `netDays` after it.' },
  },
});

export const MilestoneTrigger = {
  ON_SIGNING: 'ON_SIGNING',
  ON_DELIVERY: 'ON_DELIVERY',
  ON_ACCEPTANCE: 'ON_ACCEPTANCE',
  ON_DATE: 'ON_DATE',
} as const satisfies Record<Trigger, Trigger>;
registerEnumType(MilestoneTrigger, { name: 'MilestoneTrigger' });

@ObjectType({ description: 'A milestone of an installment schedule.', simpleResolvers: true })
export class Milestone implements MilestoneSpec {
  @Field(() => String)
  label: string;

  @Field(() => Int, { nullable: true, description: 'Share of the total in basis points.' })
  percentBp: number | null;

  @Field(() => Int, { nullable: true, description: 'A fixed amount in minor units.' })
  amount: number | null;

  @Field(() => MilestoneTrigger)
  trigger: Trigger;

  @Field(() => String, { nullable: true, description: 'For ON_DATE: the day (YYYY-MM-DD).' })
  dueDate: string | null;

  @Field(() => Int, { description: 'Days after the trigger until payment is due.' })
  netDays: number;
}

/** How a deal is paid; stored as JSON on quote versions and contracts. */
@ObjectType({ description: 'How a deal is paid.', simpleResolvers: true })
export class PaymentTerms {
  @Field(() => PaymentTermsKind)
  kind: PaymentTermsKind;

  @Field(() => [Milestone], { description: 'INSTALLMENTS: the schedule.' })
  milestones: Milestone[];

  @Field(() => Int, { nullable: true, description: 'NET: days after each call-off order.' })
  netDays: number | null;
}

@InputType()
export class MilestoneInput {
  @Field(() => String)
  @Length(1, 80)
  label: string;

  @Field(() => Int, { nullable: true })
  percentBp: number | null;

  @Field(() => Int, { nullable: true })
  amount: number | null;

  @Field(() => MilestoneTrigger)
  trigger: Trigger;

  @Field(() => String, { nullable: true })
  dueDate: string | null;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(365)
  netDays: number;
}

@InputType()
export class PaymentTermsInput {
  @Field(() => PaymentTermsKind)
  kind: PaymentTermsKind;

  @Field(() => [MilestoneInput], { defaultValue: [] })
  @ArrayMaxSize(12)
  milestones: MilestoneInput[];

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(365)
  netDays: number | null;
}

@ObjectType({ description: 'A milestone with its amount.', simpleResolvers: true })
export class Installment {
  @Field(() => String)
  label: string;

  @Field(() => Money)
  amount: Money;

  @Field(() => MilestoneTrigger)
  trigger: Trigger;

  @Field(() => String, { nullable: true })
  dueDate: string | null;

  @Field(() => Int)
  netDays: number;
}

/** The amounts of an installment schedule on `total` (none for net terms). */
export function installmentsOf(
  terms: PaymentTerms,
  total: number,
  currency: string,
): Installment[] {
  if (terms.kind !== PaymentTermsKind.INSTALLMENTS) return [];
  return withAmounts(terms.milestones, splitInstallments(total, terms.milestones), currency);
}

function withAmounts(milestones: Milestone[], amounts: number[], currency: string): Installment[] {
  return milestones.map((m, i) => ({
    label: m.label,
    amount: Money.of(amounts[i] as number, currency),
    trigger: m.trigger,
    dueDate: m.dueDate,
    netDays: m.netDays,
  }));
}

/** A milestone as an offer keeps it: its label trimmed, what was left out null. */
export function milestoneOf(input: MilestoneInput): Milestone {
  return {
    label: input.label.trim(),
    percentBp: input.percentBp ?? null,
    amount: input.amount ?? null,
    trigger: input.trigger,
    dueDate: input.dueDate ?? null,
    netDays: input.netDays,
  };
}

@InputType({ description: 'An amount in integer minor units of an ISO 4217 currency.' })
export class MoneyInput {
  @Field(() => Int)
  amount: number;

  @Field(() => String)
  @Matches(
    /^[A-Z]{3}$/,
    refusedAs(InputProblemCode.CURRENCY, 'must be an ISO 4217 code such as CNY'),
  )
  currency: string;
}

@InputType({ description: 'An installment schedule being written, on the total of its offer.' })
export class InstallmentPreviewInput {
  @Field(() => MoneyInput)
  @ValidateNested()
  total: MoneyInput;

  @Field(() => [MilestoneInput], { description: 'As `OfferInput.paymentTerms.milestones`.' })
  @ArrayMaxSize(12)
  milestones: MilestoneInput[];
}

export const ScheduleProblemCode = {
  INVALID_TOTAL: 'INVALID_TOTAL',
  NO_MILESTONES: 'NO_MILESTONES',
  TOO_MANY_MILESTONES: 'TOO_MANY_MILESTONES',
  LABEL: 'LABEL',
  NET_DAYS: 'NET_DAYS',
  TRIGGER: 'TRIGGER',
  DUE_DATE: 'DUE_DATE',
  DUE_DATE_NOT_ON_DATE: 'DUE_DATE_NOT_ON_DATE',
  ONE_SHARE: 'ONE_SHARE',
  PERCENT: 'PERCENT',
  AMOUNT: 'AMOUNT',
  FIXED_OVER_TOTAL: 'FIXED_OVER_TOTAL',
  PERCENT_SUM: 'PERCENT_SUM',
  FIXED_SUM: 'FIXED_SUM',
} as const satisfies Record<Code, Code>;
registerEnumType(ScheduleProblemCode, {
  name: 'ScheduleProblemCode',
  description: 'A rule of installment schedules, for clients to explain in their own language.',
  valuesConfig: {
    INVALID_TOTAL: { description: 'The total is not a non-negative amount.' },
    NO_MILESTONES: { description: 'A schedule needs at least one milestone.' },
    TOO_MANY_MILESTONES: { description: 'A schedule has at most 12 milestones.' },
    LABEL: { description: 'A label is 1 to 80 characters once trimmed.' },
    NET_DAYS: { description: 'Net days are 0 to 365.' },
    TRIGGER: { description: 'An unknown trigger.' },
    DUE_DATE: { description: 'An ON_DATE milestone needs a real calendar date.' },
    DUE_DATE_NOT_ON_DATE: { description: 'Only ON_DATE milestones take a date.' },
    ONE_SHARE: { description: 'Exactly one of percentBp and amount is set.' },
    PERCENT: { description: 'A percentage is 1 to 10000 basis points.' },
    AMOUNT: { description: 'A fixed amount is at least 1 minor unit.' },
    FIXED_OVER_TOTAL: { description: 'The fixed amounts add up to more than the total.' },
    PERCENT_SUM: { description: 'The percentages do not add up to exactly 100%.' },
    FIXED_SUM: {
      description: 'With no percentage milestone, the fixed amounts do not make the total.',
    },
  },
});

@ObjectType({ description: 'A rule an installment schedule breaks.', simpleResolvers: true })
export class ScheduleProblem {
  @Field(() => Int, {
    nullable: true,
    description: 'The milestone it concerns (its index); null for the schedule as a whole.',
  })
  milestone: number | null;

  @Field(() => ScheduleProblemCode)
  code: Code;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'A total split over an installment schedule.', simpleResolvers: true })
export class InstallmentPreview {
  @Field(() => Money)
  total: Money;

  @Field(() => [Installment], { description: 'Each milestone with its amount, in order.' })
  installments: Installment[];
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class InvalidScheduleError extends BaseErrorResult {
  @Field(() => [ScheduleProblem], { description: 'Every rule broken, in milestone order.' })
  problems: ScheduleProblem[];

  @Field(() => Int, {
    description: 'What the valid percentages add up to, in basis points (10000 = 100%).',
  })
  percentBp: number;

  constructor(problems: ScheduleProblem[], percentBp: number) {
    super(ErrorCode.INVALID_INPUT, problems[0]?.message ?? 'Invalid installment schedule');
    this.problems = problems;
    this.percentBp = percentBp;
  }
}

export const InstallmentPreviewResult = createUnionType({
  name: 'InstallmentPreviewResult',
  types: () => [InstallmentPreview, InvalidScheduleError] as const,
});

/**
 * How an offer of `total` would split over the schedule, by the rule and checks `offerQuote`
 * applies to it; or every problem it would refuse the schedule for.
 */
export function installmentPreview(
  input: InstallmentPreviewInput,
): InstallmentPreview | InvalidScheduleError {
  const milestones = input.milestones.map(milestoneOf);
  const { amount, currency } = input.total;
  const split = scheduleSplit(amount, milestones);
  if (!split.amounts) {
    return new InvalidScheduleError(
      split.problems.map((p) => ({ milestone: p.index, code: p.code, message: p.message })),
      split.percentBp,
    );
  }
  return Object.assign(new InstallmentPreview(), {
    total: Money.of(amount, currency),
    installments: withAmounts(milestones, split.amounts, currency),
  });
}
