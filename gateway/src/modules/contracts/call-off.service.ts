import type { Config } from '../../config/config.js';
import type { Context, Viewer } from '../../api/context.js';
import { badInput, forbidden, InvalidStateError, NotFoundError } from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { RetryTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { isUniqueViolation } from '../../db/errors.js';
import { insertRows } from '../../db/insert-rows.js';
import { forUpdate } from '../../db/locks.js';
import type { ApprovalRequest } from '../approval/approval.entity.js';
import type { ApprovalService } from '../approval/approval.service.js';
import { NoApproverError } from '../approval/approval.types.js';
import type { AuditService } from '../audit/audit.service.js';
import { ContractMilestone } from '../billing/billing.entity.js';
import { dueAt } from '../billing/installments.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { Company } from '../identity/company.entity.js';
import { partyScope } from '../identity/party-scope.js';
import { CallOff, CallOffLine, CallOffStatus, CreditLine } from './call-off.entity.js';
import {
  CommittedQuantityExceededError,
  CreditLimitExceededError,
  type PlaceCallOffInput,
  type SetCreditLimitInput,
} from './call-off.types.js';
import { Contract, ContractLine } from './contract.entity.js';
import { inForce, type ContractService } from './contract.service.js';

/**
 * Framework agreements in use: call-off orders at the agreed prices, drawn down from the
 * committed quantities, each invoiced with the agreement's net terms, within the credit line the
 * seller gives the company.
 */
export class CallOffService {
  constructor(
    private readonly config: Config,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly contracts: ContractService,
    private readonly approval: ApprovalService,
  ) {}

  /** The seller's staff set a company's credit line with their shop. */
  async setCreditLimit(ctx: Context, viewer: Viewer, input: SetCreditLimitInput) {
    const companyId = parseId(input.companyId);
    const sellerId = viewer.sellerId as number;
    if (!companyId || !(await ctx.em.existsBy(Company, { id: companyId }))) {
      return new NotFoundError('Company');
    }
    const existing = await ctx.em.findOne(CreditLine, {
      where: { sellerId, companyId },
      ...forUpdate(ctx.em),
    });
    const line =
      existing ??
      ctx.em.create(CreditLine, { sellerId, companyId, currency: this.config.platformCurrency });
    const before = existing?.limitAmount ?? null;
    line.limitAmount = input.limit;
    await ctx.em.save(line);
    await this.audit.record(ctx, viewer, 'credit_line', line.id, 'limit set', null, null, {
      companyId,
      from: before,
      to: input.limit,
    });
    return line;
  }

  /** Credit lines the viewer's companies hold, or their shop gives. */
  creditLines(ctx: Context, viewer: Viewer) {
    const where = partyScope(viewer, {});
    return where.length ? ctx.em.find(CreditLine, { where, order: { id: 'ASC' } }) : [];
  }

  /**
   * What the company owes the seller and has not paid (installments and call-off invoices), plus
   * the call-off orders waiting for its approval, which hold their credit meanwhile.
   */
  async exposure(ctx: Context, sellerId: number, companyId: number): Promise<number> {
    const row = (await ctx.em
      .createQueryBuilder(ContractMilestone, 'm')
      .select('COALESCE(SUM(m.amountDue - m.amountPaid), 0)', 'owed')
      .addSelect(
        '(SELECT COALESCE(SUM(o.totalAmount), 0) FROM call_off o WHERE o.sellerId = :sellerId ' +
          'AND o.companyId = :companyId AND o.status = :held)',
        'held',
      )
      .where('m.sellerId = :sellerId AND m.companyId = :companyId', {
        sellerId,
        companyId,
        held: CallOffStatus.PENDING_APPROVAL,
      })
      .getRawOne()) as { owed: number | string; held: number | string };
    return Number(row.owed) + Number(row.held);
  }

  /**
   * Places a call-off order under an active framework agreement. The agreement's row is locked
   * first and then the credit line's, so concurrent orders of one company take turns: of fifty
   * orders against a line with room for ten, ten pass and forty are refused.
   */
  async place(ctx: Context, viewer: Viewer, input: PlaceCallOffInput) {
    const contract = await this.contracts.contract(ctx, viewer, input.contractId, true);
    if (!contract) return new NotFoundError('Contract');
    const membership = viewer.memberships.find((m) => m.companyId === contract.companyId);
    if (!membership?.roles.includes('BUYER')) {
      throw forbidden('Only buyers of the company place call-off orders');
    }
    if (!inForce(contract, ctx.now().toISOString().slice(0, 10))) {
      return new InvalidStateError('Call-off orders go under a framework agreement in force');
    }

    // Every plain read comes after the locks: on MySQL/MariaDB the first one fixes the
    // transaction's snapshot (REPEATABLE READ), and exposure and invoice numbers read from an
    // older snapshot would let a concurrent order through.
    const key = input.idempotencyKey.trim();
    const placed = await ctx.em.findOneBy(CallOff, {
      contractId: contract.id,
      idempotencyKey: key,
    });
    if (placed) return placed;
    const lines = await ctx.em.findBy(ContractLine, { contractId: contract.id });
    const wanted = input.lines.map((l, i) => {
      const line = lines.find((cl) => cl.id === parseId(l.contractLineId));
      if (!line) throw badInput('Not a line of this contract', `input.lines.${i}.contractLineId`);
      return { line, quantity: l.quantity };
    });
    if (new Set(wanted.map((w) => w.line.id)).size !== wanted.length) {
      throw badInput('Each contract line once', 'input.lines');
    }
    for (const w of wanted) {
      if (w.quantity > w.line.remainingQuantity) {
        return new CommittedQuantityExceededError(w.line.id, w.line.remainingQuantity);
      }
    }
    const amount = wanted.reduce((sum, w) => sum + w.quantity * w.line.unitPriceAmount, 0);
    const credit = await ctx.em.findOne(CreditLine, {
      where: { sellerId: contract.sellerId, companyId: contract.companyId },
      ...forUpdate(ctx.em),
    });
    const exposure = await this.exposure(ctx, contract.sellerId, contract.companyId);
    const limit = credit?.limitAmount ?? 0;
    if (exposure + amount > limit) {
      return new CreditLimitExceededError(
        Money.of(limit, contract.currency),
        Money.of(exposure, contract.currency),
        Money.of(amount, contract.currency),
      );
    }
    for (const w of wanted) {
      const drawn = await ctx.em
        .createQueryBuilder()
        .update(ContractLine)
        .set({ drawnQuantity: () => 'drawnQuantity + :quantity' })
        .where('id = :id AND drawnQuantity + :quantity <= quantity', {
          id: w.line.id,
          quantity: w.quantity,
        })
        .execute();
      if (!drawn.affected) return new CommittedQuantityExceededError(w.line.id, 0);
    }
    const short = await this.catalog.reserveLines(
      ctx,
      wanted.map((w) => ({ variantId: w.line.variantId, quantity: w.quantity })),
    );
    if (short) return short;

    const threshold = (await this.approval.policy(ctx, contract.companyId)).callOffThreshold;
    const needsApproval = threshold !== null && amount >= threshold;
    const callOff = ctx.em.create(CallOff, {
      contractId: contract.id,
      companyId: contract.companyId,
      sellerId: contract.sellerId,
      placedByUserId: viewer.user.id,
      idempotencyKey: key,
      status: needsApproval ? CallOffStatus.PENDING_APPROVAL : CallOffStatus.PLACED,
      totalAmount: amount,
      currency: contract.currency,
      // Placed as of the request's clock, which segments' time windows read too.
      createdAt: ctx.now(),
    });
    try {
      await ctx.em.insert(CallOff, callOff);
    } catch (error) {
      if (isUniqueViolation(error)) throw new RetryTransaction('call-off idempotency key');
      throw error;
    }
    await insertRows(
      ctx.em,
      CallOffLine,
      wanted.map((w) => ({
        callOffId: callOff.id,
        contractLineId: w.line.id,
        variantId: w.line.variantId,
        quantity: w.quantity,
        unitPriceAmount: w.line.unitPriceAmount,
        currency: w.line.currency,
      })),
    );
    await this.audit.record(ctx, viewer, 'call_off', callOff.id, 'placed', null, callOff.status, {
      contractId: contract.id,
      amount,
    });
    if (!needsApproval) {
      await this.invoice(ctx, contract, callOff);
      return callOff;
    }
    const request = await this.approval.raise(ctx, viewer, {
      companyId: contract.companyId,
      sellerId: contract.sellerId,
      quoteId: null,
      quoteVersionId: null,
      callOffId: callOff.id,
      amount,
      currency: contract.currency,
    });
    if (request instanceof NoApproverError) return request;
    return ctx.em.findOneByOrFail(CallOff, { id: callOff.id });
  }

  /** The approval chain approved a held call-off: it is placed and invoiced. */
  async approved(ctx: Context, viewer: Viewer, request: ApprovalRequest): Promise<void> {
    const callOff = await this.held(ctx, request);
    await ctx.em.update(CallOff, { id: callOff.id }, { status: CallOffStatus.PLACED });
    callOff.status = CallOffStatus.PLACED;
    const contract = await ctx.em.findOneByOrFail(Contract, { id: callOff.contractId });
    await this.invoice(ctx, contract, callOff);
    await this.audit.record(
      ctx,
      viewer,
      'call_off',
      callOff.id,
      'approved',
      CallOffStatus.PENDING_APPROVAL,
      CallOffStatus.PLACED,
    );
  }

  /** Rejected: the drawn quantities and the reserved stock go back. */
  async rejected(ctx: Context, viewer: Viewer, request: ApprovalRequest): Promise<void> {
    const callOff = await this.held(ctx, request);
    const lines = await this.lines(ctx, callOff.id);
    for (const line of lines) {
      await ctx.em
        .createQueryBuilder()
        .update(ContractLine)
        .set({ drawnQuantity: () => 'drawnQuantity - :quantity' })
        .where('id = :id', { id: line.contractLineId, quantity: line.quantity })
        .execute();
    }
    await this.catalog.moveReservedStock(
      ctx,
      'release',
      await this.catalog.stockLines(ctx, lines),
      `Call-off ${callOff.number}`,
      viewer.user.id,
    );
    await ctx.em.update(CallOff, { id: callOff.id }, { status: CallOffStatus.REJECTED });
    await this.audit.record(
      ctx,
      viewer,
      'call_off',
      callOff.id,
      'rejected',
      CallOffStatus.PENDING_APPROVAL,
      CallOffStatus.REJECTED,
    );
  }

  private async held(ctx: Context, request: ApprovalRequest): Promise<CallOff> {
    const callOff = await ctx.em.findOne(CallOff, {
      where: { id: request.callOffId as number },
      ...forUpdate(ctx.em),
    });
    if (callOff?.status !== CallOffStatus.PENDING_APPROVAL) {
      throw new Error(`call-off ${request.callOffId} of approval ${request.id} is not held`);
    }
    return callOff;
  }

  /** The order's invoice: due the agreement's net days after today, in the contract's bills. */
  private async invoice(ctx: Context, contract: Contract, callOff: CallOff): Promise<void> {
    const now = ctx.now();
    const netDays = contract.paymentTerms.netDays ?? 0;
    const last = (await ctx.em
      .createQueryBuilder(ContractMilestone, 'm')
      .select('COALESCE(MAX(m.position), -1)', 'position')
      .where('m.contractId = :id', { id: contract.id })
      .getRawOne()) as { position: number | string };
    const day = now.toISOString().slice(0, 10);
    await insertRows(ctx.em, ContractMilestone, [
      {
        contractId: contract.id,
        companyId: contract.companyId,
        sellerId: contract.sellerId,
        position: Number(last.position) + 1,
        callOffId: callOff.id,
        label: `Call-off ${callOff.number}`,
        amountDue: callOff.totalAmount,
        amountPaid: 0,
        currency: callOff.currency,
        trigger: 'ON_DATE',
        dueDate: day,
        netDays,
        triggeredAt: now,
        dueAt: dueAt(
          {
            label: '',
            percentBp: null,
            amount: callOff.totalAmount,
            trigger: 'ON_DATE',
            dueDate: day,
            netDays,
          },
          now,
        ),
        paidAt: null,
      },
    ]);
  }

  /** The seller delivered a call-off order: its reserved stock ships. */
  async deliver(ctx: Context, viewer: Viewer, id: string) {
    const callOffId = parseId(id);
    const callOff = callOffId
      ? await ctx.em.findOne(CallOff, { where: { id: callOffId }, ...forUpdate(ctx.em) })
      : null;
    if (!callOff || callOff.sellerId !== viewer.sellerId) return new NotFoundError('Call-off');
    if (callOff.status !== CallOffStatus.PLACED) {
      return new InvalidStateError(`The order is already ${callOff.status}`);
    }
    await this.catalog.moveReservedStock(
      ctx,
      'ship',
      await this.catalog.stockLines(ctx, await this.lines(ctx, callOff.id)),
      `Call-off ${callOff.number}`,
      viewer.user.id,
    );
    callOff.status = CallOffStatus.DELIVERED;
    await ctx.em.update(CallOff, { id: callOff.id }, { status: callOff.status });
    await this.audit.record(
      ctx,
      viewer,
      'call_off',
      callOff.id,
      'delivered',
      CallOffStatus.PLACED,
      CallOffStatus.DELIVERED,
    );
    return callOff;
  }

  /** Whether the viewer may deliver the call-off order now: its seller's staff, once placed. */
  canDeliver(viewer: Viewer | null, callOff: CallOff): boolean {
    return viewer?.sellerId === callOff.sellerId && callOff.status === CallOffStatus.PLACED;
  }

  callOffs(ctx: Context, contractId: number) {
    return ctx.em.find(CallOff, { where: { contractId }, order: { id: 'ASC' } });
  }

  lines(ctx: Context, callOffId: number) {
    return ctx.em.find(CallOffLine, { where: { callOffId }, order: { id: 'ASC' } });
  }
}
