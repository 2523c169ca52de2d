import { IsOptional, Length, Max, Min } from 'class-validator';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NotFoundError } from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { InsufficientStockError } from '../catalog/catalog.types.js';
import { Product } from '../catalog/product.entity.js';
import { Variant } from '../catalog/variant.entity.js';
import { Seller } from '../identity/seller.entity.js';
import { CodUnavailableReason } from '../payment/cash-on-delivery.js';

export const MAX_LINE_QUANTITY = 999;

@ObjectType('CartLine', {
  description: 'A variant and quantity in a cart, at list price.',
  simpleResolvers: true,
})
export class CartLineView {
  @Field(() => ID)
  id: number;

  @Field(() => Variant)
  variant: Variant;

  @Field(() => Product)
  product: Product;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money)
  unitPrice: Money;

  @Field(() => Money)
  lineTotal: Money;

  @Field(() => Int, {
    description: 'Units that can be bought now (0 once the product is unpublished).',
  })
  available: number;
}

@ObjectType({
  description: 'Whether an order may be paid cash on delivery.',
  simpleResolvers: true,
})
export class CashOnDeliveryCheck {
  @Field(() => Boolean)
  available: boolean;

  @Field(() => CodUnavailableReason, { nullable: true })
  reason: CodUnavailableReason | null;
}

@ObjectType({
  description: "One seller's part of a cart: it becomes one order at checkout.",
  simpleResolvers: true,
})
export class CartGroup {
  @Field(() => Seller)
  seller: Seller;

  @Field(() => [CartLineView])
  lines: CartLineView[];

  @Field(() => Money)
  itemsTotal: Money;

  @Field(() => Money)
  codFee: Money;

  @Field(() => Money, { description: 'Items plus the cash-on-delivery fee.' })
  total: Money;
}

@ObjectType('Cart', {
  description: 'A shopping cart, a guest’s or a signed-in user’s.',
  simpleResolvers: true,
})
export class CartView {
  @Field(() => ID)
  id: number;

  @Field(() => String, {
    nullable: true,
    description: "Guest carts only: keep it and send it as cartToken. Null on a user's cart.",
  })
  token: string | null;

  @Field(() => [CartLineView])
  lines: CartLineView[];

  @Field(() => [CartGroup], { description: 'One group per seller, in the order first added.' })
  groups: CartGroup[];

  @Field(() => Int)
  itemCount: number;

  @Field(() => Money, { nullable: true, description: 'Items of every seller; null when empty.' })
  subtotal: Money | null;
}

@ObjectType({ description: 'The platform’s cash-on-delivery terms.', simpleResolvers: true })
export class CashOnDeliveryTerms {
  @Field(() => Money, { description: 'Largest order total, fee included.' })
  maxOrderAmount: Money;

  @Field(() => [String], { description: 'Provinces served; empty means everywhere.' })
  regions: string[];

  @Field(() => Money, { description: 'Fee charged unless a seller sets its own.' })
  defaultFee: Money;
}

@InputType()
export class AddToCartInput {
  @Field(() => String, { nullable: true, description: 'A guest cart; omit to start one.' })
  @IsOptional()
  @Length(1, 64)
  cartToken?: string | null;

  @Field(() => ID)
  variantId: string;

  @Field(() => Int, { description: 'Added to the line of this variant if there is one.' })
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

@InputType()
export class UpdateCartLineInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  cartToken?: string | null;

  @Field(() => ID)
  lineId: string;

  @Field(() => Int)
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

@InputType()
export class RemoveCartLineInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  cartToken?: string | null;

  @Field(() => ID)
  lineId: string;
}

export const CartResult = createUnionType({
  name: 'CartResult',
  types: () => [CartView, NotFoundError, InsufficientStockError] as const,
});
