import { ArrayMaxSize, Length, Min } from 'class-validator';
import {
  ArgsType,
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { connectionOf, PageArgs } from '../../api/pagination.js';
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

@InputType()
export class ApprovalTasksFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Only the tasks of this company (one you approve for); any other id: none.',
  })
  companyId?: string | null;
}

export enum ApprovalTaskSort {
  REQUESTED_ASC = 'REQUESTED_ASC',
  REQUESTED_DESC = 'REQUESTED_DESC',
  AMOUNT_DESC = 'AMOUNT_DESC',
  AMOUNT_ASC = 'AMOUNT_ASC',
}

registerEnumType(ApprovalTaskSort, {
  name: 'ApprovalTaskSort',
  description:
    'By when the purchase was raised, longest waiting or newest first; or by its amount ' +
    '(minor units, whatever the currency), largest or smallest first.',
});

@ArgsType()
export class ApprovalTasksArgs extends PageArgs {
  @Field(() => ApprovalTasksFilter, { nullable: true })
  filter?: ApprovalTasksFilter | null;

  @Field(() => ApprovalTaskSort, { defaultValue: ApprovalTaskSort.REQUESTED_ASC })
  sort: ApprovalTaskSort;
}

export const ApprovalRequestConnection = connectionOf(ApprovalRequest, {
  description: 'A page of approval requests (Relay connection).',
  counted: 'Requests matching the filter',
});
export type ApprovalRequestConnection = InstanceType<typeof ApprovalRequestConnection>;
