import {
  Arg,
  Args,
  Authorized,
  createUnionType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Length } from 'class-validator';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { InvalidStateError, NotFoundError } from '../../api/errors.js';
import { Transaction } from '../../api/transaction.js';
import { ContractMilestone, ContractPayment, MilestoneStatus } from '../billing/billing.entity.js';
import {
  ContractPaymentResult,
  DueMilestoneConnection,
  DueMilestonesArgs,
  RecordContractPaymentInput,
} from '../billing/billing.types.js';
import { InsufficientStockError } from '../catalog/catalog.types.js';
import { Money } from '../../api/money.type.js';
import { Company } from '../identity/company.entity.js';
import { QuoteResult } from '../quoting/quoting.types.js';
import { CallOff, CallOffLine, CreditLine } from './call-off.entity.js';
import {
  CallOffResult,
  CreditLineConnection,
  CreditLineResult,
  CreditLinesArgs,
  PlaceCallOffInput,
  SetCreditLimitInput,
} from './call-off.types.js';
import { Seller } from '../identity/seller.entity.js';
import { Contract, ContractAction, ContractLine } from './contract.entity.js';
import { ContractConnection, ContractsArgs } from './contract.types.js';

const ContractResult = createUnionType({
  name: 'ContractResult',
  types: () => [Contract, NotFoundError, InvalidStateError, InsufficientStockError] as const,
});

@InputType()
class DisputeContractDeliveryInput {
  @Field(() => ID)
  contractId: string;

  @Field(() => String, { description: 'What is wrong with the delivery.' })
  @Length(1, 2000)
  note: string;
}

@Resolver()
export class ContractResolver {
  @Authorized()
  @Mutation(() => ContractResult, {
    description:
      "Signs for your side (company admins or management approvers; the seller's staff).",
  })
  @Transaction()
  signContract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.sign(ctx, requireViewer(ctx), id);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => ContractResult, {
    description: 'ONE_OFF: the goods were delivered (stock ships; delivery installments fall due).',
  })
  @Transaction()
  recordContractDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.recordDelivery(ctx, requireViewer(ctx), id);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => ContractResult, {
    description: 'ONE_OFF: the buyer accepts the delivery (acceptance installments fall due).',
  })
  @Transaction()
  acceptContractDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.acceptDelivery(ctx, requireViewer(ctx), id);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => ContractResult, { description: 'ONE_OFF: the buyer objects to the delivery.' })
  @Transaction()
  disputeContractDelivery(
    @Arg('input', () => DisputeContractDeliveryInput) input: DisputeContractDeliveryInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.contracts.disputeDelivery(
      ctx,
      requireViewer(ctx),
      input.contractId,
      input.note,
    );
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => ContractPaymentResult, {
    description: 'Money received against an installment; a bank reference counts once.',
  })
  @Transaction()
  recordContractPayment(
    @Arg('input', () => RecordContractPaymentInput) input: RecordContractPaymentInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.contracts.recordPayment(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => CreditLineResult, { description: "Sets a company's credit line with your shop." })
  @Transaction()
  setCreditLimit(
    @Arg('input', () => SetCreditLimitInput) input: SetCreditLimitInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.callOffs.setCreditLimit(ctx, requireViewer(ctx), input);
  }

  @Authorized()
  @Query(() => CreditLineConnection, {
    description: 'Credit lines of your companies or your shop, a page at a time, by company.',
  })
  creditLines(@Args(() => CreditLinesArgs) args: CreditLinesArgs, @Ctx() ctx: Context) {
    return ctx.services.callOffs.creditLines(ctx, requireViewer(ctx), args);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => CallOffResult, {
    description: 'An order under a framework agreement, at its prices, on credit.',
  })
  @Transaction()
  placeCallOff(
    @Arg('input', () => PlaceCallOffInput) input: PlaceCallOffInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.callOffs.place(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => CallOffResult, { description: 'The call-off order was delivered (stock ships).' })
  @Transaction()
  deliverCallOff(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.callOffs.deliver(ctx, requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => [Contract], {
    description: 'Your framework agreements in force that end within `withinDays`: to renew.',
  })
  contractsNearingEnd(
    @Arg('withinDays', () => Int, { defaultValue: 60 }) withinDays: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.contracts.nearingEnd(ctx, requireViewer(ctx), withinDays);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => QuoteResult, {
    description: 'Starts a draft request for quotation that renews a framework agreement.',
  })
  @Transaction()
  async renewContract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    const contract = await ctx.services.contracts.contract(ctx, viewer, id);
    if (!contract) return new NotFoundError('Contract');
    return ctx.services.quoting.renew(ctx, viewer, contract);
  }

  @Authorized()
  @Query(() => DueMilestoneConnection, {
    description:
      'Installments and invoices your companies owe, or your shop is owed, that are due or ' +
      'overdue, a page at a time, earliest due first.',
  })
  dueMilestones(@Args(() => DueMilestonesArgs) args: DueMilestonesArgs, @Ctx() ctx: Context) {
    return ctx.services.billing.due(ctx, requireViewer(ctx), args);
  }

  @Authorized()
  @Query(() => Contract, {
    nullable: true,
    description: 'A contract of your company or your shop; null otherwise (as if missing).',
  })
  contract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.contract(ctx, requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => ContractConnection, {
    description: 'Your companies’ or shop’s contracts, a page at a time, newest first.',
  })
  contracts(@Args(() => ContractsArgs) args: ContractsArgs, @Ctx() ctx: Context) {
    return ctx.services.contracts.contracts(ctx, requireViewer(ctx), args);
  }
}

@Resolver(() => Contract)
export class ContractFieldsResolver {
  @FieldResolver(() => [ContractLine])
  lines(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.linesOfContract.load(contract.id);
  }

  @FieldResolver(() => Company)
  company(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.identity.company.load(contract.companyId);
  }

  @FieldResolver(() => Seller)
  seller(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.identity.seller.load(contract.sellerId);
  }

  @FieldResolver(() => [ContractMilestone], { description: 'ONE_OFF: the installments.' })
  milestones(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.milestonesOfContract.load(contract.id);
  }

  @FieldResolver(() => [ContractPayment])
  payments(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.paymentsOfContract.load(contract.id);
  }

  @FieldResolver(() => [CallOff], { description: 'FRAMEWORK: the orders placed under it.' })
  callOffs(@Root() contract: Contract, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.callOffsOfContract.load(contract.id);
  }

  @FieldResolver(() => [ContractAction], {
    description: 'What you may do to it now (the mutations check the same rules).',
  })
  allowedActions(@Root() contract: Contract, @Ctx() ctx: Context): ContractAction[] {
    return ctx.services.contracts.allowedActions(ctx.viewer, contract, ctx.now());
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who signed for the company.' })
  async buyerSignedBy(@Root() contract: Contract, @Ctx() ctx: Context): Promise<string | null> {
    return contract.buyerSignedByUserId
      ? ((await ctx.loaders.identity.user.load(contract.buyerSignedByUserId))?.name ?? null)
      : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who signed for the seller.' })
  async sellerSignedBy(@Root() contract: Contract, @Ctx() ctx: Context): Promise<string | null> {
    return contract.sellerSignedByUserId
      ? ((await ctx.loaders.identity.user.load(contract.sellerSignedByUserId))?.name ?? null)
      : null;
  }
}

@Resolver(() => CallOff)
export class CallOffFieldsResolver {
  @FieldResolver(() => [CallOffLine])
  lines(@Root() callOff: CallOff, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.linesOfCallOff.load(callOff.id);
  }

  @FieldResolver(() => ContractMilestone, { nullable: true, description: 'Its invoice.' })
  invoice(@Root() callOff: CallOff, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.invoiceOfCallOff.load(callOff.id);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: "The approval request it went through; for the company's members only.",
  })
  async approvalRequestId(@Root() callOff: CallOff, @Ctx() ctx: Context): Promise<number | null> {
    const member = ctx.viewer?.memberships.some((m) => m.companyId === callOff.companyId);
    if (!member) return null;
    return (await ctx.loaders.contracts.approvalOfCallOff.load(callOff.id))?.id ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may deliver it now (deliverCallOff).' })
  canDeliver(@Root() callOff: CallOff, @Ctx() ctx: Context): boolean {
    return ctx.services.callOffs.canDeliver(ctx.viewer, callOff);
  }
}

@Resolver(() => CreditLine)
export class CreditLineFieldsResolver {
  @FieldResolver(() => Money, { description: 'Unpaid installments and invoices now.' })
  async exposure(@Root() line: CreditLine, @Ctx() ctx: Context): Promise<Money> {
    return Money.of(await ctx.loaders.contracts.exposureOfLine.load(line), line.currency);
  }

  @FieldResolver(() => Money, {
    description:
      'What call-off orders may still draw: the limit less the exposure (below 0 when over).',
  })
  async available(@Root() line: CreditLine, @Ctx() ctx: Context): Promise<Money> {
    const exposure = await ctx.loaders.contracts.exposureOfLine.load(line);
    return Money.of(line.limitAmount - exposure, line.currency);
  }

  @FieldResolver(() => Company)
  company(@Root() line: CreditLine, @Ctx() ctx: Context) {
    return ctx.loaders.identity.company.load(line.companyId);
  }

  @FieldResolver(() => Seller)
  seller(@Root() line: CreditLine, @Ctx() ctx: Context) {
    return ctx.loaders.identity.seller.load(line.sellerId);
  }
}

@Resolver(() => ContractMilestone)
export class ContractMilestoneFieldsResolver {
  @FieldResolver(() => Contract, { description: 'The contract it bills.' })
  contract(@Root() milestone: ContractMilestone, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.contract.load(milestone.contractId);
  }

  @FieldResolver(() => CallOff, {
    nullable: true,
    description: 'FRAMEWORK: the call-off order this bills (its number names the bill).',
  })
  callOff(@Root() milestone: ContractMilestone, @Ctx() ctx: Context) {
    return milestone.callOffId === null
      ? null
      : ctx.loaders.contracts.callOff.load(milestone.callOffId);
  }

  @FieldResolver(() => MilestoneStatus, { description: 'As of now.' })
  status(@Root() milestone: ContractMilestone, @Ctx() ctx: Context): MilestoneStatus {
    return milestone.statusAt(ctx.now());
  }
}
