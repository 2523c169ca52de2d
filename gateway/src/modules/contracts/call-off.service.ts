import type { Config } from '../../config/config.js';
import type { Context, Viewer } from '../../api/context.js';
import { badInput, forbidden, InvalidStateError, NotFoundError } from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { Money } from '../../api/money.type.js';
import { keysetPage, type Keyset } from '../../api/pagination.js';
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
import { partyScopeWhere } from '../identity/party-scope.js';
import { CallOff, CallOffLine, CallOffStatus, CreditLine } from './call-off.entity.js';
import {
  CommittedQuantityExceededError,
  CreditLimitExceededError,
  CreditLineConnection,
  type CreditLinesArgs,
  type PlaceCallOffInput,
  type SetCreditLimitInput,
} from './call-off.types.js';
import { Contract, ContractLine } from './contract.entity.js';
import { inForce, type ContractService } from './contract.service.js';

/**
 * SQL of the exposure of a company (SQL `company`) with a seller (SQL `seller`): what it owes the
 * seller and has not paid (installments and call-off invoices), plus the call-off orders waiting
 * for its approval, which hold their credit meanwhile.
 */
function exposureSql(seller: string, company: string): string {
  return (
    '((SELECT COALESCE(SUM(m.amountDue - m.amountPaid), 0) FROM contract_milestone m ' +
    `WHERE m.sellerId = ${seller} AND m.companyId = ${company}) + ` +
    '(SELECT COALESCE(SUM(o.totalAmount), 0) FROM call_off o ' +
    `WHERE o.sellerId = ${seller} AND o.companyId = ${company} ` +
    `AND o.status = '${CallOffStatus.PENDING_APPROVAL}'))`
  );
}

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

  /**
   * Credit lines the viewer's companies hold, or their shop gives, filtered and sorted in SQL
   * (exposure too), a page at a time.
   */
  async creditLines(
    ctx: Context,
    viewer: Viewer,
    args: CreditLinesArgs,
  ): Promise<CreditLineConnection> {
    const { filter } = args;
    const exposure = exposureSql('l.sellerId', 'l.companyId');
    const qb = ctx.em
      .createQueryBuilder(CreditLine, 'l')
      .innerJoin(Company, 'c', 'c.id = l.companyId')
      .where(partyScopeWhere(viewer, 'l'));
    const search = filter?.search?.trim();
    if (search) {
      // `!` escapes LIKE's wildcards the same way on both drivers.
      qb.andWhere("c.name LIKE :search ESCAPE '!'", {
        search: `%${search.replace(/[!%_]/g, '!$&')}%`,
      });
    }
    if (filter?.companyIds) {
      const ids = filter.companyIds.map(parseId).filter((id) => id !== null);
      qb.andWhere('l.companyId IN (:...companyIds)', { companyIds: ids.length ? ids : [0] });
    }
    if (typeof filter?.overLimit === 'boolean') {
      qb.andWhere(`l.limitAmount ${filter.overLimit ? '<' : '>='} ${exposure}`);
    }
    const keyset: Keyset = {
      sql: args.sort.startsWith('COMPANY') ? 'c.name' : exposure,
      direction: args.sort.endsWith('ASC') ? 'ASC' : 'DESC',
    };
    return Object.assign(new CreditLineConnection(), await keysetPage(qb, 'l', keyset, args));
  }

  /** The exposure of each of the credit lines `ids`, in one statement. */
  async exposures(ctx: Context, ids: readonly number[]): Promise<Map<number, number>> {
    const rows = await ctx.em
      .createQueryBuilder(CreditLine, 'l')
      .select('l.id', 'id')
      .addSelect(exposureSql('l.sellerId', 'l.companyId'), 'exposure')
      .where('l.id IN (:...ids)', { ids })
      .getRawMany<{ id: number | string; exposure: number | string }>();
    return new Map(rows.map((r) => [Number(r.id), Number(r.exposure)]));
  }

  /** The exposure of a company with a seller, with or without a credit line. */
  async exposure(ctx: Context, sellerId: number, companyId: number): Promise<number> {
    const [sql, parameters] = ctx.em.connection.driver.escapeQueryWithParameters(
      `SELECT ${exposureSql(':sellerId', ':companyId')} AS exposure`,
      { sellerId, companyId },
      {},
    );
    const [row] = (await ctx.em.query(sql, parameters)) as { exposure: number | string }[];
    return Number(row?.exposure ?? 0);
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
      if (!line)
        throw badInput(
          'Not a line of this contract',
          `input.lines.${i}.contractLineId`,
          InputProblemCode.NOT_FOUND,
        );
      return { line, quantity: l.quantity };
    });
    if (new Set(wanted.map((w) => w.line.id)).size !== wanted.length) {
      throw badInput('Each contract line once', 'input.lines', InputProblemCode.UNIQUE);
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
