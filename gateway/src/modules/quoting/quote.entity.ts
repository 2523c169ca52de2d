import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Money } from '../../api/money.type.js';
import { StateMachine } from '../../common/state-machine.js';
import { BaseEntity, intTransformer } from '../../db/columns.js';
import { Address } from '../ordering/address.js';
import { PaymentTerms } from './payment-terms.js';

export enum DealKind {
  ONE_OFF = 'ONE_OFF',
  FRAMEWORK = 'FRAMEWORK',
}
registerEnumType(DealKind, {
  name: 'DealKind',
  valuesConfig: {
    ONE_OFF: { description: 'One purchase, delivered once, paid in installments.' },
    FRAMEWORK: { description: 'A 12-60 month agreement: contract prices and call-off orders.' },
  },
});

export enum QuoteStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  OFFERED = 'OFFERED',
  COUNTERED = 'COUNTERED',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  ACCEPTED = 'ACCEPTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(QuoteStatus, {
  name: 'QuoteStatus',
  valuesConfig: {
    DRAFT: { description: 'Being written by the buyer; the seller does not see it yet.' },
    SUBMITTED: { description: "Sent to the seller; the seller's turn to quote." },
    OFFERED: { description: "The seller quoted; the buyer's turn: accept or counter." },
    COUNTERED: { description: "The buyer countered; the seller's turn to revise." },
    PENDING_APPROVAL: { description: "Accepted by the buyer; in the company's approval chain." },
    ACCEPTED: { description: 'Approved; a contract was drawn up.' },
    CANCELLED: { description: 'Withdrawn by the buyer or declined by the seller.' },
  },
});

/** The negotiation: whose turn it is, written as data. */
export const quoteLifecycle = new StateMachine<QuoteStatus>('quote', {
  DRAFT: [QuoteStatus.SUBMITTED, QuoteStatus.CANCELLED],
  SUBMITTED: [QuoteStatus.OFFERED, QuoteStatus.CANCELLED],
  OFFERED: [
    QuoteStatus.OFFERED,
    QuoteStatus.COUNTERED,
    QuoteStatus.PENDING_APPROVAL,
    QuoteStatus.CANCELLED,
  ],
  COUNTERED: [QuoteStatus.OFFERED, QuoteStatus.CANCELLED],
  PENDING_APPROVAL: [QuoteStatus.ACCEPTED, QuoteStatus.OFFERED],
  ACCEPTED: [],
  CANCELLED: [],
});

/** A step someone may take on a quote; `QuoteRequest.allowedActions` lists the viewer's. */
export enum QuoteAction {
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  OFFER = 'OFFER',
  REVISE = 'REVISE',
  COUNTER = 'COUNTER',
  ACCEPT = 'ACCEPT',
  CANCEL = 'CANCEL',
  POST_MESSAGE = 'POST_MESSAGE',
}
registerEnumType(QuoteAction, {
  name: 'QuoteAction',
  valuesConfig: {
    EDIT: { description: 'A buyer of the company, on a draft: updateQuoteRequest.' },
    SUBMIT: { description: 'A buyer of the company, on a draft: submitQuoteRequest.' },
    OFFER: { description: 'The seller, its turn (SUBMITTED, COUNTERED): offerQuote.' },
    REVISE: { description: 'The seller, its offer still on the table (OFFERED): offerQuote.' },
    COUNTER: { description: 'A buyer of the company, on an offer: counterQuote.' },
    ACCEPT: {
      description:
        'A buyer of the company, on an offer: acceptQuote (which still refuses an expired one).',
    },
    CANCEL: {
      description: 'A buyer withdraws, or the seller declines, an open quote: cancelQuoteRequest.',
    },
    POST_MESSAGE: { description: 'Either side, once submitted: postQuoteMessage.' },
  },
});

export enum QuoteSide {
  BUYER = 'BUYER',
  SELLER = 'SELLER',
}
registerEnumType(QuoteSide, { name: 'QuoteSide' });

/**
 * A request for quotation from a company to one seller, and the negotiation that follows.
 * `version` moves on every change; each mutation names the version its client saw.
 */
@ObjectType({ description: 'A request for quotation and its negotiation.', simpleResolvers: true })
@Entity('quote_request')
@Index(['companyId', 'id'])
@Index(['sellerId', 'id'])
// The quote lists' "by last activity" order, per company and per shop.
@Index(['companyId', 'updatedAt', 'id'])
@Index(['sellerId', 'updatedAt', 'id'])
export class QuoteRequest extends BaseEntity {
  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'int' })
  sellerId: number;

  @Column({ type: 'int' })
  buyerUserId: number;

  @Field(() => QuoteStatus)
  @Column({ type: 'varchar', length: 20 })
  status: QuoteStatus;

  @Field(() => DealKind)
  @Column({ type: 'varchar', length: 12 })
  dealKind: DealKind;

  @Field(() => Int, { nullable: true, description: 'FRAMEWORK: the term wanted, in months.' })
  @Column({ type: 'int', nullable: true })
  termMonths: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  wantedDeliveryDate: string | null;

  @Field(() => Address)
  @Column(() => Address, { prefix: 'ship' })
  deliveryAddress: Address;

  @Field(() => String)
  @Column({ type: 'varchar', length: 2000 })
  notes: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Int, { description: 'Moves on every change: pass it back to change the quote.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'int', nullable: true })
  latestVersionId: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the buyer sent it to the seller (by the request clock); null: a draft.',
  })
  @Column({ type: 'datetime', nullable: true })
  submittedAt: Date | null;

  @Field(() => String, { description: 'RFQ-000042.' })
  get number(): string {
    return `RFQ-${String(this.id).padStart(6, '0')}`;
  }
}

/** A line of the request: a catalog variant, or a free-text item the catalog lacks. */
@ObjectType({ description: 'What the buyer asks for.', simpleResolvers: true })
@Entity('quote_request_line')
@Index(['quoteId', 'position'])
export class QuoteRequestLine extends BaseEntity {
  @Column({ type: 'int' })
  quoteId: number;

  @Column({ type: 'int' })
  position: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  variantId: number | null;

  @Field(() => String, { description: 'The variant as named when asked, or the free text.' })
  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int', nullable: true, transformer: intTransformer })
  targetUnitPriceAmount: number | null;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Money, { nullable: true, description: 'The price the buyer hopes for.' })
  get targetUnitPrice(): Money | null {
    return this.targetUnitPriceAmount === null
      ? null
      : Money.of(this.targetUnitPriceAmount, this.currency);
  }
}

/** A quantity tier a seller offers on a line. */
@ObjectType({ description: 'A unit price from a quantity on.', simpleResolvers: true })
export class QuotedTier {
  @Field(() => Int)
  minQuantity: number;

  @Field(() => Int, { description: 'Minor units.' })
  unitPrice: number;
}

/** One side's complete offer. Never changed once written: a new offer is a new version. */
@ObjectType({
  description: "One side's offer: prices, quantities and terms.",
  simpleResolvers: true,
})
@Entity('quote_version')
@Index(['quoteId', 'number'], { unique: true })
export class QuoteVersion extends BaseEntity {
  @Column({ type: 'int' })
  quoteId: number;

  @Field(() => Int, { description: '1, 2, 3... in the order offered.' })
  @Column({ type: 'int' })
  number: number;

  @Field(() => QuoteSide)
  @Column({ type: 'varchar', length: 8 })
  side: QuoteSide;

  @Column({ type: 'int' })
  authorUserId: number;

  @Field(() => Date, { description: 'The offer can be accepted until then.' })
  @Column({ type: 'datetime' })
  validUntil: Date;

  @Field(() => String)
  @Column({ type: 'varchar', length: 2000 })
  deliveryTerms: string;

  @Field(() => PaymentTerms)
  @Column({ type: 'simple-json' })
  paymentTerms: PaymentTerms;

  @Field(() => String)
  @Column({ type: 'varchar', length: 2000 })
  note: string;

  @Column({ type: 'int', transformer: intTransformer })
  totalAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Money, {
    description:
      "Sum of the lines' totals: what the approval chain approves and the contract is worth.",
  })
  get total(): Money {
    return Money.of(this.totalAmount, this.currency);
  }
}

@ObjectType({ description: 'A line of an offer.', simpleResolvers: true })
@Entity('quote_version_line')
@Index(['versionId', 'requestLineId'], { unique: true })
export class QuoteVersionLine extends BaseEntity {
  @Column({ type: 'int' })
  versionId: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  requestLineId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int', transformer: intTransformer })
  unitPriceAmount: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => Int, {
    nullable: true,
    description: 'FRAMEWORK: the quantity the buyer commits to draw over the term.',
  })
  @Column({ type: 'int', nullable: true })
  committedQuantity: number | null;

  @Field(() => [QuotedTier])
  @Column({ type: 'simple-json' })
  tiers: QuotedTier[];

  @Field(() => Money)
  get unitPrice(): Money {
    return Money.of(this.unitPriceAmount, this.currency);
  }

  @Field(() => Money, {
    description: "Unit price x the agreed quantity: a framework's committed one, else quantity.",
  })
  get lineTotal(): Money {
    return Money.of(this.unitPriceAmount * agreedQuantity(this), this.currency);
  }
}

/**
 * The quantity a line of an offer sells: on a framework the quantity committed over the term
 * (when the offer sets one), which the contract's line carries; otherwise the quantity.
 */
export function agreedQuantity(line: Pick<QuoteVersionLine, 'quantity' | 'committedQuantity'>) {
  return line.committedQuantity ?? line.quantity;
}

@ObjectType({ description: 'A message of the negotiation thread.', simpleResolvers: true })
@Entity('quote_message')
@Index(['quoteId', 'id'])
export class QuoteMessage extends BaseEntity {
  @Column({ type: 'int' })
  quoteId: number;

  @Column({ type: 'int' })
  authorUserId: number;

  @Field(() => QuoteSide)
  @Column({ type: 'varchar', length: 8 })
  side: QuoteSide;

  @Field(() => String)
  @Column({ type: 'varchar', length: 4000 })
  body: string;
}
