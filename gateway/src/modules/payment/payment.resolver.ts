import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { Money } from '../../api/money.type.js';
import { Transaction } from '../../api/transaction.js';
import { Seller } from '../identity/seller.entity.js';
import { Order } from '../ordering/order.entity.js';
import { CashRemittance } from './payment.entity.js';
import {
  ReconcileCashRemittanceInput,
  ReconcileCashRemittanceResult,
  ResolveCashRemittanceInput,
  ResolveCashRemittanceResult,
  SetSellerCodFeeInput,
  SetSellerCodFeeResult,
} from './payment.types.js';

@Resolver()
export class PaymentResolver {
  @Authorized(Role.SELLER_STAFF)
  @Query(() => [CashRemittance], { description: 'Your shop’s latest 100 remittances.' })
  cashRemittances(@Ctx() ctx: Context) {
    return ctx.services.payment.remittances(ctx, requireViewer(ctx));
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => ReconcileCashRemittanceResult, {
    description:
      'Records cash a courier remitted for delivered orders; a short or excess amount is flagged.',
  })
  @Transaction()
  reconcileCashRemittance(
    @Arg('input', () => ReconcileCashRemittanceInput) input: ReconcileCashRemittanceInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.payment.reconcile(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => ResolveCashRemittanceResult, {
    description:
      'Closes a short or excess remittance (settled afterwards or written off); its payments become RECONCILED.',
  })
  @Transaction()
  resolveCashRemittance(
    @Arg('input', () => ResolveCashRemittanceInput) input: ResolveCashRemittanceInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.payment.resolve(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF, Role.PLATFORM_ADMIN)
  @Mutation(() => SetSellerCodFeeResult, { description: 'Sets a shop’s cash-on-delivery fee.' })
  @Transaction()
  setSellerCodFee(
    @Arg('input', () => SetSellerCodFeeInput) input: SetSellerCodFeeInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.payment.setSellerCodFee(ctx, requireViewer(ctx), input);
  }
}

@Resolver(() => CashRemittance)
export class CashRemittanceFieldsResolver {
  @FieldResolver(() => [Order])
  orders(@Root() remittance: CashRemittance, @Ctx() ctx: Context): Promise<Order[]> {
    return ctx.loaders.ordering.ordersOfRemittance.load(remittance.id);
  }
}

@Resolver(() => Seller)
export class SellerPaymentFieldsResolver {
  @FieldResolver(() => Money, {
    description: 'Cash-on-delivery fee this shop charges (its own or the platform default).',
  })
  codFee(@Root() seller: Seller, @Ctx() ctx: Context): Money {
    const cod = ctx.services.cod;
    return Money.of(cod.fee(seller.codFeeAmount), cod.currency);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'The fee this shop set for itself; null while it charges the platform default.',
  })
  ownCodFee(@Root() seller: Seller, @Ctx() ctx: Context): Money | null {
    return seller.codFeeAmount === null
      ? null
      : Money.of(seller.codFeeAmount, ctx.services.cod.currency);
  }
}
