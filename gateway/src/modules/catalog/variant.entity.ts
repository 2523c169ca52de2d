import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { BaseEntity, intTransformer } from '../../db/columns.js';
import { NameValue } from './product.entity.js';

@ObjectType({ description: 'Stock of a variant.', simpleResolvers: true })
export class Stock {
  @Field(() => Int)
  onHand: number;

  @Field(() => Int)
  reserved: number;

  @Field(() => Int, { description: 'onHand - reserved.' })
  available: number;

  @Field(() => Boolean)
  inStock: boolean;
}

/** A sellable unit (SKU) of a product, with its list price and its stock. */
@ObjectType({ description: 'A sellable unit (SKU) of a product.', simpleResolvers: true })
@Entity('variant')
export class Variant extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  productId: number;

  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  sku: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => [NameValue])
  @Column({ type: 'simple-json' })
  options: NameValue[];

  /** List price in minor units of `currency`: what consumers pay. */
  @Column({ name: 'listPrice', type: 'int', transformer: intTransformer })
  listPriceAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  /** Smallest quantity a business buyer may order. */
  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  minOrderQuantity: number;

  /** Business orders come in multiples of this above the minimum. */
  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  orderIncrement: number;

  /** Units in the warehouse, reserved ones included. */
  @Column({ type: 'int', default: 0 })
  stockOnHand: number;

  /** Units promised to placed orders that have not shipped; available = onHand - reserved. */
  @Column({ type: 'int', default: 0 })
  stockReserved: number;

  @Column({ type: 'int', default: 0 })
  position: number;

  /** What a consumer pays, read from the row itself: no resolver call per variant of a page. */
  @Field(() => Money, { description: 'The consumer price.' })
  get listPrice(): Money {
    return Money.of(this.listPriceAmount, this.currency);
  }

  /** Read from the row itself: a page of variants costs no resolver call for it. */
  @Field(() => Stock)
  get stock(): Stock {
    const available = Math.max(0, this.stockOnHand - this.stockReserved);
    return {
      onHand: this.stockOnHand,
      reserved: this.stockReserved,
      available,
      inStock: available > 0,
    };
  }
}
