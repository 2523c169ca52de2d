import {
  Arg,
  Args,
  Authorized,
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
import { PageArgs } from '../../api/pagination.js';
import { Transaction } from '../../api/transaction.js';
import { Company } from '../identity/company.entity.js';
import { Seller } from '../identity/seller.entity.js';
import { User } from '../identity/user.entity.js';
import { AccountTag, AccountType, PLATFORM, Segment } from './audience.entity.js';
import {
  AccountConnection,
  AccountInput,
  AccountResult,
  AccountsArgs,
  AccountTagInput,
  CompanyLifecycle,
  CompanyLifecycleResult,
  CreateSegmentInput,
  ruleNode,
  SegmentConnection,
  SegmentPreview,
  SegmentPreviewArgs,
  SegmentResult,
  SegmentRuleNode,
  SegmentsArgs,
  SetCompanyLifecycleStageInput,
  TagUsage,
  UpdateSegmentInput,
} from './audience.types.js';

@Resolver()
export class AudienceResolver {
  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => AccountResult, {
    description:
      "Tags a consumer or company: seller staff their shop's customers, with their shop's " +
      'tags; platform admins anyone, with platform tags. Tagging again changes nothing.',
  })
  @Transaction()
  tagAccount(@Arg('input', () => AccountTagInput) input: AccountTagInput, @Ctx() ctx: Context) {
    return ctx.services.audience.tag(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => AccountResult, { description: 'Takes one of your tags off an account.' })
  @Transaction()
  untagAccount(@Arg('input', () => AccountTagInput) input: AccountTagInput, @Ctx() ctx: Context) {
    return ctx.services.audience.untag(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.SELLER_STAFF)
  @Mutation(() => CompanyLifecycleResult, {
    description: "Sets where one of your shop's customer companies stands (who and when kept).",
  })
  @Transaction()
  setCompanyLifecycleStage(
    @Arg('input', () => SetCompanyLifecycleStageInput) input: SetCompanyLifecycleStageInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.audience.setStage(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => SegmentResult, {
    description: "A segment of your shop's customers (seller staff) or of everyone (admins).",
  })
  @Transaction()
  createSegment(
    @Arg('input', () => CreateSegmentInput) input: CreateSegmentInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.audience.create(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => SegmentResult)
  @Transaction()
  updateSegment(
    @Arg('input', () => UpdateSegmentInput) input: UpdateSegmentInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.audience.update(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => Boolean, { description: 'True if the segment existed.' })
  @Transaction()
  deleteSegment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.audience.delete(ctx, requireViewer(ctx), id);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => SegmentConnection, {
    description: "Your shop's segments (seller staff); every segment (platform admins).",
  })
  segments(@Args(() => SegmentsArgs) args: SegmentsArgs, @Ctx() ctx: Context) {
    return ctx.services.audience.segments(ctx, requireViewer(ctx), args);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => Segment, { nullable: true, description: 'Null when missing or not yours.' })
  segment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.audience.segment(ctx, requireViewer(ctx), id);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => SegmentPreview, {
    description: 'What a rule would select among your accounts, without saving it.',
  })
  segmentPreview(@Args(() => SegmentPreviewArgs) args: SegmentPreviewArgs, @Ctx() ctx: Context) {
    return ctx.services.audience.preview(
      ctx,
      requireViewer(ctx),
      args.accountType,
      args.rule,
      args.first,
    );
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => [Segment], {
    description: 'The segments you see that hold this account (none for an account not yours).',
  })
  accountSegments(@Arg('account', () => AccountInput) account: AccountInput, @Ctx() ctx: Context) {
    return ctx.services.audience.accountSegments(ctx, requireViewer(ctx), account);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => AccountConnection, {
    description:
      "Your shop's customers (seller staff: consumers who ordered from it, companies that sent " +
      'it a request for quotation) or every account (platform admins), by name.',
  })
  accounts(@Args(() => AccountsArgs) args: AccountsArgs, @Ctx() ctx: Context) {
    return ctx.services.audience.accounts(ctx, requireViewer(ctx), args);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => String, {
    description:
      'The platform currency: HIGH_VALUE amounts are minor units of it, and lifecycle spend ' +
      'is counted in it.',
  })
  platformCurrency(@Ctx() ctx: Context): string {
    return ctx.config.platformCurrency;
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => [TagUsage], { description: 'Your tags on accounts of a type, by tag.' })
  tagsInUse(@Arg('accountType', () => AccountType) accountType: AccountType, @Ctx() ctx: Context) {
    return ctx.services.audience.tagsInUse(ctx, requireViewer(ctx), accountType);
  }
}

@Resolver(() => Segment)
export class SegmentFieldsResolver {
  @FieldResolver(() => SegmentRuleNode)
  rule(@Root() segment: Segment, @Ctx() ctx: Context): SegmentRuleNode {
    return ruleNode(segment.rule, ctx.config.platformCurrency);
  }

  @FieldResolver(() => Seller, { nullable: true, description: 'Its shop; null: the platform.' })
  seller(@Root() segment: Segment, @Ctx() ctx: Context) {
    return segment.ownerId === PLATFORM ? null : ctx.loaders.identity.seller.load(segment.ownerId);
  }

  @FieldResolver(() => String)
  async createdBy(@Root() segment: Segment, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.identity.user.load(segment.createdByUserId))?.name ?? '';
  }

  @FieldResolver(() => String)
  async updatedBy(@Root() segment: Segment, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.identity.user.load(segment.updatedByUserId))?.name ?? '';
  }

  @FieldResolver(() => Int, {
    description: 'Its members now (one statement for all the segments of a page).',
  })
  memberCount(@Root() segment: Segment, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.audience.memberCount.load(segment);
  }

  @FieldResolver(() => AccountConnection, { description: 'Its members now, by id.' })
  members(
    @Root() segment: Segment,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<AccountConnection> {
    const audience = ctx.services.audience.audience(segment.ownerId, segment.accountType);
    return ctx.services.audience.members(ctx, audience, segment.rule, page);
  }
}

@Resolver(() => User)
export class AudienceUserFieldsResolver {
  @FieldResolver(() => [AccountTag], {
    description: "A consumer's tags: your shop's (seller staff) or the platform's (admins).",
  })
  tags(@Root() user: User, @Ctx() ctx: Context): Promise<AccountTag[]> {
    return ctx.loaders.audience.tagsOfConsumer.load(user.id);
  }
}

@Resolver(() => Company)
export class AudienceCompanyFieldsResolver {
  @FieldResolver(() => [AccountTag], {
    description: "Your shop's tags (seller staff) or the platform's (admins).",
  })
  tags(@Root() company: Company, @Ctx() ctx: Context): Promise<AccountTag[]> {
    return ctx.loaders.audience.tagsOfCompany.load(company.id);
  }

  @FieldResolver(() => CompanyLifecycle, {
    nullable: true,
    description: "Where it stands with your shop; seller staff, for their shop's customers.",
  })
  lifecycle(@Root() company: Company, @Ctx() ctx: Context): Promise<CompanyLifecycle | null> {
    return ctx.loaders.audience.lifecycleOfCompany.load(company.id);
  }
}

@Resolver(() => CompanyLifecycle)
export class CompanyLifecycleFieldsResolver {
  @FieldResolver(() => Company)
  async company(@Root() lifecycle: CompanyLifecycle, @Ctx() ctx: Context): Promise<Company> {
    return (await ctx.loaders.identity.company.load(lifecycle.companyId)) as Company;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who set `stage`.' })
  async setBy(@Root() lifecycle: CompanyLifecycle, @Ctx() ctx: Context): Promise<string | null> {
    if (lifecycle.setByUserId === null) return null;
    return (await ctx.loaders.identity.user.load(lifecycle.setByUserId))?.name ?? null;
  }
}

@Resolver(() => AccountTag)
export class AccountTagFieldsResolver {
  @FieldResolver(() => String, { description: 'Who put it on (`createdAt`: when).' })
  async createdBy(@Root() tag: AccountTag, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.identity.user.load(tag.createdByUserId))?.name ?? '';
  }
}
