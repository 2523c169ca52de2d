import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { Transaction } from '../../api/transaction.js';
import { Product } from '../catalog/product.entity.js';
import { Variant } from '../catalog/variant.entity.js';
import { Seller } from '../identity/seller.entity.js';
import { Payment } from '../payment/payment.entity.js';
import { Order, OrderLine } from './order.entity.js';
import type { OrderStatus } from './order-status.js';
import {
  CancelOrderInput,
  CheckoutInput,
  CheckoutResult,
  OrderActionInput,
  OrderActor,
  OrderConnection,
  OrderEvent,
  OrderResult,
  OrdersArgs,
  RecordDeliveryInput,
  RecordRefusalInput,
  SellerOrdersArgs,
  ShipOrderInput,
} from './ordering.types.js';

@Resolver()
export class OrderingResolver {
  @Authorized()
  @Mutation(() => CheckoutResult, {
    description: 'Places one order per seller in your cart, paid cash on delivery.',
  })
  @Transaction()
  checkout(@Arg('input', () => CheckoutInput) input: CheckoutInput, @Ctx() ctx: Context) {
    return ctx.services.ordering.checkout(ctx, requireViewer(ctx), input);
  }

  @Authorized()
  @Query(() => OrderConnection, { description: 'Your orders, newest first.' })
  myOrders(@Args(() => OrdersArgs) args: OrdersArgs, @Ctx() ctx: Context) {
    return ctx.services.ordering.myOrders(ctx, requireViewer(ctx), args);
  }

  @Query(() => Order, {
    nullable: true,
    description:
      "Your order, your shop's order, or any for platform admins; null otherwise (as if missing).",
  })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.ordering.order(ctx, ctx.viewer, id);
  }

  @Authorized(Role.SELLER_STAFF)
  @Query(() => OrderConnection, { description: "Your shop's orders, newest first." })
  sellerOrders(@Args(() => SellerOrdersArgs) args: SellerOrdersArgs, @Ctx() ctx: Context) {
    return ctx.services.ordering.sellerOrders(ctx, requireViewer(ctx), args);
  }

  @Authorized()
  @Mutation(() => OrderResult, {
    description: 'By the consumer who placed it or by the seller, before it ships; frees stock.',
  })
  @Transaction()
  cancelOrder(@Arg('input', () => CancelOrderInput) input: CancelOrderInput, @Ctx() ctx: Context) {
    return ctx.services.ordering.cancelOrder(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => OrderResult)
  @Transaction()
  confirmOrder(@Arg('input', () => OrderActionInput) input: OrderActionInput, @Ctx() ctx: Context) {
    return ctx.services.ordering.confirmOrder(ctx, requireViewer(ctx), input.orderId);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => OrderResult, { description: 'Hands the order to a carrier; stock leaves.' })
  @Transaction()
  shipOrder(@Arg('input', () => ShipOrderInput) input: ShipOrderInput, @Ctx() ctx: Context) {
    return ctx.services.ordering.shipOrder(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => OrderResult, { description: 'Delivered; the courier collected the total.' })
  @Transaction()
  recordDelivery(
    @Arg('input', () => RecordDeliveryInput) input: RecordDeliveryInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.ordering.recordDelivery(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => OrderResult, { description: 'The consumer refused the parcel at the door.' })
  @Transaction()
  recordRefusal(
    @Arg('input', () => RecordRefusalInput) input: RecordRefusalInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.ordering.recordRefusal(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => OrderResult, { description: 'The refused parcel is back; stock restored.' })
  @Transaction()
  receiveReturn(
    @Arg('input', () => OrderActionInput) input: OrderActionInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.ordering.receiveReturn(ctx, requireViewer(ctx), input.orderId);
  }
}

@Resolver(() => Order)
export class OrderFieldsResolver {
  @FieldResolver(() => Seller)
  async seller(@Root() order: Order, @Ctx() ctx: Context): Promise<Seller> {
    return (await ctx.loaders.identity.seller.load(order.sellerId)) as Seller;
  }

  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderLine[]> {
    return ctx.loaders.ordering.linesOfOrder.load(order.id);
  }

  @FieldResolver(() => Payment)
  async payment(@Root() order: Order, @Ctx() ctx: Context): Promise<Payment> {
    return (await ctx.loaders.ordering.paymentOfOrder.load(order.id)) as Payment;
  }

  @FieldResolver(() => [OrderEvent], { description: 'Every transition, oldest first.' })
  async timeline(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderEvent[]> {
    const events = await ctx.loaders.ordering.timelineOfOrder.load(order.id);
    return events.map((e) => {
      const event = new OrderEvent();
      event.status = e.toState as OrderStatus;
      event.from = e.fromState as OrderStatus | null;
      event.at = e.createdAt;
      event.actor = (e.data?.actor as OrderActor | undefined) ?? OrderActor.SYSTEM;
      event.note = typeof e.data?.note === 'string' ? e.data.note : '';
      return event;
    });
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may cancel it now.' })
  canCancel(@Root() order: Order, @Ctx() ctx: Context): boolean {
    return ctx.services.ordering.canCancel(ctx.viewer, order);
  }
}

@Resolver(() => OrderLine)
export class OrderLineFieldsResolver {
  @FieldResolver(() => Product)
  async product(@Root() line: OrderLine, @Ctx() ctx: Context): Promise<Product> {
    return (await ctx.loaders.catalog.product.load(line.productId)) as Product;
  }

  @FieldResolver(() => Variant)
  async variant(@Root() line: OrderLine, @Ctx() ctx: Context): Promise<Variant> {
    return (await ctx.loaders.catalog.variant.load(line.variantId)) as Variant;
  }
}
