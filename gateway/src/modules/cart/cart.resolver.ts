import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../api/context.js';
import { Money } from '../../api/money.type.js';
import { Transaction } from '../../api/transaction.js';
import {
  AddToCartInput,
  CartGroup,
  CartResult,
  CartView,
  CashOnDeliveryCheck,
  CashOnDeliveryTerms,
  RemoveCartLineInput,
  UpdateCartLineInput,
} from './cart.types.js';

@Resolver()
export class CartResolver {
  @Query(() => CartView, {
    nullable: true,
    description:
      'Signed in: your cart (null until you add something). Guest: the cart of that token, or null.',
  })
  cart(
    @Arg('cartToken', () => String, { nullable: true }) cartToken: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.cart.cart(ctx, cartToken);
  }

  @Query(() => CashOnDeliveryTerms)
  cashOnDeliveryTerms(@Ctx() ctx: Context): CashOnDeliveryTerms {
    const cod = ctx.services.cod;
    const terms = new CashOnDeliveryTerms();
    terms.maxOrderAmount = Money.of(cod.maxOrderAmount, cod.currency);
    terms.regions = [...cod.regions];
    terms.defaultFee = Money.of(cod.defaultFee, cod.currency);
    return terms;
  }

  @Mutation(() => CartResult, {
    description: 'Adds units of a variant; starts a guest cart when there is none.',
  })
  @Transaction()
  addToCart(@Arg('input', () => AddToCartInput) input: AddToCartInput, @Ctx() ctx: Context) {
    return ctx.services.cart.addToCart(ctx, input);
  }

  @Mutation(() => CartResult)
  @Transaction()
  updateCartLine(
    @Arg('input', () => UpdateCartLineInput) input: UpdateCartLineInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.cart.updateCartLine(ctx, input);
  }

  @Mutation(() => CartResult)
  @Transaction()
  removeCartLine(
    @Arg('input', () => RemoveCartLineInput) input: RemoveCartLineInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.cart.removeCartLine(ctx, input);
  }
}

@Resolver(() => CartGroup)
export class CartGroupFieldsResolver {
  @FieldResolver(() => CashOnDeliveryCheck, {
    description: "Whether this group's order may be paid cash on delivery to `province`.",
  })
  cashOnDelivery(
    @Root() group: CartGroup,
    @Arg('province', () => String, { nullable: true }) province: string | null,
    @Ctx() ctx: Context,
  ): CashOnDeliveryCheck {
    const reason = ctx.services.cod.unavailableReason(
      province,
      group.total.amount,
      group.total.currency,
    );
    const check = new CashOnDeliveryCheck();
    check.available = reason === null;
    check.reason = reason;
    return check;
  }
}
