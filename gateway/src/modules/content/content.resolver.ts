import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { Transaction } from '../../api/transaction.js';
import { PLATFORM, Segment } from '../audience/audience.entity.js';
import { Product, ProductStatus } from '../catalog/product.entity.js';
import { Seller } from '../identity/seller.entity.js';
import { ContentBlock } from './content.entity.js';
import {
  ContentBlockConnection,
  ContentBlockResult,
  ContentBlocksArgs,
  ContentPreviewArgs,
  ContentTarget,
  CreateContentBlockInput,
  PlacedContentArgs,
  UpdateContentBlockInput,
} from './content.types.js';

@Resolver()
export class ContentResolver {
  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ContentBlockResult, {
    description:
      'A banner or product slot: seller staff for their shop (its segments, tags and products ' +
      'only), admins for the platform. Malformed input: BAD_USER_INPUT naming each field.',
  })
  @Transaction()
  createContentBlock(
    @Arg('input', () => CreateContentBlockInput) input: CreateContentBlockInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.content.create(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ContentBlockResult, {
    description: 'Rewrites one of your blocks (admins: any); an archived one: InvalidStateError.',
  })
  @Transaction()
  updateContentBlock(
    @Arg('input', () => UpdateContentBlockInput) input: UpdateContentBlockInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.content.update(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ContentBlockResult, { description: 'Retires one of your blocks for good.' })
  @Transaction()
  archiveContentBlock(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.content.archive(ctx, requireViewer(ctx), id);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => ContentBlockConnection, {
    description: "Your shop's blocks (seller staff); every block (platform admins).",
  })
  contentBlocks(@Args(() => ContentBlocksArgs) args: ContentBlocksArgs, @Ctx() ctx: Context) {
    return ctx.services.content.blocks(ctx, requireViewer(ctx), args);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => ContentBlock, { nullable: true, description: 'Null when missing or not yours.' })
  contentBlock(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.content.block(ctx, requireViewer(ctx), id);
  }

  @Query(() => [ContentBlock], {
    description:
      'What you should see in a placement now, highest priority first: on the storefront as ' +
      'a consumer, on the portal dashboard as your company; guests see blocks for everyone.',
  })
  placedContent(@Args(() => PlacedContentArgs) args: PlacedContentArgs, @Ctx() ctx: Context) {
    return ctx.services.content.placed(ctx, ctx.viewer, args);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Query(() => [ContentBlock], {
    description:
      "What an account would see in a placement now: seller staff, their shop's blocks for " +
      'one of its customers; admins, every block for anyone. Empty for an account not yours.',
  })
  previewContentAs(@Args(() => ContentPreviewArgs) args: ContentPreviewArgs, @Ctx() ctx: Context) {
    return ctx.services.content.preview(ctx, requireViewer(ctx), args);
  }
}

@Resolver(() => ContentBlock)
export class ContentBlockFieldsResolver {
  @FieldResolver(() => [Product], {
    description: "A product slot's products on sale now, in the slot's order.",
  })
  async products(@Root() block: ContentBlock, @Ctx() ctx: Context): Promise<Product[]> {
    const products = await ctx.loaders.catalog.product.loadMany(block.productIds);
    return products.filter(
      (p): p is Product => p instanceof Product && p.status === ProductStatus.ACTIVE,
    );
  }

  @FieldResolver(() => [Product], {
    nullable: true,
    description:
      "A product slot's products as chosen, on sale or not, in the slot's order: what its " +
      'editor keeps. Null unless you keep the block.',
  })
  async chosenProducts(@Root() block: ContentBlock, @Ctx() ctx: Context) {
    if (!ctx.services.content.keeps(ctx.viewer, block)) return null;
    const products = await ctx.loaders.catalog.product.loadMany(block.productIds);
    return products.filter((p): p is Product => p instanceof Product);
  }

  @FieldResolver(() => ContentTarget, {
    nullable: true,
    description: 'Whom it shows to: null unless you keep the block.',
  })
  target(@Root() block: ContentBlock, @Ctx() ctx: Context): ContentTarget | null {
    if (!ctx.services.content.keeps(ctx.viewer, block)) return null;
    return Object.assign(new ContentTarget(), {
      everyone: block.everyone,
      segmentIds: block.segmentIds,
      tags: block.tags,
    });
  }

  @FieldResolver(() => Seller, { nullable: true, description: 'Its shop; null: the platform.' })
  seller(@Root() block: ContentBlock, @Ctx() ctx: Context) {
    return block.ownerId === PLATFORM ? null : ctx.loaders.identity.seller.load(block.ownerId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null unless you keep the block.' })
  async createdBy(@Root() block: ContentBlock, @Ctx() ctx: Context): Promise<string | null> {
    if (!ctx.services.content.keeps(ctx.viewer, block)) return null;
    return (await ctx.loaders.identity.user.load(block.createdByUserId))?.name ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null unless you keep the block.' })
  async updatedBy(@Root() block: ContentBlock, @Ctx() ctx: Context): Promise<string | null> {
    if (!ctx.services.content.keeps(ctx.viewer, block)) return null;
    return (await ctx.loaders.identity.user.load(block.updatedByUserId))?.name ?? '';
  }
}

@Resolver(() => ContentTarget)
export class ContentTargetFieldsResolver {
  @FieldResolver(() => [Segment], { description: 'The targeted segments that still exist.' })
  async segments(@Root() target: ContentTarget, @Ctx() ctx: Context): Promise<Segment[]> {
    const found = await ctx.loaders.content.segment.loadMany(target.segmentIds);
    return found.filter((s): s is Segment => s instanceof Segment);
  }
}
