import { multiply } from '@marketgate/money';
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
import { badInput } from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { Money } from '../../api/money.type.js';
import { Transaction } from '../../api/transaction.js';
import { Seller } from '../identity/seller.entity.js';
import {
  buysForVerifiedCompany,
  resolvePrice,
  type ResolvedPrice,
} from '../pricing/pricing.service.js';
import { Category } from './category.entity.js';
import {
  AdjustStockInput,
  AdjustStockResult,
  CategoryResult,
  CreateCategoryInput,
  CreateProductInput,
  PriceQuote,
  PriceSourceEnum,
  ProductConnection,
  ProductFacets,
  ProductResult,
  ProductsArgs,
  UpdateCategoryInput,
  UpdateProductInput,
  UpsertVariantInput,
  VariantResult,
} from './catalog.types.js';
import { PriceTier } from './price-tier.entity.js';
import { Product } from './product.entity.js';
import { StockMovement } from './stock-movement.entity.js';
import { Variant } from './variant.entity.js';

@Resolver()
export class CatalogResolver {
  @Query(() => ProductConnection, {
    description:
      'Products, newest or best match first; ACTIVE only unless the seller or an admin asks.',
  })
  products(@Args(() => ProductsArgs) args: ProductsArgs, @Ctx() ctx: Context) {
    return ctx.services.catalog.products(ctx, args);
  }

  @Query(() => Product, {
    nullable: true,
    description: 'One product by id or slug (give exactly one).',
  })
  product(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.product(ctx, id, slug);
  }

  @Query(() => [Category], { description: 'Every category, parents before children.' })
  categories(@Ctx() ctx: Context) {
    return ctx.services.catalog.categories(ctx);
  }

  @Query(() => [Seller], { description: 'Active sellers by name.' })
  sellers(@Ctx() ctx: Context) {
    return ctx.services.catalog.sellers(ctx);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => CategoryResult)
  @Transaction()
  async createCategory(
    @Arg('input', () => CreateCategoryInput) input: CreateCategoryInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.createCategory(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => CategoryResult, {
    description: 'Renames or moves a category (its subcategories move with it).',
  })
  @Transaction()
  async updateCategory(
    @Arg('input', () => UpdateCategoryInput) input: UpdateCategoryInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.updateCategory(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ProductResult, { description: 'Creates a DRAFT product.' })
  @Transaction()
  async createProduct(
    @Arg('input', () => CreateProductInput) input: CreateProductInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.createProduct(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ProductResult)
  @Transaction()
  async updateProduct(
    @Arg('input', () => UpdateProductInput) input: UpdateProductInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.updateProduct(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ProductResult, { description: 'Makes the product visible; it needs a variant.' })
  @Transaction()
  async publishProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.catalog.setProductStatus(ctx, requireViewer(ctx), id, 'ACTIVE');
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ProductResult, { description: 'Hides the product (admins use it to moderate).' })
  @Transaction()
  async archiveProduct(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, {
      defaultValue: '',
      description:
        "Why, kept in the audit trail; required when a platform admin archives a shop's product.",
    })
    reason: string,
    @Ctx() ctx: Context,
  ) {
    if (reason.length > 1000)
      throw badInput('At most 1000 characters', 'reason', InputProblemCode.MAX_LENGTH, {
        max: 1000,
      });
    return ctx.services.catalog.setProductStatus(ctx, requireViewer(ctx), id, 'ARCHIVED', reason);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => VariantResult)
  @Transaction()
  async upsertVariant(
    @Arg('input', () => UpsertVariantInput) input: UpsertVariantInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.upsertVariant(ctx, requireViewer(ctx), input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => AdjustStockResult, { description: 'Changes stock on hand and records why.' })
  @Transaction()
  async adjustStock(
    @Arg('input', () => AdjustStockInput) input: AdjustStockInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.catalog.adjustStock(ctx, requireViewer(ctx), input);
  }
}

@Resolver(() => ProductConnection)
export class ProductConnectionResolver {
  @FieldResolver(() => Int, { description: 'Products matching the filter (one extra statement).' })
  totalCount(@Root() connection: ProductConnection, @Ctx() ctx: Context) {
    return ctx.services.catalog.totalCount(ctx, connection);
  }

  @FieldResolver(() => ProductFacets, {
    description: 'Counts per category and seller (extra statements).',
  })
  facets(@Root() connection: ProductConnection, @Ctx() ctx: Context) {
    return ctx.services.catalog.facets(ctx, connection.query);
  }
}

@Resolver(() => Product)
export class ProductFieldsResolver {
  @FieldResolver(() => Seller)
  seller(@Root() product: Product, @Ctx() ctx: Context): Promise<Seller> {
    return ctx.loaders.identity.seller.load(product.sellerId) as Promise<Seller>;
  }

  @FieldResolver(() => Category)
  category(@Root() product: Product, @Ctx() ctx: Context): Promise<Category> {
    return ctx.loaders.catalog.category.load(product.categoryId) as Promise<Category>;
  }

  @FieldResolver(() => [Variant])
  variants(@Root() product: Product, @Ctx() ctx: Context) {
    return ctx.loaders.catalog.variantsOfProduct.load(product.id);
  }
}

@Resolver(() => Variant)
export class VariantFieldsResolver {
  @FieldResolver(() => [PriceTier], {
    description: 'Volume prices, shown to members of verified companies.',
  })
  async tiers(@Root() variant: Variant, @Ctx() ctx: Context): Promise<PriceTier[]> {
    return buysForVerifiedCompany(ctx.viewer) || (await this.manages(variant, ctx))
      ? ctx.loaders.catalog.tiersOfVariant.load(variant.id)
      : [];
  }

  @FieldResolver(() => PriceQuote, { description: 'The price for the viewer at this quantity.' })
  price(
    @Root() variant: Variant,
    @Arg('quantity', () => Int, { defaultValue: 1 }) quantity: number,
    @Ctx() ctx: Context,
  ): PriceQuote | Promise<PriceQuote> {
    if (quantity < 1 || quantity > 1_000_000)
      throw badInput('quantity must be 1 to 1000000', 'quantity', InputProblemCode.RANGE, {
        min: 1,
        max: 1_000_000,
      });
    // Consumers' prices need nothing more from the database.
    if (!buysForVerifiedCompany(ctx.viewer))
      return priceQuote(resolvePrice(variant, [], quantity, false), quantity);
    return Promise.all([
      ctx.loaders.catalog.tiersOfVariant.load(variant.id),
      ctx.loaders.contracts.contractLineOfVariant.load(variant.id),
    ]).then(([tiers, contract]) =>
      priceQuote(resolvePrice(variant, tiers, quantity, true, contract), quantity),
    );
  }

  @FieldResolver(() => Product)
  async product(@Root() variant: Variant, @Ctx() ctx: Context): Promise<Product> {
    return (await ctx.loaders.catalog.product.load(variant.productId)) as Product;
  }

  @FieldResolver(() => [StockMovement], {
    description: 'Latest 100 stock movements; for the seller and admins.',
  })
  async stockMovements(@Root() variant: Variant, @Ctx() ctx: Context): Promise<StockMovement[]> {
    return (await this.manages(variant, ctx))
      ? ctx.services.catalog.stockMovements(ctx, variant.id)
      : [];
  }

  private async manages(variant: Variant, ctx: Context): Promise<boolean> {
    const viewer = ctx.viewer;
    if (!viewer) return false;
    if (viewer.user.isPlatformAdmin) return true;
    const product = await ctx.loaders.catalog.product.load(variant.productId);
    return product !== null && viewer.sellerId === product.sellerId;
  }
}

export function priceQuote(resolved: ResolvedPrice, quantity: number): PriceQuote {
  const unit = Money.of(resolved.unitPrice, resolved.currency);
  const total = multiply(unit, quantity);
  return Object.assign(new PriceQuote(), {
    quantity,
    unitPrice: unit,
    total: Money.of(total.amount, total.currency),
    source: resolved.source as PriceSourceEnum,
    ruleId: resolved.ruleId === null ? null : String(resolved.ruleId),
  });
}

@Resolver(() => PriceTier)
export class PriceTierFieldsResolver {
  @FieldResolver(() => Money)
  unitPrice(@Root() tier: PriceTier): Money {
    return Money.of(tier.unitPrice, tier.currency);
  }
}

@Resolver(() => Category)
export class CategoryFieldsResolver {
  @FieldResolver(() => Category, { nullable: true })
  parent(@Root() category: Category, @Ctx() ctx: Context) {
    return category.parentId === null ? null : ctx.loaders.catalog.category.load(category.parentId);
  }

  @FieldResolver(() => [Category])
  children(@Root() category: Category, @Ctx() ctx: Context) {
    return ctx.loaders.catalog.childCategories.load(category.id);
  }
}
