import DataLoader from 'dataloader';
import { In, IsNull, Not } from 'typeorm';
import type { Context } from '../../api/context.js';
import { byKey, groupByKey } from '../../common/batch.js';
import { findIn } from '../../db/find-in.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Payment } from '../payment/payment.entity.js';
import { Order, OrderLine } from './order.entity.js';

export function createOrderingLoaders(ctx: Context) {
  return {
    linesOfOrder: new DataLoader<number, OrderLine[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, OrderLine, 'orderId', ids, [['id', 'ASC']]),
        (l) => l.orderId,
      ),
    ),
    paymentOfOrder: new DataLoader<number, Payment | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Payment, 'orderId', ids), (p) => p.orderId),
    ),
    /** The transitions of each order, oldest first: the audit log is the timeline. */
    timelineOfOrder: new DataLoader<number, AuditEvent[]>(async (ids) =>
      groupByKey(
        ids,
        await ctx.em.find(AuditEvent, {
          where: { entityType: 'order', entityId: In([...ids]), toState: Not(IsNull()) },
          order: { id: 'ASC' },
        }),
        (e) => e.entityId,
      ),
    ),
    ordersOfRemittance: new DataLoader<number, Order[]>(async (ids) => {
      const payments = await ctx.em.find(Payment, {
        select: { orderId: true, remittanceId: true },
        where: { remittanceId: In([...ids]) },
      });
      const orders = await findIn(
        ctx.em,
        Order,
        'id',
        payments.map((p) => p.orderId),
        [['id', 'ASC']],
      );
      const remittanceOf = new Map(payments.map((p) => [p.orderId, p.remittanceId as number]));
      return groupByKey(ids, orders, (o) => remittanceOf.get(o.id) as number);
    }),
  };
}
