import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';
import type { SegmentRule } from './segment-rule.js';

export enum AccountType {
  CONSUMER = 'CONSUMER',
  COMPANY = 'COMPANY',
}
registerEnumType(AccountType, {
  name: 'AccountType',
  valuesConfig: {
    CONSUMER: {
      description: 'A person buying for themselves: no company role, not seller staff or admin.',
    },
    COMPANY: { description: 'A business buying through quotes, contracts and call-off orders.' },
  },
});

export enum LifecycleStage {
  STARTUP = 'STARTUP',
  GROWTH = 'GROWTH',
  MATURE = 'MATURE',
}
registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description: "Where a company stands in its relationship with a seller (or the platform's).",
});

/**
 * Whose tags and segments a row is: a seller's id, or `PLATFORM` (0) for the platform admins'.
 * A number rather than a nullable seller id, so that unique keys cover platform rows too (NULLs
 * are all distinct in a unique key).
 */
export const PLATFORM = 0;

/**
 * A word a seller's staff (for their shop's customers) or the platform admins (for anyone) put
 * on a consumer or a company. Each owner sees only its own tags.
 */
@ObjectType({
  description: 'A tag on an account, seen only by the shop or platform that set it.',
  simpleResolvers: true,
})
@Entity('account_tag')
@Index(['ownerId', 'accountType', 'tag', 'accountId'], { unique: true })
@Index(['accountType', 'accountId'])
export class AccountTag extends BaseEntity {
  /** The seller whose staff set it, or PLATFORM. */
  @Column({ type: 'int' })
  ownerId: number;

  @Field(() => AccountType)
  @Column({ type: 'varchar', length: 10 })
  accountType: AccountType;

  /** A user's id (CONSUMER) or a company's (COMPANY). */
  @Column({ type: 'int' })
  accountId: number;

  /** Normalised by `normaliseTag`: trimmed, single spaces, lower case. */
  @Field(() => String)
  @Column({ type: 'varchar', length: 40 })
  tag: string;

  @Column({ type: 'int' })
  createdByUserId: number;
}

/** The lifecycle stage a seller's staff set for a company; absent: the proposed one applies. */
@Entity('company_lifecycle_stage')
@Index(['sellerId', 'companyId'], { unique: true })
@Index(['companyId'])
export class CompanyLifecycleStage extends BaseEntity {
  @Column({ type: 'int' })
  sellerId: number;

  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'varchar', length: 10 })
  stage: LifecycleStage;

  @Column({ type: 'int' })
  setByUserId: number;

  /** When it was set, by the request's clock. */
  @Column({ type: 'datetime' })
  setAt: Date;
}

/**
 * A named rule over what the platform knows of its accounts (orders, quotes, contracts, tags,
 * stages), kept as data and evaluated in the database when asked. A seller's segment counts only
 * that seller's business and customers; a platform segment counts everyone's.
 */
@ObjectType({
  description: 'A named rule selecting consumers or companies.',
  simpleResolvers: true,
})
@Entity('segment')
@Index(['ownerId', 'name'], { unique: true })
@Index(['ownerId', 'id'])
export class Segment extends BaseEntity {
  /** The seller whose staff keep it, or PLATFORM. */
  @Column({ type: 'int' })
  ownerId: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Field(() => AccountType, { description: 'Whom it selects.' })
  @Column({ type: 'varchar', length: 10 })
  accountType: AccountType;

  /** The rule tree as `normaliseRule` left it (see segment-rule.ts). */
  @Column({ type: 'simple-json' })
  rule: SegmentRule;

  @Column({ type: 'int' })
  createdByUserId: number;

  @Column({ type: 'int' })
  updatedByUserId: number;
}
