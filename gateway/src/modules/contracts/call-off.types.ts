import { ArrayMaxSize, ArrayMinSize, Length, Max, Min, ValidateNested } from 'class-validator';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { NoApproverError } from '../approval/approval.types.js';
import { InsufficientStockError } from '../catalog/catalog.types.js';
import { CallOff, CreditLine } from './call-off.entity.js';

@InputType()
export class CallOffLineInput {
  @Field(() => ID, { description: 'A line of the contract.' })
  contractLineId: string;

  @Field(() => Int)
  @Min(1)
  @Max(10_000_000)
  quantity: number;
}

@InputType()
export class PlaceCallOffInput {
  @Field(() => ID)
  contractId: string;

  @Field(() => String, {
    description: 'Chosen by the client per order: placing it again answers the first order.',
  })
  @Length(8, 64)
  idempotencyKey: string;

  @Field(() => [CallOffLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested()
  lines: CallOffLineInput[];
}

@InputType()
export class SetCreditLimitInput {
  @Field(() => ID)
  companyId: string;

  @Field(() => Int, { description: 'Minor units; 0 stops call-off orders on credit.' })
  @Min(0)
  limit: number;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class CreditLimitExceededError extends BaseErrorResult {
  @Field(() => Money)
  limit: Money;

  @Field(() => Money, { description: 'Unpaid installments and invoices with this seller.' })
  exposure: Money;

  @Field(() => Money)
  requested: Money;

  constructor(limit: Money, exposure: Money, requested: Money) {
    super(ErrorCode.CREDIT_LIMIT_EXCEEDED, 'This order would take you past your credit limit');
    this.limit = limit;
    this.exposure = exposure;
    this.requested = requested;
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class CommittedQuantityExceededError extends BaseErrorResult {
  @Field(() => ID)
  contractLineId: number;

  @Field(() => Int)
  remaining: number;

  constructor(contractLineId: number, remaining: number) {
    super(
      ErrorCode.COMMITTED_QUANTITY_EXCEEDED,
      `Only ${remaining} remain of the quantity agreed on this line`,
    );
    this.contractLineId = contractLineId;
    this.remaining = remaining;
  }
}

export const CallOffResult = createUnionType({
  name: 'CallOffResult',
  types: () =>
    [
      CallOff,
      NotFoundError,
      InvalidStateError,
      CreditLimitExceededError,
      CommittedQuantityExceededError,
      InsufficientStockError,
      NoApproverError,
    ] as const,
});

export const CreditLineResult = createUnionType({
  name: 'CreditLineResult',
  types: () => [CreditLine, NotFoundError] as const,
});
