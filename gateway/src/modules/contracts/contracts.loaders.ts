import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import { byKey, groupByKey } from '../../common/batch.js';
import { findIn } from '../../db/find-in.js';
import { ApprovalRequest } from '../approval/approval.entity.js';
import { ContractMilestone, ContractPayment } from '../billing/billing.entity.js';
import { DealKind } from '../quoting/quote.entity.js';
import { CallOff, CallOffLine, CreditLine } from './call-off.entity.js';
import { Contract, ContractLine, ContractStatus } from './contract.entity.js';

export function createContractLoaders(ctx: Context) {
  return {
    /**
     * The agreed line of a framework agreement in force today for the viewer's companies, per
     * variant (the lowest price when several agreements cover it): the contract price.
     */
    contractLineOfVariant: new DataLoader<number, ContractLine | null>(async (variantIds) => {
      const companies = (ctx.viewer?.memberships ?? [])
        .filter((m) => m.company.status === 'VERIFIED')
        .map((m) => m.companyId);
      if (companies.length === 0) return variantIds.map(() => null);
      const today = ctx.now().toISOString().slice(0, 10);
      const lines = await ctx.em
        .createQueryBuilder(ContractLine, 'cl')
        .innerJoin(Contract, 'c', 'c.id = cl.contractId')
        .where('c.companyId IN (:...companies)', { companies })
        .andWhere('c.kind = :kind AND c.status = :status', {
          kind: DealKind.FRAMEWORK,
          status: ContractStatus.ACTIVE,
        })
        .andWhere('c.startsOn <= :today AND c.endsOn >= :today', { today })
        .andWhere('cl.variantId IN (:...variantIds)', { variantIds: [...variantIds] })
        .orderBy('cl.unitPriceAmount', 'DESC')
        .getMany();
      // Lowest last, so it is the one byKey keeps.
      return byKey(variantIds, lines, (l) => l.variantId as number);
    }),
    contract: new DataLoader<number, Contract | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Contract, 'id', ids), (c) => c.id),
    ),
    callOff: new DataLoader<number, CallOff | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, CallOff, 'id', ids), (c) => c.id),
    ),
    /** What each credit line's company owes its seller now, read once per line and request. */
    exposureOfLine: new DataLoader<CreditLine, number, number>(
      async (lines) => {
        const exposures = await ctx.services.callOffs.exposures(
          ctx,
          lines.map((l) => l.id),
        );
        return lines.map((l) => exposures.get(l.id) ?? 0);
      },
      { cacheKeyFn: (l) => l.id },
    ),
    contractOfQuote: new DataLoader<number, Contract | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Contract, 'quoteId', ids), (c) => c.quoteId),
    ),
    linesOfContract: new DataLoader<number, ContractLine[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, ContractLine, 'contractId', ids, [['id', 'ASC']]),
        (l) => l.contractId,
      ),
    ),
    milestonesOfContract: new DataLoader<number, ContractMilestone[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, ContractMilestone, 'contractId', ids, [['position', 'ASC']]),
        (m) => m.contractId,
      ),
    ),
    paymentsOfContract: new DataLoader<number, ContractPayment[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, ContractPayment, 'contractId', ids, [['id', 'ASC']]),
        (p) => p.contractId,
      ),
    ),
    callOffsOfContract: new DataLoader<number, CallOff[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, CallOff, 'contractId', ids, [['id', 'ASC']]),
        (c) => c.contractId,
      ),
    ),
    linesOfCallOff: new DataLoader<number, CallOffLine[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, CallOffLine, 'callOffId', ids, [['id', 'ASC']]),
        (l) => l.callOffId,
      ),
    ),
    invoiceOfCallOff: new DataLoader<number, ContractMilestone | null>(async (ids) =>
      byKey(
        ids,
        await findIn(ctx.em, ContractMilestone, 'callOffId', ids),
        (m) => m.callOffId as number,
      ),
    ),
    /** The approval request of each call-off order held for approval. */
    approvalOfCallOff: new DataLoader<number, ApprovalRequest | null>(async (ids) =>
      byKey(
        ids,
        await findIn(ctx.em, ApprovalRequest, 'callOffId', ids),
        (r) => r.callOffId as number,
      ),
    ),
  };
}
