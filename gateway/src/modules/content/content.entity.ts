import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../db/columns.js';

export enum ContentKind {
  BANNER = 'BANNER',
  PRODUCT_SLOT = 'PRODUCT_SLOT',
}
registerEnumType(ContentKind, {
  name: 'ContentKind',
  valuesConfig: {
    BANNER: { description: 'A title, text, image and link with a call to action.' },
    PRODUCT_SLOT: { description: 'A titled list of products.' },
  },
});

export enum ContentPlacement {
  STOREFRONT_HOME = 'STOREFRONT_HOME',
  PRODUCT_PAGE = 'PRODUCT_PAGE',
  CART = 'CART',
  PORTAL_DASHBOARD = 'PORTAL_DASHBOARD',
}
registerEnumType(ContentPlacement, {
  name: 'ContentPlacement',
  description:
    'Where a block shows. The storefront places target consumers, the portal dashboard ' +
    'companies (seen by their members).',
});

export enum ContentStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ContentStatus, {
  name: 'ContentStatus',
  valuesConfig: {
    DRAFT: { description: 'Kept, shown to no one (previews may include it).' },
    ACTIVE: { description: 'Shown to its target within its schedule.' },
    ARCHIVED: { description: 'Retired for good; it can no longer be changed.' },
  },
});

/**
 * A banner or product slot placed on a page for a target (everyone, or any of some segments
 * and tags) within a schedule. Kept by a seller's staff for their shop (its own segments, tags
 * and products only) or by the platform admins (`ownerId` PLATFORM, as in the audience module).
 */
@ObjectType({
  description: 'A banner or product slot placed on a page for a target.',
  simpleResolvers: true,
})
@Entity('content_block')
@Index(['placement', 'status', 'priority', 'id'])
@Index(['ownerId', 'id'])
export class ContentBlock extends BaseEntity {
  /** The seller whose staff keep it, or PLATFORM (0). */
  @Column({ type: 'int' })
  ownerId: number;

  @Field(() => ContentKind)
  @Column({ type: 'varchar', length: 16 })
  kind: ContentKind;

  @Field(() => ContentPlacement)
  @Column({ type: 'varchar', length: 20 })
  placement: ContentPlacement;

  @Field(() => String, { description: "A banner's headline or a slot's heading." })
  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  body: string | null;

  @Field(() => String, { nullable: true, description: 'Banners only.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  imageUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Banners only.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  linkUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Banners only: the text of the link.' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  callToAction: string | null;

  /** A product slot's products in the order shown (empty for banners). */
  @Column({ type: 'simple-json' })
  productIds: number[];

  /** Shown to everyone, guests included; otherwise to members of any of `segmentIds`/`tags`. */
  @Column({ type: 'boolean' })
  everyone: boolean;

  @Column({ type: 'simple-json' })
  segmentIds: number[];

  /** The owner's tags, normalised as `tagAccount` keeps them. */
  @Column({ type: 'simple-json' })
  tags: string[];

  @Field(() => Int, { description: 'Higher shows first; ties: newer first.' })
  @Column({ type: 'int' })
  priority: number;

  @Field(() => Date, { nullable: true, description: 'Shown from this instant (included).' })
  @Column({ type: 'datetime', nullable: true })
  startsAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Shown until this instant (excluded).' })
  @Column({ type: 'datetime', nullable: true })
  endsAt: Date | null;

  @Field(() => ContentStatus)
  @Column({ type: 'varchar', length: 10 })
  status: ContentStatus;

  @Column({ type: 'int' })
  createdByUserId: number;

  @Column({ type: 'int' })
  updatedByUserId: number;
}
