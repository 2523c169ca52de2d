import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, intTransformer } from '../../db/columns.js';

/** Volume price for business buyers: from `minQuantity` units on, each costs `unitPrice`. */
@ObjectType({ description: 'A volume price for business buyers.', simpleResolvers: true })
@Entity('price_tier')
@Index(['variantId', 'minQuantity'], { unique: true })
export class PriceTier extends BaseEntity {
  @Column({ type: 'int' })
  variantId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  minQuantity: number;

  @Column({ type: 'int', transformer: intTransformer })
  unitPrice: number;

  /** The variant's currency, kept here so a tier prices itself without reading the variant. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;
}
