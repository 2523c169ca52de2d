import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { BaseEntity } from '../../db/columns.js';
import { PaymentMethod } from '../ordering/order.entity.js';

export enum PaymentStatus {
  PENDING = 'PENDING',
  COLLECTED = 'COLLECTED',
  RECONCILED = 'RECONCILED',
  DISPUTED = 'DISPUTED',
  VOIDED = 'VOIDED',
}
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  valuesConfig: {
    PENDING: { description: 'Cash is due at the door.' },
    COLLECTED: { description: 'The courier collected the cash; not yet remitted to the seller.' },
    RECONCILED: { description: 'The courier remitted it and the remittance matched.' },
    DISPUTED: { description: 'Remitted in a batch whose amount did not match; to be resolved.' },
    VOIDED: { description: 'Nothing will be collected (cancelled, expired or refused).' },
  },
});

export enum RemittanceStatus {
  MATCHED = 'MATCHED',
  SHORT = 'SHORT',
  EXCESS = 'EXCESS',
}
registerEnumType(RemittanceStatus, { name: 'RemittanceStatus' });

export enum RemittanceResolution {
  SETTLED = 'SETTLED',
  WRITTEN_OFF = 'WRITTEN_OFF',
}
registerEnumType(RemittanceResolution, {
  name: 'RemittanceResolution',
  description: 'How a short or excess remittance was closed.',
  valuesConfig: {
    SETTLED: { description: 'The difference changed hands afterwards (paid up or paid back).' },
    WRITTEN_OFF: { description: 'The seller accepted the difference as it is.' },
  },
});

/** The payment of one order: for cash on delivery, what is due, collected and remitted. */
@ObjectType({ description: 'The payment of an order.', simpleResolvers: true })
@Entity('payment')
export class Payment extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'int' })
  orderId: number;

  @Field(() => PaymentMethod)
  @Column({ type: 'varchar', length: 24 })
  method: PaymentMethod;

  @Field(() => PaymentStatus)
  @Column({ type: 'varchar', length: 16 })
  status: PaymentStatus;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'int' })
  dueAmount: number;

  @Column({ type: 'int', nullable: true })
  collectedAmount: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  collectedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  reconciledAt: Date | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  remittanceId: number | null;

  @Field(() => Money, { description: 'What is due.' })
  get amount(): Money {
    return Money.of(this.dueAmount, this.currency);
  }

  @Field(() => Money, { nullable: true, description: 'What the courier collected.' })
  get collected(): Money | null {
    return this.collectedAmount === null ? null : Money.of(this.collectedAmount, this.currency);
  }
}

/** Cash a courier handed over to a seller for a batch of delivered orders. */
@ObjectType({
  description: "A courier's remittance of collected cash for a batch of orders.",
  simpleResolvers: true,
})
@Entity('cash_remittance')
@Index(['sellerId', 'reference'], { unique: true })
@Index(['sellerId', 'id'])
export class CashRemittance extends BaseEntity {
  @Column({ type: 'int' })
  sellerId: number;

  @Field(() => String, { description: "The courier's or bank's reference; unique per seller." })
  @Column({ type: 'varchar', length: 100 })
  reference: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'int' })
  receivedAmount: number;

  @Column({ type: 'int' })
  expectedAmount: number;

  @Field(() => RemittanceStatus)
  @Column({ type: 'varchar', length: 16 })
  status: RemittanceStatus;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'int' })
  actorUserId: number;

  @Field(() => RemittanceResolution, {
    nullable: true,
    description: 'Null while a short or excess remittance is open (always null when matched).',
  })
  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution: RemittanceResolution | null;

  @Field(() => String, { description: 'The reference and words the resolution was recorded with.' })
  @Column({ type: 'varchar', length: 500, default: '' })
  resolutionNote: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Field(() => Money, { description: 'What the courier handed over.' })
  get amount(): Money {
    return Money.of(this.receivedAmount, this.currency);
  }

  @Field(() => Money, { description: 'What the courier collected for these orders.' })
  get expected(): Money {
    return Money.of(this.expectedAmount, this.currency);
  }

  @Field(() => Money, { description: 'amount - expected: negative when short.' })
  get difference(): Money {
    return Money.of(this.receivedAmount - this.expectedAmount, this.currency);
  }
}
