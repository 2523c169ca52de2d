import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { BaseEntity } from '../../db/columns.js';
import { Address } from './address.js';
import { OrderStatus } from './order-status.js';

export enum PaymentMethod {
  CASH_ON_DELIVERY = 'CASH_ON_DELIVERY',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

/** One consumer checkout: the idempotency key a client sent and the orders it produced. */
@Entity('checkout')
@Index(['userId', 'idempotencyKey'], { unique: true })
export class Checkout {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 64 })
  idempotencyKey: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

/** A consumer order: what one checkout bought from one seller. */
@ObjectType({ description: 'A consumer order to one seller.', simpleResolvers: true })
@Entity('customer_order')
@Index(['userId', 'id'])
@Index(['sellerId', 'id'])
@Index(['status', 'confirmBy'])
// Segments read a consumer's orders per shop and across the platform from these alone
// (audience/segment-sql.ts): grouped by consumer, filtered by time and status, summed.
@Index(['sellerId', 'userId', 'createdAt', 'status', 'totalAmount', 'currency'])
@Index(['userId', 'createdAt', 'status', 'totalAmount', 'currency'])
export class Order extends BaseEntity {
  @Field(() => String, { description: 'The number people quote, e.g. on the phone.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 24 })
  number: string;

  @Index()
  @Column({ type: 'int' })
  checkoutId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  sellerId: number;

  @Field(() => OrderStatus)
  @Column({ type: 'varchar', length: 16 })
  status: OrderStatus;

  @Field(() => PaymentMethod)
  @Column({ type: 'varchar', length: 24 })
  paymentMethod: PaymentMethod;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'int' })
  itemsAmount: number;

  @Column({ type: 'int' })
  codFeeAmount: number;

  @Column({ type: 'int' })
  totalAmount: number;

  @Field(() => Address)
  @Column(() => Address, { prefix: 'ship' })
  shippingAddress: Address;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 60, nullable: true })
  carrier: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 60, nullable: true })
  trackingNumber: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'While PLACED: when the order expires unless the seller confirms it.',
  })
  @Column({ type: 'datetime', nullable: true })
  confirmBy: Date | null;

  @Field(() => Money)
  get itemsTotal(): Money {
    return Money.of(this.itemsAmount, this.currency);
  }

  @Field(() => Money)
  get codFee(): Money {
    return Money.of(this.codFeeAmount, this.currency);
  }

  @Field(() => Money)
  get total(): Money {
    return Money.of(this.totalAmount, this.currency);
  }

  @Field(() => Date)
  get placedAt(): Date {
    return this.createdAt;
  }
}

/** A line of an order, with the names and price as they were when it was placed. */
@ObjectType({ description: 'A line of an order, as it was when placed.', simpleResolvers: true })
@Entity('order_line')
// Cross-sell: the orders holding a product, read from the index alone.
@Index(['productId', 'orderId'])
export class OrderLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Index()
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  variantId: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  sku: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  productName: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  variantName: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'int' })
  unitAmount: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.of(this.unitAmount, this.currency);
  }

  @Field(() => Money)
  get lineTotal(): Money {
    return Money.of(this.unitAmount * this.quantity, this.currency);
  }
}
