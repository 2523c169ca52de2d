import { Length, Min } from 'class-validator';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  AlreadyExistsError,
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { ContractPayment } from './billing.entity.js';

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
