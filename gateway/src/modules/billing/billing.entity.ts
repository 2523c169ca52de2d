import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { BaseEntity, intTransformer } from '../../db/columns.js';
import { MilestoneTrigger } from '../quoting/payment-terms.js';
import type { MilestoneTrigger as Trigger } from './installments.js';

export enum MilestoneStatus {
  SCHEDULED = 'SCHEDULED',
  DUE = 'DUE',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  OVERDUE = 'OVERDUE',
}
registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  valuesConfig: {
    SCHEDULED: { description: 'Its trigger has not happened yet.' },
    DUE: { description: 'Triggered; to be paid by `dueAt`.' },
    PARTIALLY_PAID: { description: 'Part paid, not yet past `dueAt`.' },
    PAID: { description: 'Paid in full.' },
    OVERDUE: { description: 'Past `dueAt` and not paid in full.' },
  },
});

/**
 * What a contract's buyer owes at one time: an installment of a one-off deal (its share of the
 * total, the split of `installments.ts`, fixed at signing) or the invoice of a framework
 * call-off order; when it falls due once its trigger happened, and what was paid. Its status is
 * derived from those and the clock, so "overdue" needs no job to flip it.
 */
@ObjectType({ description: 'An installment of a contract.', simpleResolvers: true })
@Entity('contract_milestone')
@Index(['contractId', 'position'], { unique: true })
@Index(['companyId', 'dueAt'])
@Index(['sellerId', 'dueAt'])
export class ContractMilestone extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'int' })
  contractId: number;

  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'int' })
  sellerId: number;

  @Column({ type: 'int' })
  position: number;

  @Field(() => ID, {
    nullable: true,
    description: "FRAMEWORK: the call-off order this bills (due the contract's net days after).",
  })
  @Column({ type: 'int', nullable: true })
  callOffId: number | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 80 })
  label: string;

  @Column({ type: 'int', transformer: intTransformer })
  amountDue: number;

  @Column({ type: 'int', transformer: intTransformer, default: 0 })
  amountPaid: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => MilestoneTrigger)
  @Column({ type: 'varchar', length: 16 })
  trigger: Trigger;

  @Field(() => String, { nullable: true, description: 'ON_DATE: the day (YYYY-MM-DD).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  netDays: number;

  @Field(() => Date, { nullable: true, description: 'When its trigger happened.' })
  @Column({ type: 'datetime', nullable: true })
  triggeredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Pay by then; null until triggered.' })
  @Column({ type: 'datetime', nullable: true })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  paidAt: Date | null;

  @Field(() => Money)
  get amount(): Money {
    return Money.of(this.amountDue, this.currency);
  }

  @Field(() => Money)
  get paid(): Money {
    return Money.of(this.amountPaid, this.currency);
  }

  @Field(() => Money)
  get outstanding(): Money {
    return Money.of(this.amountDue - this.amountPaid, this.currency);
  }

  /** The status at `now`. */
  statusAt(now: Date): MilestoneStatus {
    if (this.amountPaid >= this.amountDue) return MilestoneStatus.PAID;
    if (!this.dueAt) return MilestoneStatus.SCHEDULED;
    if (this.dueAt.getTime() < now.getTime()) return MilestoneStatus.OVERDUE;
    return this.amountPaid > 0 ? MilestoneStatus.PARTIALLY_PAID : MilestoneStatus.DUE;
  }
}

/** Money received against a milestone; a seller's bank reference is recorded once. */
@ObjectType({ description: 'A payment received for a contract.', simpleResolvers: true })
@Entity('contract_payment')
@Index(['sellerId', 'reference'], { unique: true })
export class ContractPayment extends BaseEntity {
  @Column({ type: 'int' })
  sellerId: number;

  @Column({ type: 'int' })
  companyId: number;

  @Field(() => ID)
  @Index()
  @Column({ type: 'int' })
  contractId: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  milestoneId: number;

  @Column({ type: 'int', transformer: intTransformer })
  amountReceived: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => String, { description: "The bank's reference of the transfer." })
  @Column({ type: 'varchar', length: 64 })
  reference: string;

  @Column({ type: 'int' })
  recordedByUserId: number;

  @Field(() => Money)
  get amount(): Money {
    return Money.of(this.amountReceived, this.currency);
  }

  @Field(() => Date)
  get recordedAt(): Date {
    return this.createdAt;
  }
}
