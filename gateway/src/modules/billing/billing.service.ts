import { IsNull, type SelectQueryBuilder } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { AlreadyExistsError, NotFoundError } from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { keysetPage, type Keyset } from '../../api/pagination.js';
import { RetryTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { isUniqueViolation } from '../../db/errors.js';
import { forUpdate } from '../../db/locks.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Contract } from '../contracts/contract.entity.js';
import { partyScopeWhere } from '../identity/party-scope.js';
import { PaymentTermsKind } from '../quoting/payment-terms.js';
import { ContractMilestone, ContractPayment } from './billing.entity.js';
import {
  DueMilestoneConnection,
  OverpaymentError,
  type DueMilestonesArgs,
  type DueTotals,
  type RecordContractPaymentInput,
} from './billing.types.js';
import { dueAt, splitInstallments, type MilestoneTrigger } from './installments.js';

/** SQL (alias `m`) of a bill due and unpaid that is past its due time, as of `:now`. */
const OVERDUE = 'm.dueAt < :now';

/**
 * What a contract's buyer owes and when: its installments, fixed at signing, falling due as
 * their triggers happen, and the payments the seller records against them.
 */
export class BillingService {
  constructor(private readonly audit: AuditService) {}

  /**
   * The installments of a contract that just became active: the schedule split exactly over the
   * total, those due on signing (or on a date) given their due time at once.
   */
  async schedule(ctx: Context, contract: Contract): Promise<void> {
    const terms = contract.paymentTerms;
    if (terms.kind !== PaymentTermsKind.INSTALLMENTS) return;
    const amounts = splitInstallments(contract.totalAmount, terms.milestones);
    const now = ctx.now();
    await ctx.em.insert(
      ContractMilestone,
      terms.milestones.map((m, position) => {
        const triggeredAt = m.trigger === 'ON_SIGNING' ? now : null;
        return {
          contractId: contract.id,
          companyId: contract.companyId,
          sellerId: contract.sellerId,
          position,
          label: m.label,
          amountDue: amounts[position] as number,
          amountPaid: 0,
          currency: contract.currency,
          trigger: m.trigger,
          dueDate: m.dueDate,
          netDays: m.netDays,
          triggeredAt,
          dueAt: dueAt(m, triggeredAt),
          paidAt: null,
        };
      }),
    );
  }

  /** Delivery or acceptance happened: the installments it triggers fall due `netDays` later. */
  async trigger(ctx: Context, contract: Contract, trigger: MilestoneTrigger): Promise<void> {
    const now = ctx.now();
    const milestones = await ctx.em.findBy(ContractMilestone, {
      contractId: contract.id,
      trigger,
      triggeredAt: IsNull(),
    });
    for (const m of milestones) {
      await ctx.em.update(
        ContractMilestone,
        { id: m.id },
        {
          triggeredAt: now,
          dueAt: dueAt({ ...m, percentBp: null, amount: m.amountDue }, now),
        },
      );
    }
  }

  milestones(ctx: Context, contractId: number): Promise<ContractMilestone[]> {
    return ctx.em.find(ContractMilestone, { where: { contractId }, order: { position: 'ASC' } });
  }

  payments(ctx: Context, contractId: number): Promise<ContractPayment[]> {
    return ctx.em.find(ContractPayment, { where: { contractId }, order: { id: 'ASC' } });
  }

  async allPaid(ctx: Context, contractId: number): Promise<boolean> {
    const milestones = await this.milestones(ctx, contractId);
    return milestones.every((m) => m.amountPaid >= m.amountDue);
  }

  /**
   * Installments and invoices the viewer's companies owe, or their shop is owed, that fell due
   * and are not paid in full (statuses DUE, PARTIALLY_PAID and OVERDUE, decided in SQL as
   * `statusAt` does), filtered and sorted in SQL, a page at a time, with their totals.
   */
  async due(
    ctx: Context,
    viewer: Viewer,
    args: DueMilestonesArgs,
  ): Promise<DueMilestoneConnection> {
    const { filter } = args;
    const now = ctx.now();
    const qb = ctx.em
      .createQueryBuilder(ContractMilestone, 'm')
      .where(partyScopeWhere(viewer, 'm'))
      .andWhere('m.dueAt IS NOT NULL AND m.amountPaid < m.amountDue');
    if (filter?.overdueOnly) qb.andWhere(OVERDUE, { now });
    if (filter?.companyId) {
      qb.andWhere('m.companyId = :companyId', { companyId: parseId(filter.companyId) ?? 0 });
    }
    if (filter?.contractId) {
      qb.andWhere('m.contractId = :contractId', { contractId: parseId(filter.contractId) ?? 0 });
    }
    const totalsQuery = qb
      .clone()
      .select('m.currency', 'currency')
      .addSelect('SUM(m.amountDue - m.amountPaid)', 'outstanding')
      .addSelect(`SUM(CASE WHEN ${OVERDUE} THEN m.amountDue - m.amountPaid ELSE 0 END)`, 'overdue')
      .addSelect(`SUM(CASE WHEN ${OVERDUE} THEN 1 ELSE 0 END)`, 'overdueCount')
      .setParameter('now', now)
      .groupBy('m.currency')
      .orderBy('m.currency', 'ASC');
    let totals: Promise<DueTotals> | undefined;
    const keyset: Keyset = {
      sql: args.sort.startsWith('DUE') ? 'm.dueAt' : 'm.amountDue - m.amountPaid',
      direction: args.sort.endsWith('ASC') ? 'ASC' : 'DESC',
    };
    return Object.assign(new DueMilestoneConnection(), await keysetPage(qb, 'm', keyset, args), {
      totals: () => (totals ??= this.totals(totalsQuery)),
    });
  }

  private async totals(query: SelectQueryBuilder<ContractMilestone>): Promise<DueTotals> {
    const rows = await query.getRawMany<{
      currency: string;
      outstanding: number | string;
      overdue: number | string;
      overdueCount: number | string;
    }>();
    return {
      outstanding: rows.map((r) => Money.of(Number(r.outstanding), r.currency)),
      overdue: rows
        .filter((r) => Number(r.overdue) > 0)
        .map((r) => Money.of(Number(r.overdue), r.currency)),
      overdueCount: rows.reduce((sum, r) => sum + Number(r.overdueCount), 0),
    };
  }

  /**
   * Records money received against an installment, by its seller's staff. A bank reference is
   * recorded once: sent again it answers the first payment. More than is outstanding is refused.
   */
  async pay(ctx: Context, viewer: Viewer, input: RecordContractPaymentInput) {
    const milestoneId = parseId(input.milestoneId);
    const milestone = milestoneId
      ? await ctx.em.findOne(ContractMilestone, {
          where: { id: milestoneId },
          ...forUpdate(ctx.em),
        })
      : null;
    if (!milestone || milestone.sellerId !== viewer.sellerId) return new NotFoundError('Milestone');
    const reference = input.reference.trim();
    const recorded = await ctx.em.findOneBy(ContractPayment, {
      sellerId: milestone.sellerId,
      reference,
    });
    if (recorded) {
      return recorded.milestoneId === milestone.id && recorded.amountReceived === input.amount
        ? recorded
        : new AlreadyExistsError(
            'reference',
            'This bank reference was recorded for another payment',
          );
    }
    const outstanding = milestone.amountDue - milestone.amountPaid;
    if (input.amount > outstanding) {
      return new OverpaymentError(Money.of(outstanding, milestone.currency));
    }
    const now = ctx.now();
    const before = milestone.statusAt(now);
    const paidInFull = input.amount === outstanding;
    const moved = await ctx.em
      .createQueryBuilder()
      .update(ContractMilestone)
      .set({
        amountPaid: () => 'amountPaid + :amount',
        ...(paidInFull ? { paidAt: now } : {}),
      })
      .where('id = :id AND amountPaid + :amount <= amountDue', {
        id: milestone.id,
        amount: input.amount,
      })
      .execute();
    if (!moved.affected) throw new RetryTransaction('milestone paid meanwhile');
    let payment: ContractPayment;
    try {
      payment = await ctx.em.save(
        ctx.em.create(ContractPayment, {
          sellerId: milestone.sellerId,
          companyId: milestone.companyId,
          contractId: milestone.contractId,
          milestoneId: milestone.id,
          amountReceived: input.amount,
          currency: milestone.currency,
          reference,
          recordedByUserId: viewer.user.id,
          createdAt: ctx.now(),
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new RetryTransaction('payment reference');
      throw error;
    }
    milestone.amountPaid += input.amount;
    await this.audit.record(
      ctx,
      viewer,
      'contract_milestone',
      milestone.id,
      'payment recorded',
      before,
      milestone.statusAt(now),
      { amount: input.amount, reference, contractId: milestone.contractId },
    );
    return payment;
  }
}
