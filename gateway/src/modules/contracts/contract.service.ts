import type { Context, Viewer } from '../../api/context.js';
import { forbidden, InvalidStateError, NotFoundError } from '../../api/errors.js';
import { parseId } from '../../common/batch.js';
import { forUpdate } from '../../db/locks.js';
import type { ApprovalRequest } from '../approval/approval.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import { partyScope } from '../identity/party-scope.js';
import {
  DealKind,
  QuoteRequest,
  QuoteRequestLine,
  QuoteVersion,
  QuoteVersionLine,
} from '../quoting/quote.entity.js';
import { Contract, ContractLine, ContractStatus, contractLifecycle } from './contract.entity.js';

/** A calendar day, `months` later, less one day: the last day of a term starting on `start`. */
export function termEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** Contracts: drawn up from an approved quote, signed by both sides, then active. */
export class ContractService {
  constructor(private readonly audit: AuditService) {}

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

  async contracts(ctx: Context, viewer: Viewer, status: ContractStatus | null) {
    const where = partyScope(viewer, status ? { status } : {});
    if (where.length === 0) return [];
    return ctx.em.find(Contract, { where, order: { id: 'DESC' }, take: 100 });
  }

  contractForQuote(ctx: Context, quoteId: number) {
    return ctx.em.findOneBy(Contract, { quoteId });
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
      ctx.em.findOneByOrFail(QuoteRequest, { id: request.quoteId }),
      ctx.em.findOneByOrFail(QuoteVersion, { id: request.quoteVersionId }),
      ctx.em.findBy(QuoteVersionLine, { versionId: request.quoteVersionId }),
      ctx.em.find(QuoteRequestLine, {
        where: { quoteId: request.quoteId },
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
          quantity:
            quote.dealKind === DealKind.FRAMEWORK
              ? (vl.committedQuantity ?? vl.quantity)
              : vl.quantity,
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
    const now = new Date();
    if (membership) {
      const signer =
        membership.roles.includes('COMPANY_ADMIN') ||
        (membership.roles.includes('APPROVER') && membership.department === 'MANAGEMENT');
      if (!signer) throw forbidden('Company admins and management approvers sign contracts');
      if (contract.buyerSignedAt) return new InvalidStateError('Your company already signed');
      Object.assign(contract, { buyerSignedByUserId: viewer.user.id, buyerSignedAt: now });
    } else {
      if (contract.sellerSignedAt) return new InvalidStateError('Your shop already signed');
      Object.assign(contract, { sellerSignedByUserId: viewer.user.id, sellerSignedAt: now });
    }
    const from = contract.status;
    if (contract.buyerSignedAt && contract.sellerSignedAt) {
      if (!contractLifecycle.canTransition(from, ContractStatus.ACTIVE)) {
        return new InvalidStateError(`A ${from} contract cannot become active`);
      }
      contract.status = ContractStatus.ACTIVE;
      contract.startsOn = now.toISOString().slice(0, 10);
      contract.endsOn =
        contract.kind === DealKind.FRAMEWORK && contract.termMonths
          ? termEnd(contract.startsOn, contract.termMonths)
          : null;
    }
    await ctx.em.save(contract);
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
}
