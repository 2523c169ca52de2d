import { Brackets } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { badInput, forbidden, InvalidStateError, NotFoundError } from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { keysetPage, type Keyset } from '../../api/pagination.js';
import { RetryTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { isUniqueViolation } from '../../db/errors.js';
import { jsonText } from '../../db/json.js';
import { forUpdate } from '../../db/locks.js';
import type { AuditService } from '../audit/audit.service.js';
import { CompanyMember, type Department } from '../identity/company-member.entity.js';
import { StaleVersionError } from '../quoting/quoting.types.js';
import {
  ApprovalDecision,
  ApprovalDecisionKind,
  ApprovalMode,
  ApprovalPolicy,
  ApprovalRequest,
  ApprovalStatus,
  type ApprovalStageSpec,
} from './approval.entity.js';
import {
  AlreadyDecidedError,
  ApprovalPolicyView,
  ApprovalRequestConnection,
  NoApproverError,
  NotAnApproverError,
  SelfApprovalError,
  type ApprovalTasksArgs,
  type DecideApprovalInput,
  type SetApprovalPolicyInput,
} from './approval.types.js';

/** What is being approved: a quote version accepted, or a call-off order; and its amount. */
export interface ApprovalSubject {
  companyId: number;
  sellerId: number;
  quoteId: number | null;
  quoteVersionId: number | null;
  callOffId: number | null;
  amount: number;
  currency: string;
}

/** What happens to the deal when its request is decided (wired in api/services.ts). */
export interface ApprovalOutcomes {
  approved(ctx: Context, viewer: Viewer, request: ApprovalRequest): Promise<void>;
  rejected(ctx: Context, viewer: Viewer, request: ApprovalRequest): Promise<void>;
}

/**
 * Company approval chains: each company's policy (ordered department stages, ANY or ALL of the
 * department, from an amount on), the requests a purchase raises, and the approvers' decisions.
 */
export class ApprovalService {
  constructor(
    private readonly audit: AuditService,
    private readonly outcomes: ApprovalOutcomes,
  ) {}

  async policy(ctx: Context, companyId: number): Promise<ApprovalPolicyView> {
    const policy = await ctx.em.findOneBy(ApprovalPolicy, { companyId });
    return Object.assign(new ApprovalPolicyView(), {
      companyId,
      stages: policy?.stages ?? [],
      callOffThreshold: policy?.callOffThreshold ?? null,
    });
  }

  /** The policy's stages a purchase of `amount` goes through, in order. */
  async stagesFor(ctx: Context, companyId: number, amount: number): Promise<ApprovalStageSpec[]> {
    return (await this.policy(ctx, companyId)).stages.filter(
      (s) => s.minAmount === null || amount >= s.minAmount,
    );
  }

  /** Replaces a company's policy; its admins only. Requests already raised keep their stages. */
  async setPolicy(ctx: Context, viewer: Viewer, input: SetApprovalPolicyInput) {
    const companyId = parseId(input.companyId);
    const membership = viewer.memberships.find((m) => m.companyId === companyId);
    if (!companyId || !membership) return new NotFoundError('Company');
    if (!membership.roles.includes('COMPANY_ADMIN')) {
      throw forbidden('Only an admin of this company may set its approval policy');
    }
    const departments = input.stages.map((s) => s.department);
    if (new Set(departments).size !== departments.length) {
      throw badInput(
        'Each department decides in one stage only',
        'input.stages',
        InputProblemCode.UNIQUE,
      );
    }
    const stages: ApprovalStageSpec[] = input.stages.map((s) => ({
      department: s.department,
      mode: s.mode,
      minAmount: s.minAmount ?? null,
    }));
    const existing = await ctx.em.findOne(ApprovalPolicy, {
      where: { companyId },
      ...forUpdate(ctx.em),
    });
    const callOffThreshold = input.callOffThreshold ?? null;
    if (existing) {
      await ctx.em.update(ApprovalPolicy, { id: existing.id }, { stages, callOffThreshold });
    } else await ctx.em.insert(ApprovalPolicy, { companyId, stages, callOffThreshold });
    await this.audit.record(ctx, viewer, 'approval_policy', companyId, 'set', null, null, {
      stages,
      callOffThreshold,
    });
    return Object.assign(new ApprovalPolicyView(), { companyId, stages, callOffThreshold });
  }

  /** Members who may decide for `department`: its approvers, the requester excepted. */
  private async approvers(
    ctx: Context,
    companyId: number,
    department: Department,
    requesterId: number,
  ): Promise<number[]> {
    const members = await ctx.em.findBy(CompanyMember, { companyId, department });
    return members
      .filter((m) => m.roles.includes('APPROVER') && m.userId !== requesterId)
      .map((m) => m.userId);
  }

  /**
   * Raises the request for `subject` with the policy's stages that apply to its amount. A stage
   * no one but the requester could decide is refused now rather than left stuck. With no stage
   * that applies the request is approved at once.
   */
  async raise(
    ctx: Context,
    viewer: Viewer,
    subject: ApprovalSubject,
  ): Promise<ApprovalRequest | NoApproverError> {
    const stages = await this.stagesFor(ctx, subject.companyId, subject.amount);
    for (const stage of stages) {
      const who = await this.approvers(ctx, subject.companyId, stage.department, viewer.user.id);
      if (who.length === 0) return new NoApproverError(stage.department);
    }
    const approved = stages.length === 0;
    const request = await ctx.em.save(
      ctx.em.create(ApprovalRequest, {
        ...subject,
        requestedByUserId: viewer.user.id,
        status: approved ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING,
        stages,
        currentStage: approved ? null : 0,
        version: 0,
      }),
    );
    await this.audit.record(
      ctx,
      viewer,
      'approval_request',
      request.id,
      'raised',
      null,
      request.status,
      {
        quoteId: subject.quoteId,
        callOffId: subject.callOffId,
        amount: subject.amount,
        stages: stages.length,
      },
    );
    if (approved) await this.outcomes.approved(ctx, viewer, request);
    return request;
  }

  /** A request of one of the viewer's companies, or null (as if missing) for anyone else. */
  async request(ctx: Context, viewer: Viewer, id: string, lock = false) {
    const requestId = parseId(id);
    if (!requestId) return null;
    const request = await ctx.em.findOne(ApprovalRequest, {
      where: { id: requestId },
      ...(lock ? forUpdate(ctx.em) : {}),
    });
    return request && viewer.memberships.some((m) => m.companyId === request.companyId)
      ? request
      : null;
  }

  /**
   * One approver's decision on the version they saw. The request's row is locked and its
   * version moved conditionally, so two approvers deciding at once leave one consistent outcome:
   * the second is told the request moved on (`StaleVersionError`) and decides on what it is now.
   */
  async decide(ctx: Context, viewer: Viewer, input: DecideApprovalInput) {
    const request = await this.request(ctx, viewer, input.requestId, true);
    if (!request) return new NotFoundError('Approval request');
    if (request.status !== ApprovalStatus.PENDING || request.currentStage === null) {
      return new InvalidStateError(`This request is already ${request.status}`);
    }
    if (request.version !== input.expectedVersion) return new StaleVersionError(request.version);
    if (request.requestedByUserId === viewer.user.id) return new SelfApprovalError();
    const index = request.currentStage;
    const stage = request.stages[index] as ApprovalStageSpec;
    const membership = viewer.memberships.find((m) => m.companyId === request.companyId);
    if (!membership?.roles.includes('APPROVER') || membership.department !== stage.department) {
      return new NotAnApproverError(stage.department);
    }
    const earlier = await ctx.em.findBy(ApprovalDecision, { requestId: request.id, stage: index });
    if (earlier.some((d) => d.userId === viewer.user.id)) return new AlreadyDecidedError();
    try {
      await ctx.em.insert(ApprovalDecision, {
        requestId: request.id,
        stage: index,
        userId: viewer.user.id,
        department: stage.department,
        decision: input.decision,
        comment: input.comment.trim(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new RetryTransaction('approval decision');
      throw error;
    }
    let status = ApprovalStatus.PENDING;
    let next: number | null = index;
    if (input.decision === ApprovalDecisionKind.REJECT) {
      status = ApprovalStatus.REJECTED;
      next = null;
    } else if (
      await this.stagePassed(ctx, request, stage, [...earlier.map((d) => d.userId), viewer.user.id])
    ) {
      next = index + 1 < request.stages.length ? index + 1 : null;
      status = next === null ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING;
    }
    const moved = await ctx.em.update(
      ApprovalRequest,
      { id: request.id, version: request.version },
      { status, currentStage: next, version: request.version + 1 },
    );
    if (!moved.affected) throw new RetryTransaction('approval request moved');
    Object.assign(request, { status, currentStage: next, version: request.version + 1 });
    await this.audit.record(
      ctx,
      viewer,
      'approval_request',
      request.id,
      input.decision === ApprovalDecisionKind.REJECT ? 'rejected' : 'approved',
      ApprovalStatus.PENDING,
      status,
      { stage: index, department: stage.department, comment: input.comment.trim() },
    );
    if (status === ApprovalStatus.APPROVED) await this.outcomes.approved(ctx, viewer, request);
    if (status === ApprovalStatus.REJECTED) await this.outcomes.rejected(ctx, viewer, request);
    return request;
  }

  /** ANY: one approval passes the stage. ALL: every approver of the department must approve. */
  private async stagePassed(
    ctx: Context,
    request: ApprovalRequest,
    stage: ApprovalStageSpec,
    approvedBy: number[],
  ): Promise<boolean> {
    if (stage.mode === ApprovalMode.ANY) return true;
    const needed = await this.approvers(
      ctx,
      request.companyId,
      stage.department,
      request.requestedByUserId,
    );
    const approved = new Set(approvedBy);
    return needed.every((userId) => approved.has(userId));
  }

  /**
   * Whether the viewer decides the request now: it is pending, they approve for the department
   * of its current stage, did not raise it, and have not decided this stage yet (among
   * `decisions`, which hold at least the viewer's on it).
   */
  decidesNow(viewer: Viewer, request: ApprovalRequest, decisions: ApprovalDecision[]): boolean {
    if (request.status !== ApprovalStatus.PENDING || request.currentStage === null) return false;
    const stage = request.stages[request.currentStage];
    const membership = viewer.memberships.find((m) => m.companyId === request.companyId);
    return (
      stage !== undefined &&
      membership?.roles.includes('APPROVER') === true &&
      membership.department === stage.department &&
      request.requestedByUserId !== viewer.user.id &&
      !decisions.some(
        (d) =>
          d.requestId === request.id &&
          d.userId === viewer.user.id &&
          d.stage === request.currentStage,
      )
    );
  }

  /**
   * The pending requests the viewer decides now, `decidesNow` in SQL (a company they approve
   * for, its current stage their department's, raised by someone else, not yet decided by them
   * at that stage), filtered and sorted in SQL, a page at a time.
   */
  async tasks(
    ctx: Context,
    viewer: Viewer,
    args: ApprovalTasksArgs,
  ): Promise<ApprovalRequestConnection> {
    const only = args.filter?.companyId;
    const mine = viewer.memberships.filter(
      (m) =>
        m.roles.includes('APPROVER') && m.department && (!only || m.companyId === parseId(only)),
    );
    const department = jsonText(ctx.em, 'r.stages', "CONCAT('$[', r.currentStage, '].department')");
    const qb = ctx.em.createQueryBuilder(ApprovalRequest, 'r');
    const decided = qb
      .subQuery()
      .select('1')
      .from(ApprovalDecision, 'd')
      .where('d.requestId = r.id AND d.userId = :me AND d.stage = r.currentStage')
      .getQuery();
    qb.where('r.status = :pending', { pending: ApprovalStatus.PENDING })
      .andWhere('r.requestedByUserId <> :me', { me: viewer.user.id })
      .andWhere(
        new Brackets((scope) => {
          scope.where('1 = 0');
          mine.forEach((m, i) =>
            scope.orWhere(`(r.companyId = :company${i} AND ${department} = :department${i})`, {
              [`company${i}`]: m.companyId,
              [`department${i}`]: m.department,
            }),
          );
        }),
      )
      .andWhere(`NOT EXISTS ${decided}`);
    const keyset: Keyset = {
      sql: args.sort.startsWith('AMOUNT') ? 'r.amount' : null,
      direction: args.sort.endsWith('ASC') ? 'ASC' : 'DESC',
    };
    return Object.assign(new ApprovalRequestConnection(), await keysetPage(qb, 'r', keyset, args));
  }
}
