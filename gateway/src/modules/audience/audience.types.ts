import { IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  ArgsType,
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  InterfaceType,
  ObjectType,
} from 'type-graphql';
import { AlreadyExistsError, NotFoundError } from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { connectionOf, PageArgs } from '../../api/pagination.js';
import { Account } from '../identity/account.type.js';
import { Company } from '../identity/company.entity.js';
import { User } from '../identity/user.entity.js';
import { AccountType, LifecycleStage, Segment } from './audience.entity.js';
import {
  MAX_GROUP_SIZE,
  SegmentRuleKind,
  type SegmentRule,
  type SegmentRuleFields,
} from './segment-rule.js';

@InputType({ description: 'A consumer (a user id) or a company (a company id).' })
export class AccountInput {
  @Field(() => AccountType)
  type: AccountType;

  @Field(() => ID)
  id: string;
}

@InputType()
export class AccountTagInput {
  @Field(() => AccountInput)
  @ValidateNested()
  account: AccountInput;

  @Field(() => String, {
    description:
      'Kept trimmed and in lower case: 1 to 40 letters, digits, spaces or . _ : & + / -.',
  })
  tag: string;
}

@InputType()
export class SetCompanyLifecycleStageInput {
  @Field(() => ID)
  companyId: string;

  @Field(() => LifecycleStage, {
    nullable: true,
    description: 'Null drops the stage you set: the proposed one applies again.',
  })
  stage?: LifecycleStage | null;
}

@InputType({
  description:
    'A rule of a segment. One shape for every kind: give exactly the parameters the kind takes ' +
    '(see SegmentRuleKind); anything else is refused, each problem at its path.',
})
export class SegmentRuleInput implements SegmentRuleFields {
  @Field(() => SegmentRuleKind)
  kind: SegmentRuleKind;

  @Field(() => Int, { nullable: true, description: 'A window in days, 1 to 3650.' })
  days: number | null;

  @Field(() => Int, { nullable: true, description: 'REPEAT_BUYER: orders, 2 to 1000.' })
  count: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'HIGH_VALUE: minor units of the platform currency.',
  })
  amount: number | null;

  @Field(() => String, { nullable: true, description: 'HAS_TAG: as tagAccount keeps it.' })
  tag: string | null;

  @Field(() => LifecycleStage, { nullable: true })
  stage: LifecycleStage | null;

  @Field(() => [SegmentRuleInput], {
    nullable: true,
    description: `ALL / ANY: 1 to ${MAX_GROUP_SIZE} rules.`,
  })
  rules: SegmentRuleInput[] | null;
}

@InputType()
export class CreateSegmentInput {
  @Field(() => String)
  @Length(1, 80)
  name: string;

  @Field(() => AccountType)
  accountType: AccountType;

  @Field(() => SegmentRuleInput)
  rule: SegmentRuleInput;
}

@InputType({ description: 'Its accounts type stays; null keeps a field.' })
export class UpdateSegmentInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80)
  name?: string | null;

  @Field(() => SegmentRuleInput, { nullable: true })
  rule?: SegmentRuleInput | null;
}

@ArgsType()
export class SegmentsArgs extends PageArgs {
  @Field(() => AccountType, { nullable: true })
  accountType?: AccountType | null;
}

@InputType()
export class AccountFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Part of the name, or of the email (consumers) or registration number (companies), in any ' +
      'letter case.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only accounts carrying this tag of yours.' })
  @IsOptional()
  tag?: string | null;
}

@ArgsType()
export class AccountsArgs extends PageArgs {
  @Field(() => AccountType)
  accountType: AccountType;

  @Field(() => AccountFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AccountFilter | null;
}

@ArgsType()
export class SegmentPreviewArgs {
  @Field(() => AccountType)
  accountType: AccountType;

  @Field(() => SegmentRuleInput)
  rule: SegmentRuleInput;

  @Field(() => Int, { defaultValue: 10, description: 'Members shown, 1 to 50.' })
  @Min(1)
  @Max(50)
  first: number;
}

@InterfaceType('SegmentRule', {
  description: 'A rule of a segment as stored: each kind with its own parameters.',
})
export class SegmentRuleNode {
  @Field(() => SegmentRuleKind)
  kind: SegmentRuleKind;
}

@ObjectType({ implements: SegmentRuleNode, simpleResolvers: true, description: 'ALL / ANY.' })
export class SegmentGroupRule extends SegmentRuleNode {
  @Field(() => [SegmentRuleNode])
  rules: SegmentRuleNode[];
}

@ObjectType({
  implements: SegmentRuleNode,
  simpleResolvers: true,
  description: 'FIRST_TIME_BUYER, OPEN_RFQ.',
})
export class SegmentFlagRule extends SegmentRuleNode {}

@ObjectType({
  implements: SegmentRuleNode,
  simpleResolvers: true,
  description: 'LAPSED, CONTRACT_ENDING, QUOTE_LOST.',
})
export class SegmentWindowRule extends SegmentRuleNode {
  @Field(() => Int)
  days: number;
}

@ObjectType({ implements: SegmentRuleNode, simpleResolvers: true })
export class RepeatBuyerRule extends SegmentRuleNode {
  @Field(() => Int)
  count: number;

  @Field(() => Int)
  days: number;
}

@ObjectType({ implements: SegmentRuleNode, simpleResolvers: true })
export class HighValueRule extends SegmentRuleNode {
  @Field(() => Money)
  amount: Money;

  @Field(() => Int)
  days: number;
}

@ObjectType({ implements: SegmentRuleNode, simpleResolvers: true })
export class HasTagRule extends SegmentRuleNode {
  @Field(() => String)
  tag: string;
}

@ObjectType({ implements: SegmentRuleNode, simpleResolvers: true })
export class LifecycleStageRule extends SegmentRuleNode {
  @Field(() => LifecycleStage)
  stage: LifecycleStage;
}

/** A stored rule as the schema answers it (amounts in `currency`, the platform's). */
export function ruleNode(rule: SegmentRule, currency: string): SegmentRuleNode {
  const node = <T extends SegmentRuleNode>(type: new () => T, fields: Omit<T, 'kind'>): T =>
    Object.assign(new type(), { kind: rule.kind }, fields);
  switch (rule.kind) {
    case SegmentRuleKind.ALL:
    case SegmentRuleKind.ANY:
      return node(SegmentGroupRule, { rules: rule.rules.map((r) => ruleNode(r, currency)) });
    case SegmentRuleKind.FIRST_TIME_BUYER:
    case SegmentRuleKind.OPEN_RFQ:
      return node(SegmentFlagRule, {});
    case SegmentRuleKind.LAPSED:
    case SegmentRuleKind.CONTRACT_ENDING:
    case SegmentRuleKind.QUOTE_LOST:
      return node(SegmentWindowRule, { days: rule.days });
    case SegmentRuleKind.REPEAT_BUYER:
      return node(RepeatBuyerRule, { count: rule.count, days: rule.days });
    case SegmentRuleKind.HIGH_VALUE:
      return node(HighValueRule, { amount: Money.of(rule.amount, currency), days: rule.days });
    case SegmentRuleKind.HAS_TAG:
      return node(HasTagRule, { tag: rule.tag });
    case SegmentRuleKind.LIFECYCLE_STAGE:
      return node(LifecycleStageRule, { stage: rule.stage });
  }
}

/** A seller's view of where a company stands with it. */
@ObjectType({
  description: 'Where a company stands with your shop (seller staff only).',
  simpleResolvers: true,
})
export class CompanyLifecycle {
  companyId: number;

  @Field(() => LifecycleStage, {
    nullable: true,
    description: 'The stage your shop set; null: none, the proposed one applies.',
  })
  stage: LifecycleStage | null;

  @Field(() => LifecycleStage, {
    description: 'Proposed from `spend` and the platform thresholds.',
  })
  proposedStage: LifecycleStage;

  @Field(() => Money, {
    description:
      'Bought from your shop over the last 365 days (call-off orders and one-off contracts, ' +
      'in the platform currency).',
  })
  spend: Money;

  @Field(() => Date, { nullable: true, description: 'When `stage` was set.' })
  setAt: Date | null;

  setByUserId: number | null;
}

@ObjectType({
  description: "A rule's members, counted and the first few, without saving it.",
  simpleResolvers: true,
})
export class SegmentPreview {
  @Field(() => Int)
  memberCount: number;

  @Field(() => [Account], { description: 'The first members by id.' })
  members: Account[];
}

@ObjectType({
  description: 'A tag in use, with the number of accounts carrying it.',
  simpleResolvers: true,
})
export class TagUsage {
  @Field(() => String)
  tag: string;

  @Field(() => Int)
  accounts: number;
}

export const AccountConnection = connectionOf(Account, {
  description: 'A page of accounts (Relay connection).',
  counted: 'Accounts in the list',
});
export type AccountConnection = InstanceType<typeof AccountConnection>;

export const SegmentConnection = connectionOf(Segment, {
  description: 'A page of segments (Relay connection), newest first.',
  counted: 'Segments matching the filter',
});
export type SegmentConnection = InstanceType<typeof SegmentConnection>;

export const AccountResult = createUnionType({
  name: 'AccountResult',
  types: () => [User, Company, NotFoundError] as const,
});

export const CompanyLifecycleResult = createUnionType({
  name: 'CompanyLifecycleResult',
  types: () => [CompanyLifecycle, NotFoundError] as const,
});

export const SegmentResult = createUnionType({
  name: 'SegmentResult',
  types: () => [Segment, NotFoundError, AlreadyExistsError] as const,
});
