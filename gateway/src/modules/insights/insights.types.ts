import { Max, Min } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../api/pagination.js';
import { AccountType } from '../audience/audience.entity.js';
import { FunnelBucket } from './funnel-buckets.js';

/**
 * The stages of the two funnels. Each funnel follows a cohort: the accounts that entered it
 * (its first stage) within the range, and how far each has got to date. A later stage implies
 * the earlier ones. "Yours" is your shop's business for seller staff and anyone's for admins.
 */
export enum FunnelStage {
  REGISTERED = 'REGISTERED',
  FIRST_ORDER = 'FIRST_ORDER',
  REPEAT = 'REPEAT',
  RFQ = 'RFQ',
  QUOTED = 'QUOTED',
  CONTRACT = 'CONTRACT',
  RENEWAL = 'RENEWAL',
}
registerEnumType(FunnelStage, {
  name: 'FunnelStage',
  valuesConfig: {
    REGISTERED: {
      description:
        'B2C entry. Admins: consumers who registered on the platform within the range. Seller ' +
        'staff: consumers who became your customers within the range, dated by their first ' +
        'order with your shop in any state (a seller does not see who registered and never ' +
        'ordered from it).',
    },
    FIRST_ORDER: {
      description:
        'Of them, consumers with an order of yours that counts (placed, confirmed, shipped or ' +
        'delivered; not cancelled or refused).',
    },
    REPEAT: { description: 'Of them, consumers with two or more such orders.' },
    RFQ: {
      description:
        'B2B entry: companies whose first request for quotation to you (admins: to any ' +
        'seller) was sent within the range; drafts never sent do not count.',
    },
    QUOTED: { description: 'Of them, companies that received an offer from you.' },
    CONTRACT: { description: 'Of them, companies that signed a contract with you (both sides).' },
    RENEWAL: {
      description:
        'Of them, companies that signed a further contract with the same seller: a renewed ' +
        'framework agreement or another deal.',
    },
  },
});

@InputType()
export class LifecycleFunnelInput {
  @Field(() => Date, { description: 'The range starts here (inclusive).' })
  from: Date;

  @Field(() => Date, {
    description: 'The range ends here (exclusive): after `from`, 2 years at most.',
  })
  to: Date;

  @Field(() => FunnelBucket, { defaultValue: FunnelBucket.MONTH })
  bucket: FunnelBucket;
}

@ObjectType({ description: 'The accounts at one stage of a funnel.', simpleResolvers: true })
export class FunnelStageCount {
  @Field(() => FunnelStage)
  stage: FunnelStage;

  @Field(() => Int)
  accounts: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The share of the previous stage's accounts that reached this one, 0 to 1; null for the " +
      'first stage, or when the previous one has no accounts.',
  })
  conversion: number | null;
}

@ObjectType({
  description: 'The cohort that entered a funnel in one bucket.',
  simpleResolvers: true,
})
export class FunnelPeriod {
  @Field(() => Date, {
    description:
      'Where the bucket starts. The first may start before the range and the last end after ' +
      'it: only entries within the range count.',
  })
  start: Date;

  @Field(() => [FunnelStageCount], { description: 'Every stage, in funnel order.' })
  stages: FunnelStageCount[];
}

@ObjectType({
  description: "One funnel's cohort over the range, whole and per bucket.",
  simpleResolvers: true,
})
export class LifecycleFunnel {
  @Field(() => [FunnelStageCount], { description: 'The whole range, every stage in order.' })
  stages: FunnelStageCount[];

  @Field(() => [FunnelPeriod], { description: 'Every bucket of the range, empty ones too.' })
  periods: FunnelPeriod[];
}

@ObjectType({
  description: 'The consumer and business funnels over a range.',
  simpleResolvers: true,
})
export class LifecycleFunnels {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => FunnelBucket)
  bucket: FunnelBucket;

  @Field(() => LifecycleFunnel, { description: 'REGISTERED, FIRST_ORDER, REPEAT.' })
  b2c: LifecycleFunnel;

  @Field(() => LifecycleFunnel, { description: 'RFQ, QUOTED, CONTRACT, RENEWAL.' })
  b2b: LifecycleFunnel;
}

@ArgsType()
export class RenewalsAtRiskArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 60, description: 'Ending within this many days, 1 to 365.' })
  @Min(1)
  @Max(365)
  days: number;
}

@ArgsType()
export class LapsedCustomersArgs extends PageArgs {
  @Field(() => AccountType)
  accountType: AccountType;

  @Field(() => Int, {
    defaultValue: 90,
    description: 'Nothing bought for this many days, 1 to 3650.',
  })
  @Min(1)
  @Max(3650)
  days: number;
}
