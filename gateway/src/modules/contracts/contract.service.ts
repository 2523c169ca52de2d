import { LessThanOrEqual } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { forbidden, InvalidStateError, NotFoundError } from '../../api/errors.js';
import { keysetPage, type Keyset } from '../../api/pagination.js';
import { parseId } from '../../common/batch.js';
import { forUpdate } from '../../db/locks.js';
import type { ApprovalRequest } from '../approval/approval.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { ContractPayment } from '../billing/billing.entity.js';
import type { BillingService } from '../billing/billing.service.js';
import type { RecordContractPaymentInput } from '../billing/billing.types.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { CompanyMember } from '../identity/company-member.entity.js';
import { partyScope, partyScopeWhere } from '../identity/party-scope.js';
import {
  agreedQuantity,
  DealKind,
  QuoteRequest,
  QuoteRequestLine,
  QuoteVersion,
  QuoteVersionLine,
} from '../quoting/quote.entity.js';
import {
  Contract,
  ContractAction,
  ContractLine,
  ContractStatus,
  contractLifecycle,
} from './contract.entity.js';
import { ContractConnection, type ContractsArgs } from './contract.types.js';

/** A calendar day, `months` later, less one day: the last day of a term starting on `start`. */
export function termEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** Company admins and management approvers sign for their company. */
function signsForCompany(membership: CompanyMember): boolean {
  return (
    membership.roles.includes('COMPANY_ADMIN') ||
    (membership.roles.includes('APPROVER') && membership.department === 'MANAGEMENT')
  );
}

/** The company's buyers and admins accept (or dispute) a one-off delivery. */
function receivesDeliveries(membership: CompanyMember | undefined): boolean {
  return Boolean(
    membership?.roles.includes('BUYER') || membership?.roles.includes('COMPANY_ADMIN'),
  );
}

/** A framework agreement in force on `today` (YYYY-MM-DD): call-off orders go under it. */
export function inForce(contract: Contract, today: string): boolean {
  return (
    contract.kind === DealKind.FRAMEWORK &&
    contract.status === ContractStatus.ACTIVE &&
    contract.startsOn !== null &&
    contract.endsOn !== null &&
    contract.startsOn <= today &&
    today <= contract.endsOn
  );
}

/** Contracts: drawn up from an approved quote, signed by both sides, then active. */
export class ContractService {
  constructor(
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
    private readonly billing: BillingService,
  ) {}

  /** Whether the viewer may see the contract: a member of its company or its seller's staff. */
  private sees(viewer: Viewer, contract: Contract): boolean {
    return (
      viewer.memberships.some((m) => m.companyId === contract.companyId) ||
      viewer.sellerId === contract.sellerId
    );
  }

  async contract(ctx: Context, viewer: Viewer, id: string, lock = false) {
    const contractId = parseId(id);
    if (!contractId) return null;
    const contract = await ctx.em.findOne(Contract, {
      where: { id: contractId },
      ...(lock ? forUpdate(ctx.em) : {}),
    });
    return contract && this.sees(viewer, contract) ? contract : null;
  }

  /** The contracts of the viewer's companies and shop, filtered and sorted in SQL, a page at a time. */
  async contracts(ctx: Context, viewer: Viewer, args: ContractsArgs): Promise<ContractConnection> {
    const qb = ctx.em.createQueryBuilder(Contract, 'c').where(partyScopeWhere(viewer, 'c'));
    if (args.status) qb.andWhere('c.status = :status', { status: args.status });
    const keyset: Keyset = {
      sql: args.sort.startsWith('ENDS_ON') ? "COALESCE(c.endsOn, '9999-12-31')" : null,
      direction: args.sort.endsWith('ASC') ? 'ASC' : 'DESC',
    };
    return Object.assign(new ContractConnection(), await keysetPage(qb, 'c', keyset, args));
  }

  /** Active agreements of the viewer's companies or shop that end within `withinDays`. */
  async nearingEnd(ctx: Context, viewer: Viewer, withinDays: number): Promise<Contract[]> {
    const horizon = new Date(ctx.now().getTime() + withinDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const where = partyScope(viewer, {
      status: ContractStatus.ACTIVE,
      endsOn: LessThanOrEqual(horizon),
    });
    return where.length
      ? ctx.em.find(Contract, { where, order: { endsOn: 'ASC', id: 'ASC' } })
      : [];
  }

  /**
   * What the viewer may do to the contract now, by the rules the mutations check, so a client
   * offers exactly the steps that would be accepted.
   */
  allowedActions(viewer: Viewer | null, contract: Contract, now: Date): ContractAction[] {
    if (!viewer) return [];
    const membership = viewer.memberships.find((m) => m.companyId === contract.companyId);
    const seller = viewer.sellerId === contract.sellerId;
    const buyer = membership?.roles.includes('BUYER') ?? false;
    const oneOffActive = this.notOneOffActive(contract) === null;
    const awaitingAcceptance = Boolean(contract.deliveredAt && !contract.acceptedAt);
    const allowed: [ContractAction, boolean][] = [
      [
        ContractAction.SIGN,
        contract.status === ContractStatus.PENDING_SIGNATURE &&
          (membership
            ? signsForCompany(membership) && !contract.buyerSignedAt
            : seller && !contract.sellerSignedAt),
      ],
      [ContractAction.RECORD_DELIVERY, seller && oneOffActive && !contract.deliveredAt],
      [
        ContractAction.ACCEPT_DELIVERY,
        receivesDeliveries(membership) && oneOffActive && awaitingAcceptance,
      ],
      [
        ContractAction.DISPUTE_DELIVERY,
        receivesDeliveries(membership) && oneOffActive && awaitingAcceptance,
      ],
      [ContractAction.RECORD_PAYMENT, seller],
      [ContractAction.PLACE_CALL_OFF, buyer && inForce(contract, now.toISOString().slice(0, 10))],
      [ContractAction.RENEW, buyer && contract.kind === DealKind.FRAMEWORK],
    ];
    return allowed.filter(([, yes]) => yes).map(([action]) => action);
  }

  lines(ctx: Context, contractId: number) {
    return ctx.em.find(ContractLine, { where: { contractId }, order: { id: 'ASC' } });
  }

  /**
   * Draws up the contract of an approved request from the accepted version: its lines at the
   * agreed prices (a framework's committed quantities), its payment terms and term.
   */
  async draw(ctx: Context, viewer: Viewer, request: ApprovalRequest): Promise<Contract> {
    const [quote, version, versionLines, requestLines] = await Promise.all([
      ctx.em.findOneByOrFail(QuoteRequest, { id: request.quoteId as number }),
      ctx.em.findOneByOrFail(QuoteVersion, { id: request.quoteVersionId as number }),
      ctx.em.findBy(QuoteVersionLine, { versionId: request.quoteVersionId as number }),
      ctx.em.find(QuoteRequestLine, {
        where: { quoteId: request.quoteId as number },
        order: { position: 'ASC' },
      }),
    ]);
    const contract = await ctx.em.save(
      ctx.em.create(Contract, {
        companyId: quote.companyId,
        sellerId: quote.sellerId,
        quoteId: quote.id,
        quoteVersionId: version.id,
        approvalRequestId: request.id,
        kind: quote.dealKind,
        status: ContractStatus.PENDING_SIGNATURE,
        startsOn: null,
        endsOn: null,
        termMonths: quote.termMonths,
        paymentTerms: version.paymentTerms,
        totalAmount: version.totalAmount,
        currency: version.currency,
        buyerSignedByUserId: null,
        buyerSignedAt: null,
        sellerSignedByUserId: null,
        sellerSignedAt: null,
      }),
    );
    await ctx.em.insert(
      ContractLine,
      requestLines.map((rl) => {
        const vl = versionLines.find((l) => l.requestLineId === rl.id) as QuoteVersionLine;
        return {
          contractId: contract.id,
          variantId: rl.variantId,
          description: rl.description,
          quantity: agreedQuantity(vl),
          unitPriceAmount: vl.unitPriceAmount,
          currency: vl.currency,
          drawnQuantity: 0,
        };
      }),
    );
    await this.audit.record(
      ctx,
      viewer,
      'contract',
      contract.id,
      'drawn up',
      null,
      contract.status,
      {
        quoteId: quote.id,
        approvalRequestId: request.id,
      },
    );
    return contract;
  }

  /**
   * Signs for the viewer's side: the company by an admin or a management approver, the seller
   * by its staff. Once both have signed the contract is active from today.
   */
  async sign(ctx: Context, viewer: Viewer, id: string) {
    const contract = await this.contract(ctx, viewer, id, true);
    if (!contract) return new NotFoundError('Contract');
    if (contract.status !== ContractStatus.PENDING_SIGNATURE) {
      return new InvalidStateError(`A ${contract.status} contract takes no more signatures`);
    }
    const membership = viewer.memberships.find((m) => m.companyId === contract.companyId);
    const now = ctx.now();
    if (membership) {
      if (!signsForCompany(membership)) {
        throw forbidden('Company admins and management approvers sign contracts');
      }
      if (contract.buyerSignedAt) return new InvalidStateError('Your company already signed');
      Object.assign(contract, { buyerSignedByUserId: viewer.user.id, buyerSignedAt: now });
    } else {
      if (contract.sellerSignedAt) return new InvalidStateError('Your shop already signed');
      Object.assign(contract, { sellerSignedByUserId: viewer.user.id, sellerSignedAt: now });
    }
    const from = contract.status;
    const activates = Boolean(contract.buyerSignedAt && contract.sellerSignedAt);
    if (activates) {
      if (!contractLifecycle.canTransition(from, ContractStatus.ACTIVE)) {
        return new InvalidStateError(`A ${from} contract cannot become active`);
      }
      if (contract.kind === DealKind.ONE_OFF) {
        const short = await this.catalog.reserveLines(ctx, await this.lines(ctx, contract.id));
        if (short) return short;
      }
      contract.status = ContractStatus.ACTIVE;
      contract.startsOn = now.toISOString().slice(0, 10);
      contract.endsOn =
        contract.kind === DealKind.FRAMEWORK && contract.termMonths
          ? termEnd(contract.startsOn, contract.termMonths)
          : null;
    }
    await ctx.em.save(contract);
    if (activates) await this.billing.schedule(ctx, contract);
    await this.audit.record(
      ctx,
      viewer,
      'contract',
      contract.id,
      membership ? 'signed by buyer' : 'signed by seller',
      from,
      contract.status,
    );
    return contract;
  }

  /** The one-off contract the viewer may act on as its seller (`seller`) or its buyer. */
  private async oneOff(ctx: Context, viewer: Viewer, id: string, side: 'seller' | 'buyer') {
    const contract = await this.contract(ctx, viewer, id, true);
    if (!contract) return null;
    const membership = viewer.memberships.find((m) => m.companyId === contract.companyId);
    if (side === 'seller' && viewer.sellerId !== contract.sellerId) {
      throw forbidden("Only the seller's staff record deliveries and payments");
    }
    if (side === 'buyer' && !receivesDeliveries(membership)) {
      throw forbidden("Only the company's buyers and admins accept deliveries");
    }
    return contract;
  }

  private notOneOffActive(contract: Contract): InvalidStateError | null {
    if (contract.kind !== DealKind.ONE_OFF) {
      return new InvalidStateError('Framework agreements deliver through call-off orders');
    }
    return contract.status === ContractStatus.ACTIVE
      ? null
      : new InvalidStateError(`The contract is ${contract.status}`);
  }

  /** The seller delivered a one-off contract's goods: stock ships, delivery installments fall due. */
  async recordDelivery(ctx: Context, viewer: Viewer, id: string) {
    const contract = await this.oneOff(ctx, viewer, id, 'seller');
    if (!contract) return new NotFoundError('Contract');
    const wrong = this.notOneOffActive(contract);
    if (wrong) return wrong;
    if (contract.deliveredAt) return new InvalidStateError('The goods were already delivered');
    contract.deliveredAt = ctx.now();
    await ctx.em.update(Contract, { id: contract.id }, { deliveredAt: contract.deliveredAt });
    await this.catalog.moveReservedStock(
      ctx,
      'ship',
      await this.catalog.stockLines(ctx, await this.lines(ctx, contract.id)),
      `Contract ${contract.number}`,
      viewer.user.id,
    );
    await this.billing.trigger(ctx, contract, 'ON_DELIVERY');
    await this.audit.record(ctx, viewer, 'contract', contract.id, 'delivered');
    return this.completeIfDone(ctx, viewer, contract);
  }

  /** The buyer accepts the delivered goods (ending a dispute): acceptance installments fall due. */
  async acceptDelivery(ctx: Context, viewer: Viewer, id: string) {
    const contract = await this.oneOff(ctx, viewer, id, 'buyer');
    if (!contract) return new NotFoundError('Contract');
    const wrong = this.notOneOffActive(contract);
    if (wrong) return wrong;
    if (!contract.deliveredAt) return new InvalidStateError('Nothing was delivered yet');
    if (contract.acceptedAt) return new InvalidStateError('The delivery was already accepted');
    contract.acceptedAt = ctx.now();
    contract.disputeNote = null;
    await ctx.em.update(
      Contract,
      { id: contract.id },
      { acceptedAt: contract.acceptedAt, disputeNote: null },
    );
    await this.billing.trigger(ctx, contract, 'ON_ACCEPTANCE');
    await this.audit.record(ctx, viewer, 'contract', contract.id, 'delivery accepted');
    return this.completeIfDone(ctx, viewer, contract);
  }

  /** The buyer objects to the delivery; acceptance (and its installments) waits. */
  async disputeDelivery(ctx: Context, viewer: Viewer, id: string, note: string) {
    const contract = await this.oneOff(ctx, viewer, id, 'buyer');
    if (!contract) return new NotFoundError('Contract');
    const wrong = this.notOneOffActive(contract);
    if (wrong) return wrong;
    if (!contract.deliveredAt || contract.acceptedAt) {
      return new InvalidStateError('Only a delivery not yet accepted can be disputed');
    }
    contract.disputeNote = note.trim();
    await ctx.em.update(Contract, { id: contract.id }, { disputeNote: contract.disputeNote });
    await this.audit.record(ctx, viewer, 'contract', contract.id, 'delivery disputed', null, null, {
      note: contract.disputeNote,
    });
    return contract;
  }

  /** A payment against an installment; the one that settles the last one completes the deal. */
  async recordPayment(ctx: Context, viewer: Viewer, input: RecordContractPaymentInput) {
    const payment = await this.billing.pay(ctx, viewer, input);
    if (!(payment instanceof ContractPayment)) return payment;
    const contract = await ctx.em.findOneByOrFail(Contract, { id: payment.contractId });
    await this.completeIfDone(ctx, viewer, contract);
    return payment;
  }

  /** A one-off contract delivered, accepted and paid in full is complete. */
  private async completeIfDone(ctx: Context, viewer: Viewer, contract: Contract) {
    if (
      contract.kind !== DealKind.ONE_OFF ||
      contract.status !== ContractStatus.ACTIVE ||
      !contract.deliveredAt ||
      !contract.acceptedAt ||
      !(await this.billing.allPaid(ctx, contract.id))
    ) {
      return contract;
    }
    await ctx.em.update(Contract, { id: contract.id }, { status: ContractStatus.COMPLETED });
    await this.audit.record(
      ctx,
      viewer,
      'contract',
      contract.id,
      'completed',
      ContractStatus.ACTIVE,
      ContractStatus.COMPLETED,
    );
    contract.status = ContractStatus.COMPLETED;
    return contract;
  }
}
