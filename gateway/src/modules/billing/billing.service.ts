import { IsNull, Not } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { AlreadyExistsError, NotFoundError } from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { RetryTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { isUniqueViolation } from '../../db/errors.js';
import { forUpdate } from '../../db/locks.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Contract } from '../contracts/contract.entity.js';
import { partyScope } from '../identity/party-scope.js';
import { PaymentTermsKind } from '../quoting/payment-terms.js';
import { ContractMilestone, ContractPayment, MilestoneStatus } from './billing.entity.js';
import { OverpaymentError, type RecordContractPaymentInput } from './billing.types.js';
import { dueAt, splitInstallments, type MilestoneTrigger } from './installments.js';

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

  /** Installments the viewer's companies owe, or their seller is owed, that are due or overdue. */
  async due(ctx: Context, viewer: Viewer, overdueOnly: boolean): Promise<ContractMilestone[]> {
    const where = partyScope(viewer, { dueAt: Not(IsNull()) });
    if (where.length === 0) return [];
    const now = ctx.now();
    const milestones = await ctx.em.find(ContractMilestone, { where, order: { dueAt: 'ASC' } });
    return milestones.filter((m) => {
      const status = m.statusAt(now);
      return overdueOnly
        ? status === MilestoneStatus.OVERDUE
        : status !== MilestoneStatus.PAID && status !== MilestoneStatus.SCHEDULED;
    });
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
