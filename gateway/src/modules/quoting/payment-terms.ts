import { ArrayMaxSize, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../api/money.type.js';
import {
  splitInstallments,
  type MilestoneSpec,
  type MilestoneTrigger as Trigger,
} from '../billing/installments.js';

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
  const amounts = splitInstallments(total, terms.milestones);
  return terms.milestones.map((m, i) => ({
    label: m.label,
    amount: Money.of(amounts[i] as number, currency),
    trigger: m.trigger,
    dueDate: m.dueDate,
    netDays: m.netDays,
  }));
}
