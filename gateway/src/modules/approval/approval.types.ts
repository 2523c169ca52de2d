import { ArrayMaxSize, Length, Min } from 'class-validator';
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { Department } from '../identity/company-member.entity.js';
import { StaleVersionError } from '../quoting/quoting.types.js';
import {
  ApprovalDecisionKind,
  ApprovalMode,
  ApprovalRequest,
  ApprovalStageSpec,
} from './approval.entity.js';

@InputType()
export class ApprovalStageInput {
  @Field(() => Department)
  department: Department;

  @Field(() => ApprovalMode, { defaultValue: ApprovalMode.ANY })
  mode: ApprovalMode;

  @Field(() => Int, { nullable: true, description: 'Minor units; null: the stage always applies.' })
  @Min(0)
  minAmount: number | null;
}

@InputType()
export class SetApprovalPolicyInput {
  @Field(() => ID)
  companyId: string;

  @Field(() => [ApprovalStageInput], { description: 'In the order they decide; [] for none.' })
  @ArrayMaxSize(10)
  stages: ApprovalStageInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'Call-off orders from this amount (minor units) on need approval; null: none.',
  })
  @Min(0)
  callOffThreshold: number | null;
}

@ObjectType({ description: "A company's approval policy.", simpleResolvers: true })
export class ApprovalPolicyView {
  @Field(() => ID)
  companyId: number;

  @Field(() => [ApprovalStageSpec])
  stages: ApprovalStageSpec[];

  @Field(() => Int, { nullable: true })
  callOffThreshold: number | null;
}

@InputType()
export class DecideApprovalInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => ApprovalDecisionKind)
  decision: ApprovalDecisionKind;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 2000)
  comment: string;

  @Field(() => Int, { description: 'The `version` of the request you saw.' })
  expectedVersion: number;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class SelfApprovalError extends BaseErrorResult {
  constructor() {
    super(ErrorCode.SELF_APPROVAL, 'You raised this request, so someone else must decide it');
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class NotAnApproverError extends BaseErrorResult {
  @Field(() => Department, { description: 'The department deciding now.' })
  department: Department;

  constructor(department: Department) {
    super(ErrorCode.NOT_AN_APPROVER, `This stage is decided by ${department} approvers`);
    this.department = department;
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class AlreadyDecidedError extends BaseErrorResult {
  constructor() {
    super(ErrorCode.ALREADY_DECIDED, 'You already decided this stage');
  }
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class NoApproverError extends BaseErrorResult {
  @Field(() => Department)
  department: Department;

  constructor(department: Department) {
    super(
      ErrorCode.NO_APPROVER,
      `No one but the requester can approve for ${department}: add an approver or change the policy`,
    );
    this.department = department;
  }
}

export const ApprovalPolicyResult = createUnionType({
  name: 'ApprovalPolicyResult',
  types: () => [ApprovalPolicyView, NotFoundError] as const,
});

export const DecideApprovalResult = createUnionType({
  name: 'DecideApprovalResult',
  types: () =>
    [
      ApprovalRequest,
      NotFoundError,
      InvalidStateError,
      SelfApprovalError,
      NotAnApproverError,
      AlreadyDecidedError,
      StaleVersionError,
    ] as const,
});
