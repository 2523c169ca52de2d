import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { BaseEntity, intTransformer } from '../../db/columns.js';

export const productStatuses = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
export type ProductStatus = (typeof productStatuses)[number];
export const ProductStatus = { DRAFT: 'DRAFT', ACTIVE: 'ACTIVE', ARCHIVED: 'ARCHIVED' } as const;
registerEnumType(ProductStatus, { name: 'ProductStatus' });

@ObjectType({
  description: 'A named value: a product attribute or a variant option.',
  simpleResolvers: true,
})
export class NameValue {
  @Field(() => String)
  name: string;

  @Field(() => String)
  value: string;
}

/** A product of one seller. Only ACTIVE products are visible outside the seller. */
@ObjectType({ description: 'A product of one seller.', simpleResolvers: true })
@Entity('product')
@Index(['status', 'minPrice', 'id'])
@Index(['sellerId', 'status'])
@Index(['categoryId', 'status'])
export class Product extends BaseEntity {
  @Column({ type: 'int' })
  sellerId: number;

  @Column({ type: 'int' })
  categoryId: number;

  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  slug: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => [NameValue])
  @Column({ type: 'simple-json' })
  attributes: NameValue[];

  @Field(() => [String])
  @Column({ type: 'simple-json' })
  imageUrls: string[];

  @Field(() => ProductStatus)
  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: ProductStatus;

  /** Lowest list price of the variants (minor units), kept by the catalog service for sort and filter. */
  @Column({ type: 'int', nullable: true, transformer: intTransformer })
  minPrice: number | null;

  /** Currency of `minPrice`. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  /** Whether any variant has available stock; kept by the catalog service for the in-stock filter. */
  @Field(() => Boolean, { description: 'Whether any variant has stock available.' })
  @Column({ type: 'boolean', default: false })
  inStock: boolean;

  /** Read from the row itself: a page of products costs no resolver call for it. */
  @Field(() => Money, { nullable: true, description: 'Lowest list price of the variants.' })
  get priceFrom(): Money | null {
    return this.minPrice === null || this.currency === null
      ? null
      : Money.of(this.minPrice, this.currency);
  }
}
