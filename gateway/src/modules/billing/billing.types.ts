import { Length, Min } from 'class-validator';
import {
  ArgsType,
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  AlreadyExistsError,
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { connectionOf, PageArgs } from '../../api/pagination.js';
import { ContractMilestone, ContractPayment } from './billing.entity.js';

@InputType()
export class RecordContractPaymentInput {
  @Field(() => ID)
  milestoneId: string;

  @Field(() => Int, { description: 'Minor units received.' })
  @Min(1)
  amount: number;

  @Field(() => String, { description: "The bank's reference: recording it again changes nothing." })
  @Length(1, 64)
  reference: string;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class OverpaymentError extends BaseErrorResult {
  @Field(() => Money, { description: 'What is still to pay on the milestone.' })
  outstanding: Money;

  constructor(outstanding: Money) {
    super(ErrorCode.OVERPAYMENT, 'The payment is more than what is outstanding');
    this.outstanding = outstanding;
  }
}

export const ContractPaymentResult = createUnionType({
  name: 'ContractPaymentResult',
  types: () =>
    [
      ContractPayment,
      NotFoundError,
      InvalidStateError,
      AlreadyExistsError,
      OverpaymentError,
    ] as const,
});

@InputType()
export class DueMilestonesFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only those past their due time (OVERDUE); otherwise every one due.',
  })
  overdueOnly?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only this company's (one of yours, or one owing your shop); any other id: none.",
  })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this contract's; any other id: none." })
  contractId?: string | null;
}

export enum DueMilestoneSort {
  DUE_ASC = 'DUE_ASC',
  DUE_DESC = 'DUE_DESC',
  OUTSTANDING_DESC = 'OUTSTANDING_DESC',
  OUTSTANDING_ASC = 'OUTSTANDING_ASC',
}

registerEnumType(DueMilestoneSort, {
  name: 'DueMilestoneSort',
  description:
    'By due time (dueAt), earliest or latest first; or by what is still to pay (minor units, ' +
    'whatever the currency), largest or smallest first.',
});

@ArgsType()
export class DueMilestonesArgs extends PageArgs {
  @Field(() => DueMilestonesFilter, { nullable: true })
  filter?: DueMilestonesFilter | null;

  @Field(() => DueMilestoneSort, { defaultValue: DueMilestoneSort.DUE_ASC })
  sort: DueMilestoneSort;
}

/** What all the bills matching a filter add up to, per currency in alphabetical order. */
export interface DueTotals {
  outstanding: Money[];
  overdue: Money[];
  overdueCount: number;
}

const DueMilestonePage = connectionOf(ContractMilestone, {
  description: 'A page of installments and invoices (Relay connection).',
  counted: 'Bills matching the filter',
});

@ObjectType({
  description:
    'A page of the installments and invoices due (Relay connection), with what all of those ' +
    'matching the filter add up to.',
  simpleResolvers: true,
})
export class DueMilestoneConnection extends DueMilestonePage {
  /** One aggregate statement, run once and only when a total is asked. */
  totals: () => Promise<DueTotals>;

  @Field(() => [Money], {
    description:
      'What is still to pay on all of them, per currency; amounts in different currencies are ' +
      'never added together (one extra statement, shared with the other totals).',
  })
  async outstanding(): Promise<Money[]> {
    return (await this.totals()).outstanding;
  }

  @Field(() => [Money], { description: 'The overdue part of `outstanding`, per currency.' })
  async overdue(): Promise<Money[]> {
    return (await this.totals()).overdue;
  }

  @Field(() => Int, { description: 'How many of them are overdue.' })
  async overdueCount(): Promise<number> {
    return (await this.totals()).overdueCount;
  }
}
