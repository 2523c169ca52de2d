import { randomInt } from 'node:crypto';
import { In, LessThanOrEqual, type SelectQueryBuilder } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { InvalidStateError, NotFoundError } from '../../api/errors.js';
import { decodeCursor, toPage } from '../../api/pagination.js';
import { inTransaction, RetryTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import type { Config } from '../../config/config.js';
import { isUniqueViolation } from '../../db/errors.js';
import { hydrate, selectColumns, sqlNames } from '../../db/find-in.js';
import { insertRows, insertRowsReturningIds } from '../../db/insert-rows.js';
import { forUpdate, locksRows } from '../../db/locks.js';
import type { AuditService } from '../audit/audit.service.js';
import { Cart, CartLine } from '../cart/cart.entity.js';
import { availableToBuy } from '../cart/cart.service.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { Product } from '../catalog/product.entity.js';
import { Variant } from '../catalog/variant.entity.js';
import { Seller } from '../identity/seller.entity.js';
import type { CashOnDeliveryRules } from '../payment/cash-on-delivery.js';
import { Payment, PaymentStatus } from '../payment/payment.entity.js';
import { validateAddress } from './address.js';
import { Checkout, Order, OrderLine } from './order.entity.js';
import { OrderStatus, orderLifecycle, stockEffectOf } from './order-status.js';
import {
  CashOnDeliveryNotAvailableError,
  CheckoutSuccess,
  CollectedAmountMismatchError,
  EmptyCartError,
  InvalidAddressError,
  OrderActor,
  OrderConnection,
  OutOfStockError,
  OutOfStockLine,
  type CancelOrderInput,
  type CheckoutInput,
  type OrdersArgs,
  type RecordDeliveryInput,
  type RecordRefusalInput,
  type SellerOrdersArgs,
  type ShipOrderInput,
} from './ordering.types.js';

const NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `MG261128-7K3P9Q2X`: the day, then 40 random bits (Crockford base 32), easy to read aloud. */
export function newOrderNumber(now: Date): string {
  const day = now.toISOString().slice(2, 10).replaceAll('-', '');
  // randomInt draws from a pooled buffer; randomBytes would ask the kernel on every order
  // (about 5 µs here, and 30 µs per checkout under load).
  let bits = randomInt(2 ** 40);
  let suffix = '';
  for (let i = 0; i < 8; i++, bits = Math.floor(bits / 32)) suffix += NUMBER_ALPHABET[bits % 32];
  return `MG${day}-${suffix}`;
}

interface Sellable {
  line: CartLine;
  variant: Variant;
  product: Product;
}

/** Who moves an order: a signed-in consumer or seller staff member, or the system (expiry). */
interface Mover {
  viewer: Viewer | null;
  actor: OrderActor;
}

/**
 * Consumer orders: checkout (one order per seller, stock reserved atomically, idempotent) and
 * the order lifecycle with its stock and payment effects. Every transition is a conditional
 * UPDATE on the status the order was read in, so two concurrent moves cannot both win, and is
 * kept in the audit log, which is the order's timeline.
 */
export class OrderingService {
  constructor(
    private readonly config: Config,
    private readonly cod: CashOnDeliveryRules,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  async checkout(ctx: Context, viewer: Viewer, input: CheckoutInput) {
    const userId = viewer.user.id;
    const checked = validateAddress(input.shippingAddress, 'shippingAddress');
    if ('problems' in checked) return new InvalidAddressError(checked.problems);
    const address = checked.address;

    // Claim the key first. Taken already: this is a replay, answered from what the first
    // request placed. A parallel request with the same key waits here on the unique index until
    // the first one ends, then replays its orders (or, if it rolled back, claims the key).
    let checkoutId: number;
    try {
      [checkoutId] = (await insertRowsReturningIds(ctx.em, Checkout, [
        { userId, idempotencyKey: input.idempotencyKey },
      ])) as [number];
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const replay = await this.replay(ctx, userId, input.idempotencyKey);
      if (!replay) throw new RetryTransaction('idempotency key claimed');
      return replay;
    }

    const { cart, lines } = await this.lockedCart(ctx, userId);
    if (!cart || lines.length === 0) return new EmptyCartError();
    const { variants, products, sellers } = await this.sellables(
      ctx,
      lines.map((l) => l.variantId),
    );

    // Checked against what was read: sold-out and off-sale lines fail before anything is
    // written. The conditional reservation below is what holds under concurrency.
    const short: OutOfStockLine[] = [];
    const groups = new Map<number, { seller: Seller; lines: Sellable[] }>();
    for (const line of lines) {
      const variant = variants.get(line.variantId);
      if (!variant) continue;
      const product = products.get(variant.productId) ?? null;
      const seller = product ? sellers.get(product.sellerId) : undefined;
      const available = availableToBuy(variant, product, seller ?? null);
      if (!product || !seller || available < line.quantity) {
        short.push(outOfStockLine(variant, line.quantity, available));
        continue;
      }
      const group = groups.get(seller.id) ?? { seller, lines: [] };
      group.lines.push({ line, variant, product });
      groups.set(seller.id, group);
    }
    if (short.length) return new OutOfStockError(short);

    // Placed as of the request's clock, which segments' time windows read too.
    const now = ctx.now();
    const orders: Order[] = [];
    for (const { seller, lines: own } of groups.values()) {
      const currency = own[0]!.variant.currency;
      const itemsAmount = own.reduce((n, l) => n + l.variant.listPriceAmount * l.line.quantity, 0);
      const codFeeAmount = this.cod.fee(seller.codFeeAmount);
      const totalAmount = itemsAmount + codFeeAmount;
      const reason = this.cod.unavailableReason(address.province, totalAmount, currency);
      if (reason) return new CashOnDeliveryNotAvailableError(reason, seller);
      orders.push(
        ctx.em.create(Order, {
          number: newOrderNumber(now),
          checkoutId,
          userId,
          sellerId: seller.id,
          status: OrderStatus.PLACED,
          paymentMethod: input.paymentMethod,
          currency,
          itemsAmount,
          codFeeAmount,
          totalAmount,
          shippingAddress: address,
          carrier: null,
          trackingNumber: null,
          confirmBy: new Date(now.getTime() + this.config.orderConfirmTimeoutSeconds * 1000),
          createdAt: now,
          updatedAt: now,
        }),
      );
    }

    const ids = await insertRowsReturningIds(ctx.em, Order, orders);
    orders.forEach((o, i) => (o.id = ids[i]!));
    const ordered = [...groups.values()];
    await insertRows(
      ctx.em,
      OrderLine,
      ordered.flatMap(({ lines: own }, i) =>
        own.map(({ line, variant, product }) => ({
          orderId: orders[i]!.id,
          productId: product.id,
          variantId: variant.id,
          sku: variant.sku,
          productName: product.name,
          variantName: variant.name,
          currency: variant.currency,
          unitAmount: variant.listPriceAmount,
          quantity: line.quantity,
        })),
      ),
    );
    await insertRows(
      ctx.em,
      Payment,
      orders.map((o) => ({
        orderId: o.id,
        method: o.paymentMethod,
        status: PaymentStatus.PENDING,
        currency: o.currency,
        dueAmount: o.totalAmount,
        collectedAmount: null,
        collectedAt: null,
        reconciledAt: null,
        remittanceId: null,
      })),
    );
    await this.audit.recordAll(
      ctx,
      viewer,
      orders.map((o) => ({
        entityType: 'order',
        entityId: o.id,
        action: 'order.placed',
        toState: OrderStatus.PLACED,
        data: { actor: OrderActor.CONSUMER, note: '' },
      })),
    );
    const q = sqlNames(ctx.em);
    await ctx.em.query(
      `DELETE FROM ${q('cart_line')} WHERE ${q('id')} IN (${lines.map(() => '?').join(', ')})`,
      lines.map((l) => l.id),
    );

    // Reserve last, in variant order: the rows every buyer of a hot item waits on stay locked
    // only from here to the commit (on MariaDB, committed in the same statement when every line
    // keeps a unit), and always in the same order (no deadlock between carts).
    const wanted = lines
      .map((l) => ({ variant: variants.get(l.variantId)!, quantity: l.quantity }))
      .sort((a, b) => a.variant.id - b.variant.id);
    const reserved = await this.catalog.reserveCheckoutStock(
      ctx,
      wanted.map((w) => ({ variantId: w.variant.id, quantity: w.quantity })),
    );
    if (reserved.committed) return new CheckoutSuccess(orders, false);
    const unreserved = wanted.filter((_, i) => reserved.outcomes[i] === 'short');
    const emptied = wanted
      .filter((_, i) => reserved.outcomes[i] === 'emptied')
      .map((w) => w.variant.productId);
    if (unreserved.length) {
      const current = await ctx.em.find(Variant, {
        where: { id: In(unreserved.map((u) => u.variant.id)) },
        ...forUpdate(ctx.em),
      });
      const byId = new Map(current.map((v) => [v.id, v]));
      return new OutOfStockError(
        unreserved.map((s) => {
          const v = byId.get(s.variant.id) ?? s.variant;
          return outOfStockLine(v, s.quantity, Math.max(0, v.stockOnHand - v.stockReserved));
        }),
      );
    }
    // Only a variant this checkout sold out can change its product's "in stock" flag.
    await this.catalog.refreshStockFlags(ctx, emptied);
    return new CheckoutSuccess(orders, false);
  }

  /**
   * The viewer's cart and its lines in one statement, locked (MySQL) until the checkout ends, so
   * a second checkout of the same cart waits and then finds it empty. Checkout reads by hand:
   * TypeORM's finders cost more than the statements on this hot path (see db/find-in.ts).
   */
  private async lockedCart(ctx: Context, userId: number) {
    const q = sqlNames(ctx.em);
    const rows = (await ctx.em.query(
      `SELECT ${selectColumns(ctx.em, Cart, 'c')}, ${selectColumns(ctx.em, CartLine, 'l')} ` +
        `FROM ${q('cart')} ${q('c')} LEFT JOIN ${q('cart_line')} ${q('l')} ` +
        `ON ${q('l.cartId')} = ${q('c.id')} WHERE ${q('c.userId')} = ? ` +
        `ORDER BY ${q('l.id')}${locksRows(ctx.em) ? ' FOR UPDATE' : ''}`,
      [userId],
    )) as Record<string, unknown>[];
    const [cart] = hydrate(ctx.em, Cart, rows.slice(0, 1), 'c');
    const lines = hydrate(
      ctx.em,
      CartLine,
      rows.filter((r) => r.l_id !== null),
      'l',
    );
    return { cart, lines };
  }

  /** Variants with their products and sellers, in one statement. */
  private async sellables(ctx: Context, variantIds: number[]) {
    const q = sqlNames(ctx.em);
    const rows = (await ctx.em.query(
      `SELECT ${selectColumns(ctx.em, Variant, 'v')}, ${selectColumns(ctx.em, Product, 'p')}, ` +
        `${selectColumns(ctx.em, Seller, 's')} FROM ${q('variant')} ${q('v')} ` +
        `INNER JOIN ${q('product')} ${q('p')} ON ${q('p.id')} = ${q('v.productId')} ` +
        `INNER JOIN ${q('seller')} ${q('s')} ON ${q('s.id')} = ${q('p.sellerId')} ` +
        `WHERE ${q('v.id')} IN (${variantIds.map(() => '?').join(', ')})`,
      variantIds,
    )) as Record<string, unknown>[];
    const byId = <T extends { id: number }>(entities: T[]) =>
      new Map(entities.map((e) => [e.id, e]));
    return {
      variants: byId(hydrate(ctx.em, Variant, rows, 'v')),
      products: byId(hydrate(ctx.em, Product, rows, 'p')),
      sellers: byId(hydrate(ctx.em, Seller, rows, 's')),
    };
  }

  /** The viewer's orders, newest first. */
  async myOrders(ctx: Context, viewer: Viewer, args: OrdersArgs) {
    const qb = ctx.em
      .createQueryBuilder(Order, 'o')
      .where('o.userId = :userId', { userId: viewer.user.id });
    return this.page(qb, args);
  }

  /** The viewer's shop's orders, newest first, filtered. */
  async sellerOrders(ctx: Context, viewer: Viewer, args: SellerOrdersArgs) {
    const qb = ctx.em
      .createQueryBuilder(Order, 'o')
      .where('o.sellerId = :sellerId', { sellerId: viewer.sellerId });
    const filter = args.filter;
    if (filter?.status?.length)
      qb.andWhere('o.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.paymentStatus?.length) {
      qb.andWhere(
        'o.id IN (SELECT p.orderId FROM payment p WHERE p.status IN (:...paymentStatuses))',
        { paymentStatuses: filter.paymentStatus },
      );
    }
    const search = filter?.search?.trim();
    if (search) {
      qb.andWhere('(o.number = :search OR o.shippingAddress.phone = :phone)', {
        search: search.toUpperCase(),
        phone: search.replace(/[\s-]/g, ''),
      });
    }
    if (filter?.placedFrom)
      qb.andWhere('o.createdAt >= :placedFrom', { placedFrom: filter.placedFrom });
    if (filter?.placedBefore) {
      qb.andWhere('o.createdAt < :placedBefore', { placedBefore: filter.placedBefore });
    }
    return this.page(qb, args);
  }

  private async page(qb: SelectQueryBuilder<Order>, args: OrdersArgs): Promise<OrderConnection> {
    const counted = qb.clone();
    if (args.after) {
      const [id] = decodeCursor(args.after, 1);
      qb.andWhere('o.id < :afterId', { afterId: id });
    }
    const rows = await qb
      .orderBy('o.id', 'DESC')
      .take(args.first + 1)
      .getMany();
    const connection = new OrderConnection();
    Object.assign(
      connection,
      toPage(rows, args.first, args.after, (o) => [o.id]),
    );
    connection.count = () => counted.getCount();
    return connection;
  }

  /** An order the viewer bought, sells or (platform admins) any; null for everything else. */
  async order(ctx: Context, viewer: Viewer | null, id: string): Promise<Order | null> {
    const orderId = parseId(id);
    const order = orderId && viewer ? await ctx.em.findOneBy(Order, { id: orderId }) : null;
    if (!order || !viewer) return null;
    const mayRead =
      order.userId === viewer.user.id ||
      order.sellerId === viewer.sellerId ||
      viewer.user.isPlatformAdmin;
    return mayRead ? order : null;
  }

  /** Whether the viewer may cancel the order now. */
  canCancel(viewer: Viewer | null, order: Order): boolean {
    const involved = order.userId === viewer?.user.id || order.sellerId === viewer?.sellerId;
    return involved && orderLifecycle.canTransition(order.status, OrderStatus.CANCELLED);
  }

  /** The consumer who placed the order, or the seller's staff, before it ships. */
  async cancelOrder(ctx: Context, viewer: Viewer, input: CancelOrderInput) {
    const order = await this.order(ctx, viewer, input.orderId);
    const actor =
      order?.userId === viewer.user.id
        ? OrderActor.CONSUMER
        : order?.sellerId === viewer.sellerId
          ? OrderActor.SELLER
          : null;
    if (!order || !actor) return new NotFoundError('Order');
    return this.transition(ctx, { viewer, actor }, order, OrderStatus.CANCELLED, {
      note: input.reason?.trim() ?? '',
    });
  }

  async confirmOrder(ctx: Context, viewer: Viewer, orderId: string) {
    const order = await this.sellersOrder(ctx, viewer, orderId);
    if (!order) return new NotFoundError('Order');
    return this.transition(ctx, this.seller(viewer), order, OrderStatus.CONFIRMED, {});
  }

  async shipOrder(ctx: Context, viewer: Viewer, input: ShipOrderInput) {
    const order = await this.sellersOrder(ctx, viewer, input.orderId);
    if (!order) return new NotFoundError('Order');
    const carrier = input.carrier.trim();
    return this.transition(ctx, this.seller(viewer), order, OrderStatus.SHIPPED, {
      patch: { carrier, trackingNumber: input.trackingNumber },
      note: `${carrier} ${input.trackingNumber}`,
    });
  }

  /** The courier handed over the goods and collected the order total in cash. */
  async recordDelivery(ctx: Context, viewer: Viewer, input: RecordDeliveryInput) {
    const order = await this.sellersOrder(ctx, viewer, input.orderId);
    if (!order) return new NotFoundError('Order');
    if (order.status === OrderStatus.SHIPPED && input.amountCollected !== order.totalAmount) {
      return new CollectedAmountMismatchError(order.total);
    }
    return this.transition(ctx, this.seller(viewer), order, OrderStatus.DELIVERED, {
      collected: input.amountCollected,
    });
  }

  async recordRefusal(ctx: Context, viewer: Viewer, input: RecordRefusalInput) {
    const order = await this.sellersOrder(ctx, viewer, input.orderId);
    if (!order) return new NotFoundError('Order');
    return this.transition(ctx, this.seller(viewer), order, OrderStatus.REFUSED, {
      note: input.reason?.trim() ?? '',
    });
  }

  async receiveReturn(ctx: Context, viewer: Viewer, orderId: string) {
    const order = await this.sellersOrder(ctx, viewer, orderId);
    if (!order) return new NotFoundError('Order');
    return this.transition(ctx, this.seller(viewer), order, OrderStatus.RETURNED, {});
  }

  /**
   * Expires orders left unconfirmed past their deadline, each in its own transaction, and
   * frees their stock. Safe to run from every gateway process at once: an order another
   * process expired first fails the conditional update here and is skipped.
   */
  async expireOverdue(ctx: Context, now = new Date(), batch = 100): Promise<number> {
    const overdue = await ctx.em.find(Order, {
      where: { status: OrderStatus.PLACED, confirmBy: LessThanOrEqual(now) },
      order: { confirmBy: 'ASC' },
      take: batch,
    });
    let expired = 0;
    for (const order of overdue) {
      const result = await inTransaction(ctx, () =>
        this.transition(
          ctx,
          { viewer: null, actor: OrderActor.SYSTEM },
          order,
          OrderStatus.EXPIRED,
          {
            note: 'Not confirmed in time',
          },
        ),
      );
      if (result instanceof Order) expired++;
    }
    return expired;
  }

  private seller(viewer: Viewer): Mover {
    return { viewer, actor: OrderActor.SELLER };
  }

  private async sellersOrder(ctx: Context, viewer: Viewer, id: string): Promise<Order | null> {
    const orderId = parseId(id);
    const order = orderId ? await ctx.em.findOneBy(Order, { id: orderId }) : null;
    return order && viewer.sellerId !== null && order.sellerId === viewer.sellerId ? order : null;
  }

  /**
   * Moves `order` to `to` if the lifecycle allows it and nobody moved it meanwhile, then
   * applies what the move means for stock and payment and records it on the timeline.
   */
  private async transition(
    ctx: Context,
    mover: Mover,
    order: Order,
    to: OrderStatus,
    options: { patch?: Partial<Order>; note?: string; collected?: number },
  ): Promise<Order | InvalidStateError> {
    const from = order.status;
    if (!orderLifecycle.canTransition(from, to)) {
      return new InvalidStateError(
        `Order ${order.number} is ${from.toLowerCase()} and cannot become ${to.toLowerCase()}`,
      );
    }
    const moved = await ctx.em
      .createQueryBuilder()
      .update(Order)
      .set({ ...options.patch, status: to, confirmBy: null })
      .where('id = :id AND status = :from', { id: order.id, from })
      .execute();
    if (!moved.affected) {
      return new InvalidStateError(`Order ${order.number} changed meanwhile; reload it`);
    }
    await this.moveStock(ctx, mover, order, to);
    await this.settlePayment(ctx, order, to, options.collected);
    await this.audit.record(
      ctx,
      mover.viewer,
      'order',
      order.id,
      `order.${to.toLowerCase()}`,
      from,
      to,
      {
        actor: mover.actor,
        note: options.note ?? '',
      },
    );
    return ctx.em.findOneByOrFail(Order, { id: order.id });
  }

  private async moveStock(ctx: Context, mover: Mover, order: Order, to: OrderStatus) {
    const effect = stockEffectOf(to);
    if (!effect) return;
    const lines = await ctx.em.find(OrderLine, { where: { orderId: order.id } });
    await this.catalog.moveReservedStock(
      ctx,
      effect,
      lines,
      `Order ${order.number}`,
      mover.viewer?.user.id ?? null,
    );
  }

  private async settlePayment(ctx: Context, order: Order, to: OrderStatus, collected?: number) {
    if (to === OrderStatus.DELIVERED) {
      await ctx.em.update(
        Payment,
        { orderId: order.id, status: PaymentStatus.PENDING },
        { status: PaymentStatus.COLLECTED, collectedAmount: collected, collectedAt: ctx.now() },
      );
    } else if (
      to === OrderStatus.CANCELLED ||
      to === OrderStatus.EXPIRED ||
      to === OrderStatus.REFUSED
    ) {
      await ctx.em.update(
        Payment,
        { orderId: order.id, status: PaymentStatus.PENDING },
        { status: PaymentStatus.VOIDED },
      );
    }
  }

  private async replay(ctx: Context, userId: number, key: string) {
    const done = await ctx.em.findOneBy(Checkout, { userId, idempotencyKey: key });
    if (!done) return null;
    const orders = await ctx.em.find(Order, {
      where: { checkoutId: done.id },
      order: { id: 'ASC' },
    });
    return new CheckoutSuccess(orders, true);
  }
}

function outOfStockLine(variant: Variant, requested: number, available: number): OutOfStockLine {
  const line = new OutOfStockLine();
  line.variant = variant;
  line.sku = variant.sku;
  line.requested = requested;
  line.available = available;
  return line;
}
