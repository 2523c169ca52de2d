import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { BaseEntity, intTransformer } from '../../db/columns.js';

export enum CallOffStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  PLACED = 'PLACED',
  DELIVERED = 'DELIVERED',
  REJECTED = 'REJECTED',
}
registerEnumType(CallOffStatus, {
  name: 'CallOffStatus',
  valuesConfig: {
    PENDING_APPROVAL: {
      description: "At or above the company's threshold: in its approval chain (held meanwhile).",
    },
    PLACED: { description: 'Drawn down from the contract; stock reserved; invoiced.' },
    DELIVERED: { description: 'The seller delivered it.' },
    REJECTED: { description: 'Rejected in approval; quantities and stock released.' },
  },
});

/** A seller's credit to one company: call-off orders may not take its exposure past `limit`. */
@ObjectType({ description: "A seller's credit line for a company.", simpleResolvers: true })
@Entity('credit_line')
@Index(['sellerId', 'companyId'], { unique: true })
export class CreditLine extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'int' })
  sellerId: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'int', transformer: intTransformer })
  limitAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Money)
  get limit(): Money {
    return Money.of(this.limitAmount, this.currency);
  }
}

/** An order placed under a framework agreement at its prices, drawn down from its quantities. */
@ObjectType({ description: 'An order under a framework agreement.', simpleResolvers: true })
@Entity('call_off')
@Index(['contractId', 'id'])
@Index(['contractId', 'idempotencyKey'], { unique: true })
// Exposure adds up a company's orders held in approval with a seller, for every credit line
// listed, sorted or filtered by exposure (call-off.service.ts exposureSql).
@Index(['sellerId', 'companyId', 'status'])
// Segments read a company's call-off orders per shop and across the platform from these alone
// (audience/segment-sql.ts).
@Index(['sellerId', 'companyId', 'createdAt', 'status', 'totalAmount', 'currency'])
@Index(['companyId', 'createdAt', 'status', 'totalAmount', 'currency'])
export class CallOff extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'int' })
  contractId: number;

  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'int' })
  sellerId: number;

  @Column({ type: 'int' })
  placedByUserId: number;

  @Column({ type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Field(() => CallOffStatus)
  @Column({ type: 'varchar', length: 20 })
  status: CallOffStatus;

  @Column({ type: 'int', transformer: intTransformer })
  totalAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Money)
  get total(): Money {
    return Money.of(this.totalAmount, this.currency);
  }

  @Field(() => String, { description: 'CO-000042.' })
  get number(): string {
    return `CO-${String(this.id).padStart(6, '0')}`;
  }
}

@ObjectType({ description: 'A line of a call-off order.', simpleResolvers: true })
@Entity('call_off_line')
@Index(['callOffId'])
export class CallOffLine extends BaseEntity {
  @Column({ type: 'int' })
  callOffId: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  contractLineId: number;

  @Column({ type: 'int', nullable: true })
  variantId: number | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int', transformer: intTransformer })
  unitPriceAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.of(this.unitPriceAmount, this.currency);
  }
}
