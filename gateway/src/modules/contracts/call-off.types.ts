import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
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
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { connectionOf, PageArgs } from '../../api/pagination.js';
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

@InputType()
export class CreditLinesFilter {
  @Field(() => String, { nullable: true, description: 'Text in the company’s name, in any case.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only the lines of these companies (up to 100); ids of no company match none.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  companyIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only lines whose exposure is over the limit; false: only the others.',
  })
  overLimit?: boolean | null;
}

export enum CreditLineSort {
  COMPANY_ASC = 'COMPANY_ASC',
  COMPANY_DESC = 'COMPANY_DESC',
  EXPOSURE_DESC = 'EXPOSURE_DESC',
  EXPOSURE_ASC = 'EXPOSURE_ASC',
}

registerEnumType(CreditLineSort, {
  name: 'CreditLineSort',
  description:
    "By the company's name, A to Z or Z to A; or by exposure (minor units), largest or " +
    'smallest first.',
});

@ArgsType()
export class CreditLinesArgs extends PageArgs {
  @Field(() => CreditLinesFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CreditLinesFilter | null;

  @Field(() => CreditLineSort, { defaultValue: CreditLineSort.COMPANY_ASC })
  sort: CreditLineSort;
}

export const CreditLineConnection = connectionOf(CreditLine, {
  description: 'A page of credit lines (Relay connection).',
  counted: 'Credit lines matching the filter',
});
export type CreditLineConnection = InstanceType<typeof CreditLineConnection>;
