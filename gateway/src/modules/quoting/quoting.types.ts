import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  Matches,
  Max,
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
import { AddressInput } from '../ordering/address.js';
import { InvalidAddressError } from '../ordering/ordering.types.js';
import { PaymentTermsInput } from './payment-terms.js';
import { DealKind, QuoteRequest, QuoteRequestLine, QuoteStatus } from './quote.entity.js';
import { InputProblemCode, refusedAs } from '../../api/input-problems.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class QuoteLineInput {
  @Field(() => ID, { nullable: true, description: 'A catalog variant of the seller; or...' })
  variantId: string | null;

  @Field(() => String, { nullable: true, description: '...a free-text item the catalog lacks.' })
  @IsOptional()
  @Length(1, 300)
  description: string | null;

  @Field(() => Int)
  @Min(1)
  @Max(10_000_000)
  quantity: number;

  @Field(() => Int, { nullable: true, description: 'The unit price hoped for, minor units.' })
  @IsOptional()
  @Min(0)
  targetUnitPrice: number | null;
}

/**
 * What the buyer writes in a request for quotation, on creating it and on changing a draft
 * (a base of both inputs, never used as an argument itself, so not in the schema).
 */
@InputType()
export abstract class QuoteRequestFieldsInput {
  @Field(() => DealKind)
  dealKind: DealKind;

  @Field(() => Int, { nullable: true, description: 'FRAMEWORK: 12 to 60 months.' })
  termMonths: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(DAY, refusedAs(InputProblemCode.DATE, 'wantedDeliveryDate must be YYYY-MM-DD'))
  wantedDeliveryDate: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'Where to deliver; or...' })
  @IsOptional()
  @ValidateNested()
  deliveryAddress: AddressInput | null;

  @Field(() => ID, { nullable: true, description: "...one of the company's addresses." })
  deliveryAddressId: string | null;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 2000)
  notes: string;

  @Field(() => [QuoteLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested()
  lines: QuoteLineInput[];
}

@InputType()
export class CreateQuoteRequestInput extends QuoteRequestFieldsInput {
  @Field(() => ID, { nullable: true, description: 'Needed when you buy for several companies.' })
  companyId: string | null;

  @Field(() => ID)
  sellerId: string;
}

@InputType()
export class QuoteActionInput {
  @Field(() => ID)
  quoteId: string;

  @Field(() => Int, { description: 'The `version` of the quote you saw.' })
  expectedVersion: number;
}

@InputType({
  description: 'A draft rewritten as a whole: its terms and lines (its company and seller stay).',
})
export class UpdateQuoteRequestInput extends QuoteRequestFieldsInput {
  @Field(() => ID)
  quoteId: string;

  @Field(() => Int, { description: 'The `version` of the quote you saw.' })
  expectedVersion: number;
}

@InputType()
export class QuotedTierInput {
  @Field(() => Int)
  @Min(2)
  minQuantity: number;

  @Field(() => Int)
  @Min(0)
  unitPrice: number;
}

@InputType()
export class OfferLineInput {
  @Field(() => ID, { description: 'The request line priced.' })
  lineId: string;

  @Field(() => Int, { description: 'Minor units.' })
  @Min(0)
  unitPrice: number;

  @Field(() => Int, { nullable: true, description: 'Changes the quantity; null keeps it.' })
  @IsOptional()
  @Min(1)
  @Max(10_000_000)
  quantity: number | null;

  @Field(() => Int, { nullable: true, description: 'FRAMEWORK: quantity committed over the term.' })
  @IsOptional()
  @Min(1)
  committedQuantity: number | null;

  @Field(() => [QuotedTierInput], { defaultValue: [] })
  @ArrayMaxSize(10)
  @ValidateNested()
  tiers: QuotedTierInput[];
}

@InputType({ description: "The seller's offer, or the buyer's counter-offer." })
export class OfferInput extends QuoteActionInput {
  @Field(() => [OfferLineInput], { description: 'Every line of the request, once.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested()
  lines: OfferLineInput[];

  @Field(() => Date, {
    nullable: true,
    description: 'Seller: until when the offer can be accepted (required).',
  })
  validUntil: Date | null;

  @Field(() => String, { nullable: true, description: 'Null keeps the previous terms.' })
  @IsOptional()
  @Length(0, 2000)
  deliveryTerms: string | null;

  @Field(() => PaymentTermsInput, {
    nullable: true,
    description: 'Null keeps the previous terms (the seller must set them in the first offer).',
  })
  @IsOptional()
  @ValidateNested()
  paymentTerms: PaymentTermsInput | null;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 2000)
  note: string;
}

@InputType()
export class QuoteMessageInput {
  @Field(() => ID)
  quoteId: string;

  @Field(() => String)
  @Length(1, 4000)
  body: string;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class StaleVersionError extends BaseErrorResult {
  @Field(() => Int, { description: 'The version now: reload the quote and decide again.' })
  currentVersion: number;

  constructor(currentVersion: number) {
    super(ErrorCode.STALE_VERSION, 'The quote changed since you loaded it');
    this.currentVersion = currentVersion;
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class QuoteExpiredError extends BaseErrorResult {
  @Field(() => Date)
  validUntil: Date;

  constructor(validUntil: Date) {
    super(ErrorCode.QUOTE_EXPIRED, 'The offer expired: ask the seller for a new one');
    this.validUntil = validUntil;
  }
}

@ObjectType({ description: 'How one line differs between two versions.', simpleResolvers: true })
export class QuoteLineChange {
  @Field(() => QuoteRequestLine)
  line: QuoteRequestLine;

  @Field(() => Int)
  quantityBefore: number;

  @Field(() => Int)
  quantityAfter: number;

  @Field(() => Money)
  unitPriceBefore: Money;

  @Field(() => Money)
  unitPriceAfter: Money;

  @Field(() => Boolean)
  changed: boolean;
}

@ObjectType({ description: 'What changed from one version to another.', simpleResolvers: true })
export class QuoteVersionDiff {
  @Field(() => Int)
  from: number;

  @Field(() => Int)
  to: number;

  @Field(() => [QuoteLineChange])
  lines: QuoteLineChange[];

  @Field(() => Money)
  totalBefore: Money;

  @Field(() => Money)
  totalAfter: Money;

  @Field(() => Boolean)
  paymentTermsChanged: boolean;

  @Field(() => Boolean)
  deliveryTermsChanged: boolean;

  @Field(() => Boolean)
  validUntilChanged: boolean;
}

@InputType()
export class QuoteRequestsFilter {
  @Field(() => QuoteStatus, { nullable: true })
  status: QuoteStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only quotes waiting for your answer (a seller offers on a submitted or countered ' +
      'request, a buyer answers an offer); false: only the others.',
  })
  awaitingMe: boolean | null;
}

export enum QuoteRequestSort {
  UPDATED_DESC = 'UPDATED_DESC',
  UPDATED_ASC = 'UPDATED_ASC',
  CREATED_DESC = 'CREATED_DESC',
  CREATED_ASC = 'CREATED_ASC',
}

registerEnumType(QuoteRequestSort, {
  name: 'QuoteRequestSort',
  description: 'By last activity (updatedAt) or by creation, newest or oldest first.',
});

@ArgsType()
export class QuoteRequestsArgs extends PageArgs {
  @Field(() => QuoteRequestsFilter, { nullable: true })
  filter?: QuoteRequestsFilter | null;

  @Field(() => QuoteRequestSort, { defaultValue: QuoteRequestSort.UPDATED_DESC })
  sort: QuoteRequestSort;
}

export const QuoteRequestConnection = connectionOf(QuoteRequest, {
  description: 'A page of quotes (Relay connection).',
  counted: 'Quotes matching the filter',
});
export type QuoteRequestConnection = InstanceType<typeof QuoteRequestConnection>;

export const QuoteResult = createUnionType({
  name: 'QuoteResult',
  types: () =>
    [
      QuoteRequest,
      NotFoundError,
      InvalidStateError,
      InvalidAddressError,
      StaleVersionError,
      QuoteExpiredError,
      NoApproverError,
    ] as const,
});
