import {
  Arg,
  Args,
  Authorized,
  createUnionType,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { InvalidStateError, NotFoundError } from '../../api/errors.js';
import { Transaction } from '../../api/transaction.js';
import { ApprovalRequest } from '../approval/approval.entity.js';
import { Contract } from '../contracts/contract.entity.js';
import { Company } from '../identity/company.entity.js';
import { Seller } from '../identity/seller.entity.js';
import {
  Installment,
  installmentPreview,
  InstallmentPreviewInput,
  InstallmentPreviewResult,
  installmentsOf,
} from './payment-terms.js';
import {
  QuoteAction,
  QuoteMessage,
  QuoteRequest,
  QuoteRequestLine,
  QuoteSide,
  QuoteVersion,
  QuoteVersionLine,
} from './quote.entity.js';
import {
  CreateQuoteRequestInput,
  OfferInput,
  QuoteActionInput,
  QuoteMessageInput,
  QuoteRequestConnection,
  QuoteRequestsArgs,
  QuoteResult,
  QuoteVersionDiff,
  UpdateQuoteRequestInput,
} from './quoting.types.js';

const QuoteMessageResult = createUnionType({
  name: 'QuoteMessageResult',
  types: () => [QuoteMessage, NotFoundError, InvalidStateError] as const,
});

@Resolver()
export class QuotingResolver {
  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => QuoteResult, { description: 'A draft request for quotation to one seller.' })
  @Transaction()
  createQuoteRequest(
    @Arg('input', () => CreateQuoteRequestInput) input: CreateQuoteRequestInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.quoting.create(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => QuoteResult, { description: 'Rewrites a draft request before it is sent.' })
  @Transaction()
  updateQuoteRequest(
    @Arg('input', () => UpdateQuoteRequestInput) input: UpdateQuoteRequestInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.quoting.update(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => QuoteResult, { description: 'Sends a draft to the seller.' })
  @Transaction()
  submitQuoteRequest(
    @Arg('input', () => QuoteActionInput) input: QuoteActionInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.quoting.submit(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => QuoteResult, { description: "The seller's offer: a new version." })
  @Transaction()
  offerQuote(@Arg('input', () => OfferInput) input: OfferInput, @Ctx() ctx: Context) {
    return ctx.services.quoting.offer(ctx, requireViewer(ctx), input, QuoteSide.SELLER);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => QuoteResult, { description: "The buyer's counter-offer: a new version." })
  @Transaction()
  counterQuote(@Arg('input', () => OfferInput) input: OfferInput, @Ctx() ctx: Context) {
    return ctx.services.quoting.offer(ctx, requireViewer(ctx), input, QuoteSide.BUYER);
  }

  @Authorized(Role.COMPANY_MEMBER)
  @Mutation(() => QuoteResult, {
    description: "Accepts the seller's current offer; raises your company's approval.",
  })
  @Transaction()
  acceptQuote(@Arg('input', () => QuoteActionInput) input: QuoteActionInput, @Ctx() ctx: Context) {
    return ctx.services.quoting.accept(ctx, requireViewer(ctx), input);
  }

  @Authorized()
  @Mutation(() => QuoteResult, {
    description: 'Withdraws the request (buyer) or declines it (seller).',
  })
  @Transaction()
  cancelQuoteRequest(
    @Arg('input', () => QuoteActionInput) input: QuoteActionInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.quoting.cancel(ctx, requireViewer(ctx), input);
  }

  @Authorized()
  @Mutation(() => QuoteMessageResult, { description: 'Writes to the negotiation thread.' })
  @Transaction()
  postQuoteMessage(
    @Arg('input', () => QuoteMessageInput) input: QuoteMessageInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.quoting.postMessage(ctx, requireViewer(ctx), input);
  }

  @Authorized()
  @Query(() => QuoteRequest, {
    nullable: true,
    description: 'A quote of your company or your shop; null otherwise (as if missing).',
  })
  quoteRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.quoting.quote(ctx, requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => QuoteRequestConnection, {
    description: 'Your companies’ or shop’s quotes, a page at a time, by last activity first.',
  })
  quoteRequests(@Args(() => QuoteRequestsArgs) args: QuoteRequestsArgs, @Ctx() ctx: Context) {
    return ctx.services.quoting.quotes(ctx, requireViewer(ctx), args);
  }

  @Authorized()
  @Query(() => QuoteVersionDiff, {
    nullable: true,
    description: 'What changed between two versions of a quote (by number).',
  })
  async quoteVersionDiff(
    @Arg('quoteId', () => ID) quoteId: string,
    @Arg('from', () => Int) from: number,
    @Arg('to', () => Int) to: number,
    @Ctx() ctx: Context,
  ) {
    const quote = await ctx.services.quoting.quote(ctx, requireViewer(ctx), quoteId);
    return quote ? ctx.services.quoting.diff(ctx, quote, from, to) : null;
  }

  @Authorized()
  @Query(() => InstallmentPreviewResult, {
    description:
      'How an offer of `total` would split over an installment schedule being written, by the ' +
      'rule offerQuote applies; or every problem offerQuote would refuse the schedule for.',
  })
  installmentPreview(
    @Arg('input', () => InstallmentPreviewInput) input: InstallmentPreviewInput,
  ): typeof InstallmentPreviewResult {
    return installmentPreview(input);
  }
}

@Resolver(() => QuoteRequest)
export class QuoteRequestFieldsResolver {
  @FieldResolver(() => [QuoteRequestLine])
  lines(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return ctx.loaders.quoting.linesOfQuote.load(quote.id);
  }

  @FieldResolver(() => [QuoteAction], {
    description: 'What you may do to it now (the mutations check the same rules).',
  })
  allowedActions(@Root() quote: QuoteRequest, @Ctx() ctx: Context): QuoteAction[] {
    return ctx.services.quoting.allowedActions(ctx.viewer, quote);
  }

  @FieldResolver(() => [QuoteVersion], { description: 'Every offer, oldest first.' })
  versions(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return ctx.loaders.quoting.versionsOfQuote.load(quote.id);
  }

  @FieldResolver(() => QuoteVersion, { nullable: true, description: 'The offer on the table.' })
  latestVersion(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return quote.latestVersionId ? ctx.loaders.quoting.version.load(quote.latestVersionId) : null;
  }

  @FieldResolver(() => [QuoteMessage])
  messages(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return ctx.loaders.quoting.messagesOfQuote.load(quote.id);
  }

  @FieldResolver(() => Company)
  company(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return ctx.loaders.identity.company.load(quote.companyId);
  }

  @FieldResolver(() => Seller)
  seller(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return ctx.loaders.identity.seller.load(quote.sellerId);
  }

  @FieldResolver(() => ApprovalRequest, {
    nullable: true,
    description: 'The latest approval request raised by accepting an offer.',
  })
  approval(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return ctx.loaders.quoting.approvalOfQuote.load(quote.id);
  }

  @FieldResolver(() => Contract, { nullable: true })
  contract(@Root() quote: QuoteRequest, @Ctx() ctx: Context) {
    return ctx.loaders.contracts.contractOfQuote.load(quote.id);
  }
}

@Resolver(() => QuoteVersion)
export class QuoteVersionFieldsResolver {
  @FieldResolver(() => [QuoteVersionLine])
  lines(@Root() version: QuoteVersion, @Ctx() ctx: Context) {
    return ctx.loaders.quoting.linesOfVersion.load(version.id);
  }

  @FieldResolver(() => [Installment], { description: 'INSTALLMENTS: each milestone’s amount.' })
  installments(@Root() version: QuoteVersion): Installment[] {
    return installmentsOf(version.paymentTerms, version.totalAmount, version.currency);
  }
}

@Resolver(() => QuoteMessage)
export class QuoteMessageFieldsResolver {
  @FieldResolver(() => String)
  async author(@Root() message: QuoteMessage, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.identity.user.load(message.authorUserId))?.name ?? '';
  }
}
