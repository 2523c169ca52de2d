import {
  ArrayMaxSize,
  IsOptional,
  Length,
  Matches,
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
import { Variant } from '../catalog/variant.entity.js';
import { Seller } from '../identity/seller.entity.js';
import { CodUnavailableReason } from '../payment/cash-on-delivery.js';
import { PaymentStatus } from '../payment/payment.entity.js';
import { AddressInput, type AddressProblem } from './address.js';
import { Order, PaymentMethod } from './order.entity.js';
import { OrderStatus } from './order-status.js';
import {
  InputProblemCode,
  InputProblemParam,
  paramList,
  refusedAs,
} from '../../api/input-problems.js';

export enum OrderActor {
  CONSUMER = 'CONSUMER',
  SELLER = 'SELLER',
  SYSTEM = 'SYSTEM',
}
registerEnumType(OrderActor, { name: 'OrderActor', description: 'Who moved an order.' });

@ObjectType({ description: 'One step of an order’s life.', simpleResolvers: true })
export class OrderEvent {
  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => OrderStatus, { nullable: true })
  from: OrderStatus | null;

  @Field(() => Date)
  at: Date;

  @Field(() => OrderActor)
  actor: OrderActor;

  @Field(() => String)
  note: string;
}

export const OrderConnection = connectionOf(Order, {
  description: 'A page of orders, newest first (Relay connection).',
  counted: 'Orders matching the filter',
});
export type OrderConnection = InstanceType<typeof OrderConnection>;

@ArgsType()
export class OrdersArgs extends PageArgs {}

@InputType()
export class SellerOrderFilter {
  @Field(() => [OrderStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  status?: OrderStatus[] | null;

  @Field(() => [PaymentStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  paymentStatus?: PaymentStatus[] | null;

  @Field(() => String, { nullable: true, description: 'An order number or a phone number.' })
  @IsOptional()
  @MaxLength(30)
  search?: string | null;

  @Field(() => Date, { nullable: true, description: 'Placed at or after this instant.' })
  @IsOptional()
  placedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Placed before this instant.' })
  @IsOptional()
  placedBefore?: Date | null;
}

@ArgsType()
export class SellerOrdersArgs extends OrdersArgs {
  @Field(() => SellerOrderFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: SellerOrderFilter | null;
}

@InputType()
export class CheckoutInput {
  @Field(() => AddressInput)
  shippingAddress: AddressInput;

  @Field(() => PaymentMethod)
  paymentMethod: PaymentMethod;

  @Field(() => String, {
    description:
      'Made once per checkout attempt by the client (16 to 64 letters, digits, - or _); ' +
      'sending it again answers the first result and places nothing.',
  })
  @Matches(
    /^[A-Za-z0-9_-]{16,64}$/,
    refusedAs(InputProblemCode.KEY, 'must be 16 to 64 letters, digits, - or _', {
      min: 16,
      max: 64,
    }),
  )
  idempotencyKey: string;
}

@ObjectType({ description: 'The orders a checkout placed, one per seller.', simpleResolvers: true })
export class CheckoutSuccess {
  @Field(() => [Order])
  orders: Order[];

  @Field(() => Boolean, { description: 'True when this answers a replayed idempotency key.' })
  replayed: boolean;

  constructor(orders: Order[], replayed: boolean) {
    this.orders = orders;
    this.replayed = replayed;
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class EmptyCartError extends BaseErrorResult {
  constructor() {
    super(ErrorCode.EMPTY_CART, 'Your cart is empty');
  }
}

@ObjectType({ simpleResolvers: true })
export class OutOfStockLine {
  @Field(() => Variant)
  variant: Variant;

  @Field(() => String)
  sku: string;

  @Field(() => Int)
  requested: number;

  @Field(() => Int)
  available: number;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class OutOfStockError extends BaseErrorResult {
  @Field(() => [OutOfStockLine])
  lines: OutOfStockLine[];

  constructor(lines: OutOfStockLine[]) {
    super(
      ErrorCode.OUT_OF_STOCK,
      `Not enough stock for ${lines.map((l) => `${l.sku} (${l.available} left)`).join(', ')}`,
    );
    this.lines = lines;
  }
}

const codMessages: Record<CodUnavailableReason, string> = {
  REGION_NOT_SERVED: 'Cash on delivery is not offered in this region',
  AMOUNT_ABOVE_LIMIT: 'This order is above the cash-on-delivery limit',
  CURRENCY_NOT_ACCEPTED: 'Cash on delivery is not offered in this currency',
};

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class CashOnDeliveryNotAvailableError extends BaseErrorResult {
  @Field(() => CodUnavailableReason)
  reason: CodUnavailableReason;

  @Field(() => Seller, { nullable: true, description: 'The seller whose order is affected.' })
  seller: Seller | null;

  constructor(reason: CodUnavailableReason, seller: Seller | null) {
    super(
      ErrorCode.COD_NOT_AVAILABLE,
      seller ? `${codMessages[reason]} (${seller.name})` : codMessages[reason],
    );
    this.reason = reason;
    this.seller = seller;
  }
}

@ObjectType({ simpleResolvers: true })
export class FieldError {
  @Field(() => String, { description: 'Input path, e.g. shippingAddress.phone.' })
  path: string;

  @Field(() => String, { description: 'In English; `code` and `params` are for translating it.' })
  message: string;

  @Field(() => InputProblemCode)
  code: InputProblemCode;

  @Field(() => [InputProblemParam])
  params: InputProblemParam[];
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class InvalidAddressError extends BaseErrorResult {
  @Field(() => [FieldError])
  fields: FieldError[];

  constructor(problems: AddressProblem[]) {
    super(ErrorCode.INVALID_ADDRESS, 'The address is incomplete or invalid');
    this.fields = problems.map(({ params, ...p }) =>
      Object.assign(new FieldError(), { ...p, params: paramList(params) }),
    );
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class CollectedAmountMismatchError extends BaseErrorResult {
  @Field(() => Money)
  expected: Money;

  constructor(expected: Money) {
    super(
      ErrorCode.AMOUNT_MISMATCH,
      `The courier must collect exactly the order total (${expected.amount} ${expected.currency} minor units)`,
    );
    this.expected = expected;
  }
}

export const CheckoutResult = createUnionType({
  name: 'CheckoutResult',
  types: () =>
    [
      CheckoutSuccess,
      EmptyCartError,
      OutOfStockError,
      CashOnDeliveryNotAvailableError,
      InvalidAddressError,
    ] as const,
});

export const OrderResult = createUnionType({
  name: 'OrderResult',
  types: () => [Order, NotFoundError, InvalidStateError, CollectedAmountMismatchError] as const,
});

@InputType()
export class CancelOrderInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@InputType()
export class OrderActionInput {
  @Field(() => ID)
  orderId: string;
}

@InputType()
export class ShipOrderInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => String)
  @Length(1, 60)
  carrier: string;

  @Field(() => String)
  @Matches(
    /^[A-Za-z0-9-]{4,60}$/,
    refusedAs(InputProblemCode.LETTERS_DIGITS_DASHES, 'must be 4 to 60 letters, digits or dashes', {
      min: 4,
      max: 60,
    }),
  )
  trackingNumber: string;
}

@InputType()
export class RecordDeliveryInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => Int, { description: 'Cash collected, in minor units; must equal the order total.' })
  @Min(0)
  amountCollected: number;
}

@InputType()
export class RecordRefusalInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}
