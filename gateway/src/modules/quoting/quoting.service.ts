import { In } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { Context, Viewer } from '../../api/context.js';
import {
  badInput,
  forbidden,
  InvalidStateError,
  isErrorResult,
  NotFoundError,
} from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { Money } from '../../api/money.type.js';
import { keysetPage, type Keyset } from '../../api/pagination.js';
import { parseId } from '../../common/batch.js';
import { forUpdate } from '../../db/locks.js';
import type { ApprovalRequest } from '../approval/approval.entity.js';
import { Contract, ContractLine } from '../contracts/contract.entity.js';
import type { ApprovalService } from '../approval/approval.service.js';
import { NoApproverError } from '../approval/approval.types.js';
import type { AuditService } from '../audit/audit.service.js';
import { scheduleProblems, type ScheduleProblem } from '../billing/installments.js';
import { Product } from '../catalog/product.entity.js';
import { Variant } from '../catalog/variant.entity.js';
import { CompanyAddress } from '../identity/company-address.entity.js';
import { partyScopeWhere } from '../identity/party-scope.js';
import { Seller } from '../identity/seller.entity.js';
import { validateAddress, type Address, type AddressInput } from '../ordering/address.js';
import { InvalidAddressError } from '../ordering/ordering.types.js';
import {
  milestoneOf,
  PaymentTermsKind,
  type PaymentTerms,
  type PaymentTermsInput,
} from './payment-terms.js';
import {
  agreedQuantity,
  DealKind,
  QuoteAction,
  QuoteMessage,
  QuoteRequest,
  QuoteRequestLine,
  QuoteSide,
  QuoteStatus,
  QuoteVersion,
  QuoteVersionLine,
  quoteLifecycle,
} from './quote.entity.js';
import {
  QuoteExpiredError,
  StaleVersionError,
  type CreateQuoteRequestInput,
  type OfferInput,
  type QuoteActionInput,
  type QuoteMessageInput,
  type QuoteRequestFieldsInput,
  QuoteRequestConnection,
  type QuoteRequestsArgs,
  type QuoteVersionDiff,
  type UpdateQuoteRequestInput,
} from './quoting.types.js';

/** The side the viewer takes on a quote: its company's buyer, its seller's staff, or none. */
type Party = { side: QuoteSide; buyer: boolean } | null;

/** Who takes a step: a BUYER of the company, the seller's staff, either, or anyone who sees it. */
type Taker = 'buyer' | 'seller' | 'either' | 'party';

/** The steps that answer the other side: whoever may take one is the side waited for. */
const answers: readonly QuoteAction[] = [
  QuoteAction.OFFER,
  QuoteAction.COUNTER,
  QuoteAction.ACCEPT,
];

const { DRAFT, SUBMITTED, OFFERED, COUNTERED, PENDING_APPROVAL, ACCEPTED, CANCELLED } = QuoteStatus;

/**
 * Who may take each step on a quote, and from which statuses. The mutations refuse by this
 * table and `allowedActions` lists by it, so the two never disagree.
 */
export const quoteSteps: Record<
  QuoteAction,
  { by: Taker; from: readonly QuoteStatus[]; refused: string }
> = {
  EDIT: { by: 'buyer', from: [DRAFT], refused: 'Only a draft request can be changed' },
  SUBMIT: { by: 'buyer', from: [DRAFT], refused: 'Only a draft request can be sent' },
  OFFER: {
    by: 'seller',
    from: [SUBMITTED, COUNTERED],
    refused: 'It is not the seller’s turn to offer',
  },
  REVISE: { by: 'seller', from: [OFFERED], refused: 'There is no open offer to revise' },
  COUNTER: { by: 'buyer', from: [OFFERED], refused: 'Only an open offer can be countered' },
  ACCEPT: {
    by: 'buyer',
    from: [OFFERED],
    refused: "Only the seller's current offer can be accepted",
  },
  CANCEL: {
    by: 'either',
    from: [DRAFT, SUBMITTED, OFFERED, COUNTERED],
    refused: 'Only an open quote can be withdrawn or declined',
  },
  POST_MESSAGE: {
    by: 'party',
    from: [SUBMITTED, OFFERED, COUNTERED, PENDING_APPROVAL, ACCEPTED, CANCELLED],
    refused: 'Submit the request before writing to the seller',
  },
};

function takes(party: NonNullable<Party>, by: Taker): boolean {
  const buyer = party.side === QuoteSide.BUYER && party.buyer;
  const seller = party.side === QuoteSide.SELLER;
  switch (by) {
    case 'buyer':
      return buyer;
    case 'seller':
      return seller;
    case 'either':
      return buyer || seller;
    case 'party':
      return true;
  }
}

const forbiddenTo: Record<Taker, string> = {
  buyer: 'Only a buyer of the company may do this',
  seller: 'Sellers only',
  either: 'Only a buyer of the company may withdraw its request',
  party: 'Not a party to this quote',
};

/**
 * Requests for quotation and their negotiation: the buyer asks, the seller offers, the buyer
 * counters or accepts (raising the company's approval), any number of rounds. Each offer is a
 * new immutable version; every change names the quote version its client saw.
 */
export class QuotingService {
  constructor(
    private readonly config: Config,
    private readonly audit: AuditService,
    private readonly approval: ApprovalService,
  ) {}

  /** Who the viewer is to this quote. Company members see it; only BUYERs act for the company. */
  party(viewer: Viewer, quote: QuoteRequest): Party {
    const membership = viewer.memberships.find((m) => m.companyId === quote.companyId);
    if (membership) return { side: QuoteSide.BUYER, buyer: membership.roles.includes('BUYER') };
    if (viewer.sellerId === quote.sellerId && quote.status !== QuoteStatus.DRAFT) {
      return { side: QuoteSide.SELLER, buyer: false };
    }
    return null;
  }

  /**
   * What the viewer may do to the quote now, from the quote's own columns and the viewer alone
   * (no query, so a list costs nothing more): the steps `quoteSteps` lets them take. The offer's
   * expiry is the one check left to `acceptQuote` (QuoteExpiredError).
   */
  allowedActions(viewer: Viewer | null, quote: QuoteRequest): QuoteAction[] {
    const party = viewer ? this.party(viewer, quote) : null;
    if (!party) return [];
    return Object.values(QuoteAction).filter(
      (action) =>
        takes(party, quoteSteps[action].by) && quoteSteps[action].from.includes(quote.status),
    );
  }

  /** A quote the viewer may see, or null (as if missing). */
  async quote(ctx: Context, viewer: Viewer, id: string, lock = false) {
    const quoteId = parseId(id);
    if (!quoteId) return null;
    const quote = await ctx.em.findOne(QuoteRequest, {
      where: { id: quoteId },
      ...(lock ? forUpdate(ctx.em) : {}),
    });
    return quote && this.party(viewer, quote) ? quote : null;
  }

  /**
   * The quotes the viewer is a party to (`party`: their companies' and, once submitted, their
   * shop's), filtered and sorted in SQL, a page at a time.
   */
  async quotes(
    ctx: Context,
    viewer: Viewer,
    args: QuoteRequestsArgs,
  ): Promise<QuoteRequestConnection> {
    const qb = ctx.em
      .createQueryBuilder(QuoteRequest, 'q')
      .where(partyScopeWhere(viewer, 'q', 'q.status <> :draft'), { draft: DRAFT });
    const filter = args.filter;
    if (filter?.status) qb.andWhere('q.status = :status', { status: filter.status });
    if (typeof filter?.awaitingMe === 'boolean') {
      const awaiting = this.awaiting(viewer);
      qb.andWhere(filter.awaitingMe ? awaiting.sql : `NOT ${awaiting.sql}`, awaiting.params);
    }
    const keyset: Keyset = {
      sql: args.sort.startsWith('UPDATED') ? 'q.updatedAt' : null,
      direction: args.sort.endsWith('ASC') ? 'ASC' : 'DESC',
    };
    return Object.assign(new QuoteRequestConnection(), await keysetPage(qb, 'q', keyset, args));
  }

  /**
   * SQL (alias `q`) for the quotes waiting for the viewer's answer: those where `quoteSteps` lets
   * their side take a step that answers the other (offer, counter, accept).
   */
  private awaiting(viewer: Viewer): { sql: string; params: Record<string, unknown> } {
    const from = (by: Taker): QuoteStatus[] =>
      answers.filter((a) => quoteSteps[a].by === by).flatMap((a) => quoteSteps[a].from);
    const buying = viewer.memberships
      .filter((m) => m.roles.includes('BUYER'))
      .map((m) => m.companyId);
    const sides = [
      ...(buying.length
        ? ['(q.companyId IN (:...awaitBuying) AND q.status IN (:...awaitBuyer))']
        : []),
      ...(viewer.sellerId !== null
        ? ['(q.sellerId = :awaitSeller AND q.status IN (:...awaitSellerFrom))']
        : []),
    ];
    return {
      sql: `(${sides.length ? sides.join(' OR ') : '1 = 0'})`,
      params: {
        awaitBuying: buying,
        awaitBuyer: from('buyer'),
        awaitSeller: viewer.sellerId,
        awaitSellerFrom: from('seller'),
      },
    };
  }

  async create(ctx: Context, viewer: Viewer, input: CreateQuoteRequestInput) {
    const buying = viewer.memberships.filter((m) => m.roles.includes('BUYER'));
    const companyId = input.companyId
      ? parseId(input.companyId)
      : buying.length === 1
        ? (buying[0]?.companyId ?? null)
        : null;
    if (!input.companyId && buying.length !== 1) {
      throw badInput('Name the company you buy for', 'input.companyId', InputProblemCode.REQUIRED);
    }
    const membership = buying.find((m) => m.companyId === companyId);
    if (!companyId || !membership) return new NotFoundError('Company');
    if (membership.company.status !== 'VERIFIED') {
      return new InvalidStateError('Your company must be verified before it asks for quotes');
    }
    const sellerId = parseId(input.sellerId);
    const seller = sellerId ? await ctx.em.findOneBy(Seller, { id: sellerId }) : null;
    if (!seller || seller.status !== 'ACTIVE') return new NotFoundError('Seller');
    const written = await this.written(ctx, companyId, seller.id, input);
    if (isErrorResult(written)) return written;
    return this.draft(
      ctx,
      viewer,
      { ...written.fields, companyId, sellerId: seller.id },
      written.lines,
      { companyId, sellerId: seller.id },
    );
  }

  /**
   * A buyer rewrites their draft before sending it: its terms, address and lines as a whole,
   * from the version they saw.
   */
  async update(ctx: Context, viewer: Viewer, input: UpdateQuoteRequestInput) {
    const quote = await this.acting(ctx, viewer, input.quoteId, QuoteAction.EDIT);
    if (!quote) return new NotFoundError('Quote');
    const refused = this.refusal(quote, input.expectedVersion, QuoteAction.EDIT);
    if (refused) return refused;
    const written = await this.written(ctx, quote.companyId, quote.sellerId, input);
    if (isErrorResult(written)) return written;
    const changed = await ctx.em.update(
      QuoteRequest,
      { id: quote.id, version: input.expectedVersion },
      { ...written.fields, version: input.expectedVersion + 1 },
    );
    if (!changed.affected) {
      const now = await ctx.em.findOneByOrFail(QuoteRequest, { id: quote.id });
      return new StaleVersionError(now.version);
    }
    await ctx.em.delete(QuoteRequestLine, { quoteId: quote.id });
    await this.insertLines(ctx, quote.id, written.fields.currency, written.lines);
    await this.audit.record(ctx, viewer, 'quote', quote.id, 'edited', quote.status, quote.status);
    return ctx.em.findOneByOrFail(QuoteRequest, { id: quote.id });
  }

  /** The request's terms, address and lines as written, checked; or why they cannot be used. */
  private async written(
    ctx: Context,
    companyId: number,
    sellerId: number,
    input: QuoteRequestFieldsInput,
  ) {
    const termMonths = input.termMonths ?? null;
    if (input.dealKind === DealKind.FRAMEWORK) {
      if (termMonths === null || termMonths < 12 || termMonths > 60) {
        throw badInput(
          'A framework agreement runs 12 to 60 months',
          'input.termMonths',
          InputProblemCode.RANGE,
          { min: 12, max: 60 },
        );
      }
    } else if (termMonths !== null) {
      throw badInput(
        'Only a framework agreement has a term',
        'input.termMonths',
        InputProblemCode.NOT_APPLICABLE,
      );
    }
    if (!input.deliveryAddress === !input.deliveryAddressId) {
      throw badInput(
        'Give a deliveryAddress or a deliveryAddressId',
        'input.deliveryAddress',
        InputProblemCode.EXACTLY_ONE,
        { fields: 'deliveryAddress, deliveryAddressId' },
      );
    }
    let address: Address;
    if (input.deliveryAddressId) {
      const kept = await ctx.em.findOneBy(CompanyAddress, {
        id: parseId(input.deliveryAddressId) ?? 0,
        companyId,
      });
      if (!kept) return new NotFoundError('Address');
      address = kept.address;
    } else {
      const checked = validateAddress(input.deliveryAddress as AddressInput, 'deliveryAddress');
      if ('problems' in checked) return new InvalidAddressError(checked.problems);
      address = checked.address;
    }
    const lines = await this.requestLines(ctx, sellerId, input);
    const currencies = new Set(lines.map((l) => l.currency));
    if (currencies.size > 1)
      throw badInput(
        'All lines must share one currency',
        'input.lines',
        InputProblemCode.SAME_CURRENCY,
      );
    return {
      fields: {
        dealKind: input.dealKind,
        termMonths,
        wantedDeliveryDate: input.wantedDeliveryDate ?? null,
        deliveryAddress: address,
        notes: input.notes.trim(),
        currency: lines[0]?.currency ?? this.config.platformCurrency,
      },
      lines,
    };
  }

  /** Writes a draft request with its lines, and its first audit event. */
  private async draft(
    ctx: Context,
    viewer: Viewer,
    fields: Pick<
      QuoteRequest,
      | 'companyId'
      | 'sellerId'
      | 'dealKind'
      | 'termMonths'
      | 'wantedDeliveryDate'
      | 'deliveryAddress'
      | 'notes'
      | 'currency'
    >,
    lines: Pick<
      QuoteRequestLine,
      'variantId' | 'description' | 'quantity' | 'targetUnitPriceAmount'
    >[],
    details: Record<string, unknown>,
  ): Promise<QuoteRequest> {
    const quote = await ctx.em.save(
      ctx.em.create(QuoteRequest, {
        ...fields,
        buyerUserId: viewer.user.id,
        status: QuoteStatus.DRAFT,
        version: 1,
        latestVersionId: null,
        // Written as of the request's clock: the lifecycle funnel dates a company's RFQ by it.
        createdAt: ctx.now(),
      }),
    );
    await this.insertLines(ctx, quote.id, quote.currency, lines);
    await this.audit.record(ctx, viewer, 'quote', quote.id, 'created', null, quote.status, details);
    return quote;
  }

  private async insertLines(
    ctx: Context,
    quoteId: number,
    currency: string,
    lines: Pick<
      QuoteRequestLine,
      'variantId' | 'description' | 'quantity' | 'targetUnitPriceAmount'
    >[],
  ): Promise<void> {
    await ctx.em.insert(
      QuoteRequestLine,
      lines.map((l, position) => ({
        variantId: l.variantId,
        description: l.description,
        quantity: l.quantity,
        targetUnitPriceAmount: l.targetUnitPriceAmount,
        quoteId,
        position,
        currency,
      })),
    );
  }

  /** The request's lines: the seller's variants on sale (named as they are now) or free text. */
  private async requestLines(ctx: Context, sellerId: number, input: QuoteRequestFieldsInput) {
    const ids = input.lines.map((l, i) => {
      if (!l.variantId === !l.description) {
        throw badInput(
          'Give a variantId or a description',
          `input.lines.${i}`,
          InputProblemCode.EXACTLY_ONE,
          { fields: 'variantId, description' },
        );
      }
      return l.variantId ? parseId(l.variantId) : null;
    });
    const wanted = ids.filter((id): id is number => id !== null);
    const variants = wanted.length ? await ctx.em.findBy(Variant, { id: In(wanted) }) : [];
    const products = variants.length
      ? await ctx.em.findBy(Product, { id: In(variants.map((v) => v.productId)) })
      : [];
    return input.lines.map((l, i) => {
      if (!l.variantId) {
        return {
          variantId: null,
          description: (l.description as string).trim(),
          quantity: l.quantity,
          targetUnitPriceAmount: l.targetUnitPrice ?? null,
          currency: this.config.platformCurrency,
        };
      }
      const variant = variants.find((v) => v.id === ids[i]);
      const product = products.find((p) => p.id === variant?.productId);
      if (!variant || !product || product.sellerId !== sellerId || product.status !== 'ACTIVE') {
        throw badInput(
          'Not a variant this seller has on sale',
          `input.lines.${i}.variantId`,
          InputProblemCode.NOT_FOUND,
        );
      }
      return {
        variantId: variant.id,
        description: `${product.name} · ${variant.name}`.slice(0, 300),
        quantity: l.quantity,
        targetUnitPriceAmount: l.targetUnitPrice ?? null,
        currency: variant.currency,
      };
    });
  }

  /**
   * Moves the quote from the version its client saw: a conditional update, so of two clients
   * acting on the same version one wins and the other gets `StaleVersionError`.
   */
  private async move(
    ctx: Context,
    viewer: Viewer,
    quote: QuoteRequest,
    expectedVersion: number,
    to: QuoteStatus,
    action: string,
    changes: Partial<Pick<QuoteRequest, 'latestVersionId' | 'submittedAt'>> = {},
  ): Promise<QuoteRequest | StaleVersionError | InvalidStateError> {
    if (expectedVersion !== quote.version) return new StaleVersionError(quote.version);
    if (!quoteLifecycle.canTransition(quote.status, to)) {
      return new InvalidStateError(`A ${quote.status} quote cannot become ${to}`);
    }
    const moved = await ctx.em.update(
      QuoteRequest,
      { id: quote.id, version: expectedVersion },
      { ...changes, status: to, version: expectedVersion + 1 },
    );
    if (!moved.affected) {
      const now = await ctx.em.findOneByOrFail(QuoteRequest, { id: quote.id });
      return new StaleVersionError(now.version);
    }
    const from = quote.status;
    Object.assign(quote, changes, { status: to, version: expectedVersion + 1 });
    await this.audit.record(ctx, viewer, 'quote', quote.id, action, from, to);
    return quote;
  }

  /**
   * The quote (locked unless `lock` is false) for a step the viewer takes: null when they
   * cannot see it; FORBIDDEN when they see it but `quoteSteps` gives the step to someone else.
   * Of several steps (an offer is a first one or a revision) any one's taker may.
   */
  private async acting(
    ctx: Context,
    viewer: Viewer,
    id: string,
    step: QuoteAction | QuoteAction[],
    lock = true,
  ) {
    const steps = Array.isArray(step) ? step : [step];
    const quote = await this.quote(ctx, viewer, id, lock);
    const party = quote && this.party(viewer, quote);
    if (!quote || !party) return null;
    const by = steps.map((s) => quoteSteps[s].by);
    if (!by.some((taker) => takes(party, taker))) throw forbidden(forbiddenTo[by[0] as Taker]);
    return quote;
  }

  /**
   * Why a step cannot be taken on the quote as its client saw it: a stale version first, then
   * a status the step is not taken from; null when it can.
   */
  private refusal(
    quote: QuoteRequest,
    expectedVersion: number,
    step: QuoteAction | QuoteAction[],
  ): StaleVersionError | InvalidStateError | null {
    if (expectedVersion !== quote.version) return new StaleVersionError(quote.version);
    return this.wrongState(quote, step);
  }

  /** Why no step of `step` is taken from the quote's status (`quoteSteps`); null when one is. */
  private wrongState(quote: QuoteRequest, step: QuoteAction | QuoteAction[]) {
    const steps = Array.isArray(step) ? step : [step];
    if (steps.some((s) => quoteSteps[s].from.includes(quote.status))) return null;
    return new InvalidStateError(quoteSteps[steps[0] as QuoteAction].refused);
  }

  async submit(ctx: Context, viewer: Viewer, input: QuoteActionInput) {
    const quote = await this.acting(ctx, viewer, input.quoteId, QuoteAction.SUBMIT);
    if (!quote) return new NotFoundError('Quote');
    const refused = this.refusal(quote, input.expectedVersion, QuoteAction.SUBMIT);
    if (refused) return refused;
    return this.move(
      ctx,
      viewer,
      quote,
      input.expectedVersion,
      QuoteStatus.SUBMITTED,
      'submitted',
      {
        submittedAt: ctx.now(),
      },
    );
  }

  async cancel(ctx: Context, viewer: Viewer, input: QuoteActionInput) {
    const quote = await this.acting(ctx, viewer, input.quoteId, QuoteAction.CANCEL);
    if (!quote) return new NotFoundError('Quote');
    const refused = this.refusal(quote, input.expectedVersion, QuoteAction.CANCEL);
    if (refused) return refused;
    return this.move(ctx, viewer, quote, input.expectedVersion, QuoteStatus.CANCELLED, 'cancelled');
  }

  /**
   * The seller's offer (a first one when it is the seller's turn, or a revision of its open
   * offer) or a buyer's counter-offer.
   */
  async offer(ctx: Context, viewer: Viewer, input: OfferInput, side: QuoteSide) {
    const steps =
      side === QuoteSide.SELLER ? [QuoteAction.OFFER, QuoteAction.REVISE] : [QuoteAction.COUNTER];
    const quote = await this.acting(ctx, viewer, input.quoteId, steps);
    if (!quote) return new NotFoundError('Quote');
    const to = side === QuoteSide.SELLER ? QuoteStatus.OFFERED : QuoteStatus.COUNTERED;
    const refused = this.refusal(quote, input.expectedVersion, steps);
    if (refused) return refused;
    const requestLines = await ctx.em.find(QuoteRequestLine, {
      where: { quoteId: quote.id },
      order: { position: 'ASC' },
    });
    const previous = quote.latestVersionId
      ? await ctx.em.findOneByOrFail(QuoteVersion, { id: quote.latestVersionId })
      : null;
    const previousLines = previous
      ? await ctx.em.findBy(QuoteVersionLine, { versionId: previous.id })
      : [];
    const priced = new Map(input.lines.map((l) => [parseId(l.lineId), l]));
    if (
      priced.size !== input.lines.length ||
      requestLines.length !== input.lines.length ||
      requestLines.some((l) => !priced.has(l.id))
    ) {
      throw badInput(
        'Price every line of the request exactly once',
        'input.lines',
        InputProblemCode.EACH_ONCE,
      );
    }
    const lines = requestLines.map((rl) => {
      const l = priced.get(rl.id) as OfferInput['lines'][number];
      const before = previousLines.find((p) => p.requestLineId === rl.id);
      return {
        requestLineId: rl.id,
        quantity: l.quantity ?? before?.quantity ?? rl.quantity,
        unitPriceAmount: l.unitPrice,
        currency: quote.currency,
        committedQuantity:
          quote.dealKind === DealKind.FRAMEWORK
            ? (l.committedQuantity ?? before?.committedQuantity ?? null)
            : null,
        tiers: l.tiers.map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice })),
      };
    });
    const total = lines.reduce((sum, l) => sum + agreedQuantity(l) * l.unitPriceAmount, 0);
    if (!Number.isSafeInteger(total) || total > 2_147_483_647) {
      throw badInput(
        'The total is too large for one quote',
        'input.lines',
        InputProblemCode.TOO_LARGE,
      );
    }
    const paymentTerms = input.paymentTerms
      ? this.paymentTerms(quote, input.paymentTerms)
      : previous?.paymentTerms;
    if (!paymentTerms)
      throw badInput(
        'The first offer sets the payment terms',
        'input.paymentTerms',
        InputProblemCode.REQUIRED,
      );
    if (paymentTerms.kind === PaymentTermsKind.INSTALLMENTS) {
      const problems = scheduleProblems(total, paymentTerms.milestones);
      if (problems.length > 0) {
        const first = problems[0] as ScheduleProblem;
        throw badInput(
          first.message,
          first.index === null
            ? 'input.paymentTerms.milestones'
            : `input.paymentTerms.milestones.${first.index}`,
          InputProblemCode.SCHEDULE,
          { rule: first.code },
        );
      }
    }
    const validUntil = side === QuoteSide.SELLER ? input.validUntil : previous?.validUntil;
    if (!validUntil)
      throw badInput('An offer needs validUntil', 'input.validUntil', InputProblemCode.REQUIRED);
    if (side === QuoteSide.SELLER && validUntil.getTime() <= ctx.now().getTime()) {
      throw badInput(
        'validUntil must be in the future',
        'input.validUntil',
        InputProblemCode.FUTURE,
      );
    }
    const version = await ctx.em.save(
      ctx.em.create(QuoteVersion, {
        quoteId: quote.id,
        number: (previous?.number ?? 0) + 1,
        side,
        authorUserId: viewer.user.id,
        validUntil,
        deliveryTerms: (input.deliveryTerms ?? previous?.deliveryTerms ?? '').trim(),
        paymentTerms,
        note: input.note.trim(),
        totalAmount: total,
        currency: quote.currency,
      }),
    );
    await ctx.em.insert(
      QuoteVersionLine,
      lines.map((l) => ({ ...l, versionId: version.id })),
    );
    return this.move(
      ctx,
      viewer,
      quote,
      input.expectedVersion,
      to,
      side === QuoteSide.SELLER ? 'offered' : 'countered',
      { latestVersionId: version.id },
    );
  }

  /** Payment terms that fit the deal: installments for one-off deals, net days for frameworks. */
  private paymentTerms(quote: QuoteRequest, input: PaymentTermsInput): PaymentTerms {
    const wanted =
      quote.dealKind === DealKind.ONE_OFF ? PaymentTermsKind.INSTALLMENTS : PaymentTermsKind.NET;
    if (input.kind !== wanted) {
      throw badInput(
        `A ${quote.dealKind} deal is paid by ${wanted}`,
        'input.paymentTerms.kind',
        InputProblemCode.ONE_OF,
        { values: wanted },
      );
    }
    if (input.kind === PaymentTermsKind.NET) {
      if (input.netDays === null)
        throw badInput('NET terms need netDays', 'input.paymentTerms', InputProblemCode.REQUIRED, {
          field: 'netDays',
        });
      return { kind: input.kind, milestones: [], netDays: input.netDays };
    }
    return { kind: input.kind, netDays: null, milestones: input.milestones.map(milestoneOf) };
  }

  /**
   * The buyer accepts the seller's latest offer while it is valid: the quote waits for the
   * company's approval chain, raised for the offer's total.
   */
  async accept(ctx: Context, viewer: Viewer, input: QuoteActionInput) {
    const quote = await this.acting(ctx, viewer, input.quoteId, QuoteAction.ACCEPT);
    if (!quote) return new NotFoundError('Quote');
    const refused = this.refusal(quote, input.expectedVersion, QuoteAction.ACCEPT);
    if (refused) return refused;
    const version = await ctx.em.findOneByOrFail(QuoteVersion, {
      id: quote.latestVersionId as number,
    });
    if (version.validUntil.getTime() < ctx.now().getTime())
      return new QuoteExpiredError(version.validUntil);
    const moved = await this.move(
      ctx,
      viewer,
      quote,
      input.expectedVersion,
      QuoteStatus.PENDING_APPROVAL,
      'accepted',
    );
    if (!(moved instanceof QuoteRequest)) return moved;
    const request = await this.approval.raise(ctx, viewer, {
      companyId: quote.companyId,
      sellerId: quote.sellerId,
      quoteId: quote.id,
      quoteVersionId: version.id,
      callOffId: null,
      amount: version.totalAmount,
      currency: version.currency,
    });
    if (request instanceof NoApproverError) return request;
    return ctx.em.findOneByOrFail(QuoteRequest, { id: quote.id });
  }

  /** The approval chain approved the accepted offer: the quote is done. */
  async approved(ctx: Context, viewer: Viewer, request: ApprovalRequest): Promise<void> {
    await this.settle(ctx, viewer, request, QuoteStatus.ACCEPTED, 'approved');
  }

  /** The approval chain rejected it: back to the buyer's turn on the same offer. */
  async rejected(ctx: Context, viewer: Viewer, request: ApprovalRequest): Promise<void> {
    await this.settle(ctx, viewer, request, QuoteStatus.OFFERED, 'approval rejected');
  }

  private async settle(
    ctx: Context,
    viewer: Viewer,
    request: ApprovalRequest,
    to: QuoteStatus,
    action: string,
  ) {
    const quote = await ctx.em.findOne(QuoteRequest, {
      where: { id: request.quoteId as number },
      ...forUpdate(ctx.em),
    });
    if (!quote) throw new Error(`quote ${request.quoteId} of approval ${request.id} is missing`);
    const moved = await this.move(ctx, viewer, quote, quote.version, to, action);
    if (!(moved instanceof QuoteRequest)) {
      throw new Error(`quote ${quote.id} cannot follow its approval: ${moved.message}`);
    }
  }

  async postMessage(ctx: Context, viewer: Viewer, input: QuoteMessageInput) {
    const quote = await this.acting(ctx, viewer, input.quoteId, QuoteAction.POST_MESSAGE, false);
    const party = quote && this.party(viewer, quote);
    if (!quote || !party) return new NotFoundError('Quote');
    const refused = this.wrongState(quote, QuoteAction.POST_MESSAGE);
    if (refused) return refused;
    return ctx.em.save(
      ctx.em.create(QuoteMessage, {
        quoteId: quote.id,
        authorUserId: viewer.user.id,
        side: party.side,
        body: input.body.trim(),
      }),
    );
  }

  lines(ctx: Context, quoteId: number) {
    return ctx.em.find(QuoteRequestLine, { where: { quoteId }, order: { position: 'ASC' } });
  }

  versionLines(ctx: Context, versionId: number) {
    return ctx.em.find(QuoteVersionLine, { where: { versionId }, order: { requestLineId: 'ASC' } });
  }

  /** Line by line, what changed from version `from` to version `to` of one quote. */
  async diff(
    ctx: Context,
    quote: QuoteRequest,
    from: number,
    to: number,
  ): Promise<QuoteVersionDiff | null> {
    const [a, b] = await Promise.all(
      [from, to].map((number) => ctx.em.findOneBy(QuoteVersion, { quoteId: quote.id, number })),
    );
    if (!a || !b) return null;
    const [linesA, linesB, requestLines] = await Promise.all([
      this.versionLines(ctx, a.id),
      this.versionLines(ctx, b.id),
      this.lines(ctx, quote.id),
    ]);
    return {
      from,
      to,
      lines: requestLines.map((line) => {
        const before = linesA.find((l) => l.requestLineId === line.id) as QuoteVersionLine;
        const after = linesB.find((l) => l.requestLineId === line.id) as QuoteVersionLine;
        return {
          line,
          quantityBefore: before.quantity,
          quantityAfter: after.quantity,
          unitPriceBefore: before.unitPrice,
          unitPriceAfter: after.unitPrice,
          changed:
            before.quantity !== after.quantity ||
            before.unitPriceAmount !== after.unitPriceAmount ||
            before.committedQuantity !== after.committedQuantity ||
            JSON.stringify(before.tiers) !== JSON.stringify(after.tiers),
        };
      }),
      totalBefore: Money.of(a.totalAmount, a.currency),
      totalAfter: Money.of(b.totalAmount, b.currency),
      paymentTermsChanged: JSON.stringify(a.paymentTerms) !== JSON.stringify(b.paymentTerms),
      deliveryTermsChanged: a.deliveryTerms !== b.deliveryTerms,
      validUntilChanged: a.validUntil.getTime() !== b.validUntil.getTime(),
    };
  }

  /**
   * A framework agreement nearing its end, renewed: a draft request to the same seller for the
   * same lines, quantities and term, with the original delivery address, for the buyer to edit
   * and submit.
   */
  async renew(ctx: Context, viewer: Viewer, contract: Contract) {
    const membership = viewer.memberships.find((m) => m.companyId === contract.companyId);
    if (!membership?.roles.includes('BUYER')) {
      throw forbidden('Only buyers of the company renew its agreements');
    }
    if (contract.kind !== DealKind.FRAMEWORK) {
      return new InvalidStateError('Only framework agreements are renewed');
    }
    const [original, lines] = await Promise.all([
      ctx.em.findOneByOrFail(QuoteRequest, { id: contract.quoteId }),
      ctx.em.find(ContractLine, { where: { contractId: contract.id }, order: { id: 'ASC' } }),
    ]);
    return this.draft(
      ctx,
      viewer,
      {
        companyId: contract.companyId,
        sellerId: contract.sellerId,
        dealKind: DealKind.FRAMEWORK,
        termMonths: contract.termMonths,
        wantedDeliveryDate: null,
        deliveryAddress: original.deliveryAddress,
        notes: `Renewal of ${contract.number}`,
        currency: contract.currency,
      },
      lines.map((l) => ({
        variantId: l.variantId,
        description: l.description,
        quantity: l.quantity,
        targetUnitPriceAmount: l.unitPriceAmount,
      })),
      { renews: contract.id },
    );
  }
}
