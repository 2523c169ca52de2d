import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../api/context.js';
import { badInput } from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { CartView } from '../cart/cart.types.js';
import { Product } from '../catalog/product.entity.js';
import { Variant } from '../catalog/variant.entity.js';
import { Contract } from '../contracts/contract.entity.js';
import { Company } from '../identity/company.entity.js';
import { buysForVerifiedCompany } from '../pricing/pricing.service.js';
import { MAX_RECOMMENDATIONS } from './recommendations.service.js';
import { Recommendation, type RecommendationRow } from './recommendations.types.js';

const FIRST = { defaultValue: 4, description: `At most this many (1-${MAX_RECOMMENDATIONS}).` };

function limit(first: number): number {
  if (first < 1 || first > MAX_RECOMMENDATIONS)
    throw badInput(
      `first must be from 1 to ${MAX_RECOMMENDATIONS}`,
      'first',
      InputProblemCode.RANGE,
      {
        min: 1,
        max: MAX_RECOMMENDATIONS,
      },
    );
  return first;
}

const wrap = (rows: RecommendationRow[]) => rows.map(Recommendation.of);

@Resolver()
export class RecommendationsResolver {
  @Authorized()
  @Query(() => [Recommendation], {
    description:
      'REORDER: what you (a consumer) bought in two orders or more, last bought first. ' +
      'Company members ask `Company.reorders`.',
  })
  async reorders(@Arg('first', () => Int, FIRST) first: number, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    return wrap(
      await ctx.services.recommendations.consumerReorders(ctx, viewer.user.id, limit(first)),
    );
  }
}

@Resolver(() => Recommendation)
export class RecommendationFieldsResolver {
  @FieldResolver(() => Product)
  async product(@Root() r: Recommendation, @Ctx() ctx: Context): Promise<Product> {
    return (await ctx.loaders.catalog.product.load(r.row.productId)) as Product;
  }

  @FieldResolver(() => Variant, {
    nullable: true,
    description: 'The variant meant (REORDER, UP_SELL); null: the product as a whole.',
  })
  variant(@Root() r: Recommendation, @Ctx() ctx: Context) {
    return r.row.variantId === null ? null : ctx.loaders.catalog.variant.load(r.row.variantId);
  }

  @FieldResolver(() => Product, {
    nullable: true,
    description: 'CROSS_SELL: the product it is bought with; UP_SELL: the product itself.',
  })
  basedOn(@Root() r: Recommendation, @Ctx() ctx: Context) {
    const id = r.row.basedOnProductId;
    return id === null ? null : ctx.loaders.catalog.product.load(id);
  }
}

@Resolver(() => Product)
export class RecommendationProductFieldsResolver {
  @FieldResolver(() => [Recommendation], {
    description:
      'CROSS_SELL: products most often in the same consumer orders (ACTIVE, in stock). One ' +
      'statement for a whole list of products.',
  })
  async oftenBoughtWith(
    @Root() product: Product,
    @Arg('first', () => Int, FIRST) first: number,
    @Ctx() ctx: Context,
  ) {
    return wrap(await ctx.loaders.recommendations.oftenBoughtWith(limit(first)).load(product.id));
  }
}

@Resolver(() => Variant)
export class RecommendationVariantFieldsResolver {
  @FieldResolver(() => Recommendation, {
    nullable: true,
    description:
      'UP_SELL: for members of a verified company, the smallest volume tier above `quantity` ' +
      'that lowers the unit price; null otherwise (consumers pay the list price).',
  })
  async upSell(
    @Root() variant: Variant,
    @Arg('quantity', () => Int, { defaultValue: 1 }) quantity: number,
    @Ctx() ctx: Context,
  ) {
    const tiers = await ctx.loaders.catalog.tiersOfVariant.load(variant.id);
    const row = ctx.services.recommendations.upSell(
      variant,
      tiers,
      quantity,
      buysForVerifiedCompany(ctx.viewer),
    );
    return row && Recommendation.of(row);
  }
}

@Resolver(() => CartView)
export class RecommendationCartFieldsResolver {
  @FieldResolver(() => [Recommendation], {
    description:
      "CROSS_SELL: products often bought with the cart's, not in the cart (ACTIVE, in stock).",
  })
  async crossSell(
    @Root() cart: CartView,
    @Arg('first', () => Int, FIRST) first: number,
    @Ctx() ctx: Context,
  ) {
    const productIds = [...new Set(cart.lines.map((l) => l.product.id))];
    return wrap(await ctx.services.recommendations.crossSellForCart(ctx, productIds, limit(first)));
  }
}

@Resolver(() => Company)
export class RecommendationCompanyFieldsResolver {
  @FieldResolver(() => [Recommendation], {
    description:
      'REORDER: contract variants its call-off orders drew twice or more, last drawn first. ' +
      'Members of the company only (empty for anyone else).',
  })
  async reorders(
    @Root() company: Company,
    @Arg('first', () => Int, FIRST) first: number,
    @Ctx() ctx: Context,
  ) {
    const n = limit(first);
    if (!ctx.services.recommendations.actsFor(ctx.viewer, company.id)) return [];
    return wrap(await ctx.services.recommendations.companyReorders(ctx, company.id, n));
  }

  @FieldResolver(() => [Recommendation], {
    description:
      'SIMILAR_COMPANIES_BUY: what companies sharing a tag or lifecycle stage with it buy under ' +
      'contract and it does not. Members of the company only (empty for anyone else).',
  })
  async similarCompaniesBuy(
    @Root() company: Company,
    @Arg('first', () => Int, FIRST) first: number,
    @Ctx() ctx: Context,
  ) {
    const n = limit(first);
    if (!ctx.services.recommendations.actsFor(ctx.viewer, company.id)) return [];
    return wrap(await ctx.services.recommendations.similarCompaniesBuy(ctx, company.id, n));
  }
}

@Resolver(() => Contract)
export class RecommendationContractFieldsResolver {
  @FieldResolver(() => [Recommendation], {
    description:
      'RENEWAL_ADDITIONS: for an ACTIVE contract ending within 90 days, products the company ' +
      'bought from the same seller under its other contracts. For the company and the seller.',
  })
  async renewalAdditions(
    @Root() contract: Contract,
    @Arg('first', () => Int, FIRST) first: number,
    @Ctx() ctx: Context,
  ) {
    const n = limit(first);
    const { viewer } = ctx;
    const party =
      ctx.services.recommendations.actsFor(viewer, contract.companyId) ||
      (viewer?.sellerId ?? null) === contract.sellerId;
    if (!party) return [];
    return wrap(await ctx.services.recommendations.renewalAdditions(ctx, contract, n));
  }
}
