import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ArgsType,
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  AlreadyExistsError,
  BaseErrorResult,
  ErrorCode,
  ErrorResult,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { Money } from '../../api/money.type.js';
import { PageInfo } from '../../api/pagination.js';
import { Seller } from '../identity/seller.entity.js';
import { Category } from './category.entity.js';
import { Product, ProductStatus, productStatuses } from './product.entity.js';
import type { QueryTerm } from './search-terms.js';
import { StockReason, stockReasons } from './stock-movement.entity.js';
import { Variant } from './variant.entity.js';
import { InputProblemCode, refusedAs } from '../../api/input-problems.js';

export enum ProductSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}
registerEnumType(ProductSort, {
  name: 'ProductSort',
  description: 'RELEVANCE ranks by search match, or by newest without a search.',
});

export enum PriceSourceEnum {
  LIST = 'LIST',
  TIER = 'TIER',
  CONTRACT = 'CONTRACT',
}
registerEnumType(PriceSourceEnum, { name: 'PriceSource', description: 'Which rule set a price.' });

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MESSAGE = 'must be lower-case letters and digits joined by dashes';
const CURRENCY = /^[A-Z]{3}$/;

@InputType()
export class ProductFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words matched in name, description and SKUs.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'This category and all below it.' })
  @IsOptional()
  categoryId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  sellerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest list price, minor units.' })
  @IsOptional()
  @Min(0)
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest list price, minor units.' })
  @IsOptional()
  @Min(0)
  maxPrice?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  inStock?: boolean | null;

  @Field(() => ProductStatus, {
    nullable: true,
    description:
      'Seller staff (own seller) and platform admins only; everyone else sees ACTIVE products.',
  })
  @IsOptional()
  @IsIn(productStatuses)
  status?: ProductStatus | null;

  @Field(() => [ProductStatus], {
    nullable: true,
    description:
      "Any of these statuses, instead of status (a seller's whole catalog); the same rule applies.",
  })
  @IsOptional()
  @ArrayNotEmpty()
  @IsIn(productStatuses, { each: true })
  statuses?: ProductStatus[] | null;
}

@ArgsType()
export class ProductsArgs {
  @Field(() => Int, { defaultValue: 20, description: '1 to 100.' })
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;

  @Field(() => ProductFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ProductFilter | null;

  @Field(() => ProductSort, { defaultValue: ProductSort.RELEVANCE })
  sort: ProductSort;
}

@ObjectType({ simpleResolvers: true })
export class ProductEdge {
  @Field(() => Product)
  node: Product;

  @Field(() => String)
  cursor: string;
}

@ObjectType({ simpleResolvers: true })
export class CategoryFacet {
  @Field(() => Category)
  category: Category;

  @Field(() => Int)
  count: number;
}

@ObjectType({ simpleResolvers: true })
export class SellerFacet {
  @Field(() => Seller)
  seller: Seller;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description: 'Counts of matching products per category and per seller.',
  simpleResolvers: true,
})
export class ProductFacets {
  @Field(() => [CategoryFacet], { description: 'Counted without the category filter.' })
  categories: CategoryFacet[];

  @Field(() => [SellerFacet], { description: 'Counted without the seller filter.' })
  sellers: SellerFacet[];
}

/** The normalised filter a page was read with; kept for the lazily computed count and facets. */
export interface ProductQuery {
  terms: QueryTerm[];
  /** The filter's category and its descendants. */
  categoryIds: number[] | null;
  sellerId: number | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean | null;
  /** One or more, each once. */
  statuses: ProductStatus[];
  /** A filter matches nothing (an unknown id): skip the database. */
  empty: boolean;
}

@ObjectType({ description: 'A page of products (Relay connection).', simpleResolvers: true })
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  query: ProductQuery;

  /** The count of a search page, read with the page itself (null: counted when asked). */
  total: number | null;
}

@ObjectType({
  description: 'A price for the viewer and the quantity, and why it applies.',
  simpleResolvers: true,
})
export class PriceQuote {
  @Field(() => Int)
  quantity: number;

  @Field(() => Money)
  unitPrice: Money;

  @Field(() => Money, { description: 'unitPrice x quantity.' })
  total: Money;

  @Field(() => PriceSourceEnum)
  source: PriceSourceEnum;

  @Field(() => ID, { nullable: true, description: 'The tier or contract line that won.' })
  ruleId: string | null;
}

@InputType()
export class NameValueInput {
  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => String)
  @Length(1, 500)
  value: string;
}

@InputType()
export class CreateProductInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Required for platform admins; staff create for their own seller.',
  })
  @IsOptional()
  sellerId?: string | null;

  @Field(() => ID)
  categoryId: string;

  @Field(() => String)
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Derived from the name when omitted.' })
  @IsOptional()
  @Matches(SLUG, refusedAs(InputProblemCode.SLUG, SLUG_MESSAGE))
  @MaxLength(200)
  slug?: string | null;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(20_000)
  description: string;

  @Field(() => [NameValueInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  attributes: NameValueInput[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'] },
    { each: true, message: 'must be http(s) URLs' },
  )
  imageUrls: string[];
}

@InputType()
export class UpdateProductInput {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  categoryId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(SLUG, refusedAs(InputProblemCode.SLUG, SLUG_MESSAGE))
  @MaxLength(200)
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  description?: string | null;

  @Field(() => [NameValueInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  attributes?: NameValueInput[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'] },
    { each: true, message: 'must be http(s) URLs' },
  )
  imageUrls?: string[] | null;
}

@InputType()
export class PriceTierInput {
  @Field(() => Int)
  @Min(2)
  @Max(1_000_000)
  minQuantity: number;

  @Field(() => Int, { description: 'Minor units.' })
  @Min(0)
  @Max(2_000_000_000)
  unitPrice: number;
}

@InputType({
  description: 'Creates the variant with this SKU, or updates it when it exists on the product.',
})
export class UpsertVariantInput {
  @Field(() => ID)
  productId: string;

  @Field(() => String)
  @Matches(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    refusedAs(InputProblemCode.SKU, 'must be 1 to 64 letters, digits, dots, dashes or underscores'),
  )
  sku: string;

  @Field(() => String)
  @Length(1, 200)
  name: string;

  @Field(() => [NameValueInput], { defaultValue: [] })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  options: NameValueInput[];

  @Field(() => Int, { description: 'List price in minor units.' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  listPrice: number;

  @Field(() => String, { defaultValue: 'CNY' })
  @Matches(CURRENCY, refusedAs(InputProblemCode.CURRENCY, 'must be an ISO 4217 code such as CNY'))
  currency: string;

  @Field(() => [PriceTierInput], { defaultValue: [], description: 'Replaces the volume tiers.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  tiers: PriceTierInput[];

  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  @Max(1_000_000)
  minOrderQuantity: number;

  @Field(() => Int, { defaultValue: 1 })
  @Min(1)
  @Max(1_000_000)
  orderIncrement: number;
}

@InputType()
export class AdjustStockInput {
  @Field(() => ID)
  variantId: string;

  @Field(() => Int, { description: 'Units added (positive) or removed (negative).' })
  @Min(-1_000_000)
  @Max(1_000_000)
  delta: number;

  @Field(() => StockReason)
  @IsIn(stockReasons)
  reason: StockReason;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(500)
  note: string;
}

@InputType()
export class CreateCategoryInput {
  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => String)
  @Matches(SLUG, refusedAs(InputProblemCode.SLUG, SLUG_MESSAGE))
  @MaxLength(100)
  slug: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string | null;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  @Max(100_000)
  position: number;
}

@InputType({ description: 'Renames or moves a category: every field is replaced.' })
export class UpdateCategoryInput {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @Length(1, 100)
  name: string;

  @Field(() => String)
  @Matches(SLUG, refusedAs(InputProblemCode.SLUG, SLUG_MESSAGE))
  @MaxLength(100)
  slug: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The parent it moves under (with its subcategories); null: top level.',
  })
  @IsOptional()
  parentId?: string | null;

  @Field(() => Int)
  @Min(0)
  @Max(100_000)
  position: number;
}

@ObjectType({ implements: ErrorResult, simpleResolvers: true })
export class InsufficientStockError extends BaseErrorResult {
  @Field(() => Int)
  available: number;

  constructor(available: number) {
    super(ErrorCode.INSUFFICIENT_STOCK, `Only ${available} units are not reserved`);
    this.available = available;
  }
}

export const ProductResult = createUnionType({
  name: 'ProductResult',
  types: () => [Product, NotFoundError, AlreadyExistsError, InvalidStateError] as const,
});
export const VariantResult = createUnionType({
  name: 'VariantResult',
  types: () => [Variant, NotFoundError, AlreadyExistsError] as const,
});
export const AdjustStockResult = createUnionType({
  name: 'AdjustStockResult',
  types: () => [Variant, NotFoundError, InsufficientStockError] as const,
});
export const CategoryResult = createUnionType({
  name: 'CategoryResult',
  types: () => [Category, NotFoundError, AlreadyExistsError, InvalidStateError] as const,
});

export { ProductStatus };
