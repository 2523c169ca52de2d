import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { StateMachine } from '../../common/state-machine.js';
import { BaseEntity, intTransformer } from '../../db/columns.js';
import { PaymentTerms } from '../quoting/payment-terms.js';
import { DealKind } from '../quoting/quote.entity.js';

export enum ContractStatus {
  PENDING_SIGNATURE = 'PENDING_SIGNATURE',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  valuesConfig: {
    PENDING_SIGNATURE: { description: 'Drawn up from the approved quote; waiting for signatures.' },
    ACTIVE: { description: 'Signed by both sides.' },
    COMPLETED: { description: 'Delivered, accepted and paid (one-off), or its term ended.' },
    TERMINATED: { description: 'Ended early by agreement.' },
  },
});

export const contractLifecycle = new StateMachine<ContractStatus>('contract', {
  PENDING_SIGNATURE: [ContractStatus.ACTIVE, ContractStatus.TERMINATED],
  ACTIVE: [ContractStatus.COMPLETED, ContractStatus.TERMINATED],
  COMPLETED: [],
  TERMINATED: [],
});

/** A step someone may take on a contract; `Contract.allowedActions` lists the viewer's. */
export enum ContractAction {
  SIGN = 'SIGN',
  RECORD_DELIVERY = 'RECORD_DELIVERY',
  ACCEPT_DELIVERY = 'ACCEPT_DELIVERY',
  DISPUTE_DELIVERY = 'DISPUTE_DELIVERY',
  RECORD_PAYMENT = 'RECORD_PAYMENT',
  PLACE_CALL_OFF = 'PLACE_CALL_OFF',
  RENEW = 'RENEW',
}
registerEnumType(ContractAction, {
  name: 'ContractAction',
  valuesConfig: {
    SIGN: { description: 'signContract for your side.' },
    RECORD_DELIVERY: { description: 'ONE_OFF, the seller: recordContractDelivery.' },
    ACCEPT_DELIVERY: { description: 'ONE_OFF, the buyer: acceptContractDelivery.' },
    DISPUTE_DELIVERY: { description: 'ONE_OFF, the buyer: disputeContractDelivery.' },
    RECORD_PAYMENT: { description: 'The seller: recordContractPayment against its milestones.' },
    PLACE_CALL_OFF: { description: 'FRAMEWORK in force, a buyer: placeCallOff.' },
    RENEW: { description: 'FRAMEWORK, a buyer: renewContract.' },
  },
});

/** The agreement an approved quote becomes: parties, term, agreed lines and payment terms. */
@ObjectType({ description: 'A contract between a company and a seller.', simpleResolvers: true })
@Entity('contract')
@Index(['companyId', 'id'])
@Index(['sellerId', 'id'])
export class Contract extends BaseEntity {
  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'int' })
  sellerId: number;

  @Field(() => ID)
  @Index({ unique: true })
  @Column({ type: 'int' })
  quoteId: number;

  @Column({ type: 'int' })
  quoteVersionId: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  approvalRequestId: number;

  @Field(() => DealKind)
  @Column({ type: 'varchar', length: 12 })
  kind: DealKind;

  @Field(() => ContractStatus)
  @Column({ type: 'varchar', length: 20 })
  status: ContractStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; set when it becomes active.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  startsOn: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  @Field(() => Int, { nullable: true, description: 'FRAMEWORK: the term in months.' })
  @Column({ type: 'int', nullable: true })
  termMonths: number | null;

  @Field(() => PaymentTerms)
  @Column({ type: 'simple-json' })
  paymentTerms: PaymentTerms;

  @Column({ type: 'int', transformer: intTransformer })
  totalAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'int', nullable: true })
  buyerSignedByUserId: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  buyerSignedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  sellerSignedByUserId: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  sellerSignedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'ONE_OFF: when the seller delivered.' })
  @Column({ type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'ONE_OFF: when the buyer accepted the goods.' })
  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "ONE_OFF: the buyer's objection to the delivery, until they accept it.",
  })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  disputeNote: string | null;

  @Field(() => Money)
  get total(): Money {
    return Money.of(this.totalAmount, this.currency);
  }

  @Field(() => String, { description: 'C-000042.' })
  get number(): string {
    return `C-${String(this.id).padStart(6, '0')}`;
  }
}

@ObjectType({ description: 'An agreed line of a contract.', simpleResolvers: true })
@Entity('contract_line')
@Index(['contractId', 'id'])
export class ContractLine extends BaseEntity {
  @Column({ type: 'int' })
  contractId: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  variantId: number | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Field(() => Int, { description: 'ONE_OFF: the quantity bought; FRAMEWORK: the one committed.' })
  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int', transformer: intTransformer })
  unitPriceAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Int, { description: 'FRAMEWORK: drawn down by call-off orders so far.' })
  @Column({ type: 'int', default: 0 })
  drawnQuantity: number;

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.of(this.unitPriceAmount, this.currency);
  }

  @Field(() => Int, { description: 'quantity - drawnQuantity.' })
  get remainingQuantity(): number {
    return this.quantity - this.drawnQuantity;
  }
}
