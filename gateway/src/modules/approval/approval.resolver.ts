import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { Transaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { CallOff } from '../contracts/call-off.entity.js';
import { Company } from '../identity/company.entity.js';
import { Department } from '../identity/company-member.entity.js';
import { Seller } from '../identity/seller.entity.js';
import { ApprovalDecision, ApprovalRequest, ApprovalStageSpec } from './approval.entity.js';
import {
  ApprovalPolicyResult,
  ApprovalPolicyView,
  ApprovalRequestConnection,
  ApprovalTasksArgs,
  DecideApprovalInput,
  DecideApprovalResult,
  SetApprovalPolicyInput,
} from './approval.types.js';

@Resolver()
export class ApprovalResolver {
  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => ApprovalPolicyResult, {
    description: "Replaces your company's approval policy (company admins).",
  })
  @Transaction()
  setApprovalPolicy(
    @Arg('input', () => SetApprovalPolicyInput) input: SetApprovalPolicyInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.approval.setPolicy(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => DecideApprovalResult, {
    description: 'Approves or rejects the stage of a request your department decides now.',
  })
  @Transaction()
  decideApproval(
    @Arg('input', () => DecideApprovalInput) input: DecideApprovalInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.approval.decide(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Query(() => ApprovalRequestConnection, {
    description: 'Requests waiting for your decision, a page at a time, longest waiting first.',
  })
  myApprovalTasks(@Args(() => ApprovalTasksArgs) args: ApprovalTasksArgs, @Ctx() ctx: Context) {
    return ctx.services.approval.tasks(ctx, requireViewer(ctx), args);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Query(() => [ApprovalStageSpec], {
    nullable: true,
    description:
      "The stages of your company's policy a purchase of `amount` (minor units) would go " +
      'through, in order; null for a company you are not a member of.',
  })
  async approvalPreview(
    @Arg('companyId', () => ID) companyId: string,
    @Arg('amount', () => Int) amount: number,
    @Ctx() ctx: Context,
  ): Promise<ApprovalStageSpec[] | null> {
    const id = parseId(companyId);
    if (!id || !requireViewer(ctx).memberships.some((m) => m.companyId === id)) return null;
    return ctx.services.approval.stagesFor(ctx, id, amount);
  }

  @Authorized()
  @Query(() => ApprovalRequest, {
    nullable: true,
    description: 'An approval request of your company; null otherwise (as if missing).',
  })
  approvalRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.approval.request(ctx, requireViewer(ctx), id);
  }
}

@Resolver(() => ApprovalRequest)
export class ApprovalRequestFieldsResolver {
  @FieldResolver(() => [ApprovalDecision], { description: 'Every decision so far, in order.' })
  decisions(@Root() request: ApprovalRequest, @Ctx() ctx: Context) {
    return ctx.loaders.approval.decisionsOfRequest.load(request.id);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'Who decides now.' })
  currentDepartment(@Root() request: ApprovalRequest): Department | null {
    return request.currentStage === null
      ? null
      : (request.stages[request.currentStage]?.department ?? null);
  }

  @FieldResolver(() => Company, { description: 'The company buying.' })
  company(@Root() request: ApprovalRequest, @Ctx() ctx: Context) {
    return ctx.loaders.identity.company.load(request.companyId);
  }

  @FieldResolver(() => Seller, { description: 'The seller it buys from.' })
  seller(@Root() request: ApprovalRequest, @Ctx() ctx: Context) {
    return ctx.loaders.identity.seller.load(request.sellerId);
  }

  @FieldResolver(() => CallOff, {
    nullable: true,
    description: 'The call-off order approved (with the agreement it draws on); null for a quote.',
  })
  callOff(@Root() request: ApprovalRequest, @Ctx() ctx: Context) {
    return request.callOffId === null
      ? null
      : ctx.loaders.contracts.callOff.load(request.callOffId);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether you decide it now (decideApproval checks the same rules).',
  })
  async canDecide(@Root() request: ApprovalRequest, @Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer) return false;
    const decisions = await ctx.loaders.approval.decisionsOfRequest.load(request.id);
    return ctx.services.approval.decidesNow(ctx.viewer, request, decisions);
  }

  @FieldResolver(() => String, { description: 'Who raised it.' })
  async requestedBy(@Root() request: ApprovalRequest, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.identity.user.load(request.requestedByUserId))?.name ?? '';
  }
}

@Resolver(() => ApprovalDecision)
export class ApprovalDecisionFieldsResolver {
  @FieldResolver(() => String)
  async approver(@Root() decision: ApprovalDecision, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.identity.user.load(decision.userId))?.name ?? '';
  }
}

@Resolver(() => Company)
export class CompanyApprovalFieldsResolver {
  @FieldResolver(() => ApprovalPolicyView, {
    nullable: true,
    description: 'The approval policy; visible to the company only.',
  })
  async approvalPolicy(@Root() company: Company, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    if (!viewer.memberships.some((m) => m.companyId === company.id)) return null;
    return ctx.services.approval.policy(ctx, company.id);
  }
}
