import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { createUnionType, Field, ID, InputType, Int } from 'type-graphql';
import { InvalidStateError, NotFoundError } from '../../api/errors.js';
import { Seller } from '../identity/seller.entity.js';
import { CashRemittance, RemittanceResolution } from './payment.entity.js';

@InputType()
export class ReconcileCashRemittanceInput {
  @Field(() => [ID], { description: 'Delivered orders whose cash the courier handed over.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  orderIds: string[];

  @Field(() => Int, { description: 'What the courier handed over, in minor units.' })
  @Min(0)
  amount: number;

  @Field(() => String, { description: 'Unique per seller: recording it again changes nothing.' })
  @Length(1, 100)
  reference: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

export const ReconcileCashRemittanceResult = createUnionType({
  name: 'ReconcileCashRemittanceResult',
  types: () => [CashRemittance, NotFoundError, InvalidStateError] as const,
});

@InputType()
export class SetSellerCodFeeInput {
  @Field(() => ID)
  sellerId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Minor units of the platform currency; null returns to the platform default.',
  })
  @IsOptional()
  @Min(0)
  @Max(100_000)
  fee?: number | null;
}

export const SetSellerCodFeeResult = createUnionType({
  name: 'SetSellerCodFeeResult',
  types: () => [Seller, NotFoundError] as const,
});

@InputType()
export class ResolveCashRemittanceInput {
  @Field(() => ID)
  remittanceId: string;

  @Field(() => RemittanceResolution)
  resolution: RemittanceResolution;

  @Field(() => String, {
    description: 'Why, and for SETTLED the reference of the payment that closed the difference.',
  })
  @Length(1, 500)
  note: string;
}

export const ResolveCashRemittanceResult = createUnionType({
  name: 'ResolveCashRemittanceResult',
  types: () => [CashRemittance, NotFoundError, InvalidStateError] as const,
});
