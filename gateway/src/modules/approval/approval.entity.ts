import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { BaseEntity, intTransformer } from '../../db/columns.js';
import { Department } from '../identity/company-member.entity.js';

export enum ApprovalMode {
  ANY = 'ANY',
  ALL = 'ALL',
}
registerEnumType(ApprovalMode, {
  name: 'ApprovalMode',
  valuesConfig: {
    ANY: { description: 'One approver of the department decides for it.' },
    ALL: { description: 'Every approver of the department must approve.' },
  },
});

export enum ApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ApprovalStatus, { name: 'ApprovalStatus' });

export enum ApprovalDecisionKind {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(ApprovalDecisionKind, { name: 'ApprovalDecisionKind' });

/** A step of a company's approval policy, as the policy holds it and as a request snapshots it. */
@ObjectType({ description: 'One stage of an approval policy.', simpleResolvers: true })
export class ApprovalStageSpec {
  @Field(() => Department)
  department: Department;

  @Field(() => ApprovalMode)
  mode: ApprovalMode;

  @Field(() => Int, {
    nullable: true,
    description: 'The stage applies from this amount on (minor units of the deal); null: always.',
  })
  minAmount: number | null;
}

/** A company's approval policy: its ordered stages, replaced as a whole by a company admin. */
@Entity('approval_policy')
export class ApprovalPolicy extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'simple-json' })
  stages: ApprovalStageSpec[];

  /** Call-off orders from this amount on go through the stages too; null: none do. */
  @Column({ type: 'int', nullable: true, transformer: intTransformer })
  callOffThreshold: number | null;
}

/**
 * A purchase waiting for the company's sign-off: the policy's stages that apply to its amount,
 * snapshotted when it was raised, decided one after the other. `version` moves on every decision,
 * so two approvers deciding at once cannot both move it.
 */
@ObjectType({
  description: "A purchase going through the company's approval chain.",
  simpleResolvers: true,
})
@Entity('approval_request')
@Index(['companyId', 'status'])
export class ApprovalRequest extends BaseEntity {
  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'int' })
  sellerId: number;

  @Field(() => ID, { nullable: true, description: 'The quote whose acceptance is approved.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  quoteId: number | null;

  @Column({ type: 'int', nullable: true })
  quoteVersionId: number | null;

  @Field(() => ID, { nullable: true, description: 'Or: the call-off order approved.' })
  @Index()
  @Column({ type: 'int', nullable: true })
  callOffId: number | null;

  @Column({ type: 'int' })
  requestedByUserId: number;

  @Column({ type: 'int', transformer: intTransformer })
  amount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => ApprovalStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ApprovalStatus;

  @Field(() => [ApprovalStageSpec], { description: 'The stages that apply, in order.' })
  @Column({ type: 'simple-json' })
  stages: ApprovalStageSpec[];

  @Field(() => Int, {
    nullable: true,
    description: 'Index in `stages` of the stage deciding now; null once decided.',
  })
  @Column({ type: 'int', nullable: true })
  currentStage: number | null;

  @Field(() => Int, { description: 'Moves on every decision: send it back as `expectedVersion`.' })
  @Column({ type: 'int', default: 0 })
  version: number;

  @Field(() => Money)
  get total(): Money {
    return Money.of(this.amount, this.currency);
  }
}

/** One approver's decision at one stage (once per approver and stage). */
@ObjectType({ description: "An approver's decision.", simpleResolvers: true })
@Entity('approval_decision')
@Index(['requestId', 'stage', 'userId'], { unique: true })
export class ApprovalDecision extends BaseEntity {
  @Column({ type: 'int' })
  requestId: number;

  @Field(() => Int, { description: 'Index of the stage decided.' })
  @Column({ type: 'int' })
  stage: number;

  @Column({ type: 'int' })
  userId: number;

  @Field(() => Department)
  @Column({ type: 'varchar', length: 16 })
  department: Department;

  @Field(() => ApprovalDecisionKind)
  @Column({ type: 'varchar', length: 8 })
  decision: ApprovalDecisionKind;

  @Field(() => String)
  @Column({ type: 'varchar', length: 2000 })
  comment: string;
}
