import { In } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { InvalidStateError, NotFoundError } from '../../api/errors.js';
import { RetryTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { isUniqueViolation } from '../../db/errors.js';
import { forUpdate } from '../../db/locks.js';
import type { AuditService } from '../audit/audit.service.js';
import { Seller } from '../identity/seller.entity.js';
import { Order } from '../ordering/order.entity.js';
import { OrderStatus } from '../ordering/order-status.js';
import { CashRemittance, Payment, PaymentStatus, RemittanceStatus } from './payment.entity.js';
import type {
  ReconcileCashRemittanceInput,
  ResolveCashRemittanceInput,
  SetSellerCodFeeInput,
} from './payment.types.js';

/** How many remittances `cashRemittances` lists. */
const REMITTANCE_LIST_LIMIT = 100;

/**
 * Payments of consumer orders. Cash on delivery: due at placement, collected at the door
 * (recorded with the delivery), then reconciled when the courier remits a batch to the seller.
 */
export class PaymentService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Records a courier's remittance for delivered orders. A matching amount reconciles their
   * payments; a short or excess one is kept and flagged (the payments become DISPUTED), never
   * silently accepted. The reference is the idempotency key: recording the same reference for
   * the same orders again answers the first remittance and writes nothing.
   */
  async reconcile(ctx: Context, viewer: Viewer, input: ReconcileCashRemittanceInput) {
    const sellerId = viewer.sellerId as number;
    const reference = input.reference.trim();
    const orderIds = [...new Set(input.orderIds.map(parseId))];
    if (orderIds.some((id) => id === null)) return new NotFoundError('Order');
    const ids = (orderIds as number[]).sort((a, b) => a - b);

    const earlier = await ctx.em.findOneBy(CashRemittance, { sellerId, reference });
    if (earlier) {
      const covered = await ctx.em.find(Payment, {
        select: { orderId: true },
        where: { remittanceId: earlier.id },
      });
      const same = covered.length === ids.length && covered.every((p) => ids.includes(p.orderId));
      return same
        ? earlier
        : new InvalidStateError(`Reference ${reference} was already used for other orders`);
    }

    const orders = await ctx.em.findBy(Order, { id: In(ids), sellerId });
    if (orders.length !== ids.length) return new NotFoundError('Order');
    const payments = await ctx.em.find(Payment, {
      where: { orderId: In(ids) },
      order: { orderId: 'ASC' },
      ...forUpdate(ctx.em),
    });
    const numberOf = new Map(orders.map((o) => [o.id, o.number]));
    const notCollected = orders.filter(
      (o) =>
        o.status !== OrderStatus.DELIVERED ||
        payments.find((p) => p.orderId === o.id)?.status !== PaymentStatus.COLLECTED,
    );
    if (notCollected.length) {
      return new InvalidStateError(
        `Not delivered with cash waiting to be remitted: ${notCollected.map((o) => o.number).join(', ')}`,
      );
    }
    const currencies = new Set(payments.map((p) => p.currency));
    if (currencies.size > 1) {
      return new InvalidStateError('A remittance covers orders of one currency only');
    }
    const expected = payments.reduce((n, p) => n + (p.collectedAmount ?? 0), 0);
    const status =
      input.amount === expected
        ? RemittanceStatus.MATCHED
        : input.amount < expected
          ? RemittanceStatus.SHORT
          : RemittanceStatus.EXCESS;

    let remittance: CashRemittance;
    try {
      remittance = await ctx.em.save(
        ctx.em.create(CashRemittance, {
          sellerId,
          reference,
          currency: payments[0]!.currency,
          receivedAmount: input.amount,
          expectedAmount: expected,
          status,
          note: input.note?.trim() ?? '',
          actorUserId: viewer.user.id,
          createdAt: ctx.now(),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new RetryTransaction('remittance reference taken');
      throw error;
    }
    const matched = status === RemittanceStatus.MATCHED;
    const updated = await ctx.em.update(
      Payment,
      { orderId: In(ids), status: PaymentStatus.COLLECTED },
      {
        status: matched ? PaymentStatus.RECONCILED : PaymentStatus.DISPUTED,
        reconciledAt: matched ? ctx.now() : null,
        remittanceId: remittance.id,
      },
    );
    if (updated.affected !== ids.length) {
      throw new RetryTransaction('payments remitted meanwhile');
    }
    await this.audit.record(
      ctx,
      viewer,
      'cash_remittance',
      remittance.id,
      'remittance.recorded',
      null,
      status,
      { reference, orders: ids.map((id) => numberOf.get(id)), expected, received: input.amount },
    );
    return remittance;
  }

  /**
   * Closes a short or excess remittance: the difference was settled afterwards or written off.
   * Its payments become RECONCILED. Resolving twice answers InvalidStateError.
   */
  async resolve(ctx: Context, viewer: Viewer, input: ResolveCashRemittanceInput) {
    const id = parseId(input.remittanceId);
    const remittance = id
      ? await ctx.em.findOne(CashRemittance, {
          where: { id, sellerId: viewer.sellerId as number },
          ...forUpdate(ctx.em),
        })
      : null;
    if (!remittance) return new NotFoundError('Remittance');
    if (remittance.status === RemittanceStatus.MATCHED || remittance.resolution !== null) {
      return new InvalidStateError(
        `Remittance ${remittance.reference} has nothing left to resolve`,
      );
    }
    const now = ctx.now();
    const note = input.note.trim();
    await ctx.em.update(
      CashRemittance,
      { id: remittance.id },
      { resolution: input.resolution, resolutionNote: note, resolvedAt: now },
    );
    await ctx.em.update(
      Payment,
      { remittanceId: remittance.id, status: PaymentStatus.DISPUTED },
      { status: PaymentStatus.RECONCILED, reconciledAt: now },
    );
    await this.audit.record(
      ctx,
      viewer,
      'cash_remittance',
      remittance.id,
      'remittance.resolved',
      remittance.status,
      input.resolution,
      { note, difference: remittance.receivedAmount - remittance.expectedAmount },
    );
    return ctx.em.findOneByOrFail(CashRemittance, { id: remittance.id });
  }

  remittances(ctx: Context, viewer: Viewer): Promise<CashRemittance[]> {
    return ctx.em.find(CashRemittance, {
      where: { sellerId: viewer.sellerId as number },
      order: { id: 'DESC' },
      take: REMITTANCE_LIST_LIMIT,
    });
  }

  /** Seller staff set their own shop's fee; platform admins any shop's. */
  async setSellerCodFee(ctx: Context, viewer: Viewer, input: SetSellerCodFeeInput) {
    const sellerId = parseId(input.sellerId);
    const mayManage = viewer.user.isPlatformAdmin || viewer.sellerId === sellerId;
    const seller = sellerId && mayManage ? await ctx.em.findOneBy(Seller, { id: sellerId }) : null;
    if (!seller) return new NotFoundError('Seller');
    const fee = input.fee ?? null;
    await ctx.em.update(Seller, { id: seller.id }, { codFeeAmount: fee });
    await this.audit.record(ctx, viewer, 'seller', seller.id, 'seller.cod_fee_set', null, null, {
      from: seller.codFeeAmount,
      to: fee,
    });
    seller.codFeeAmount = fee;
    return seller;
  }
}
