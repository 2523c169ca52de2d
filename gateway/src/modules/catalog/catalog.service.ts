import { In, Like } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import {
  AlreadyExistsError,
  badInput,
  forbidden,
  InvalidStateError,
  NotFoundError,
} from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { decodeCursor, toPage, type CursorKey } from '../../api/pagination.js';
import { committedByStatement } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { affectedRows } from '../../db/affected-rows.js';
import { findIn, hydrate, selectColumns, sqlNames } from '../../db/find-in.js';
import { insertRows } from '../../db/insert-rows.js';
import { forUpdate } from '../../db/locks.js';
import { StateMachine } from '../../common/state-machine.js';
import type { AuditService } from '../audit/audit.service.js';
import { Seller } from '../identity/seller.entity.js';
import { Category } from './category.entity.js';
import {
  InsufficientStockError,
  ProductConnection,
  ProductSort,
  type AdjustStockInput,
  type CategoryFacet,
  type CreateCategoryInput,
  type CreateProductInput,
  type ProductFilter,
  type ProductQuery,
  type ProductsArgs,
  type SellerFacet,
  type UpdateCategoryInput,
  type UpdateProductInput,
  type UpsertVariantInput,
} from './catalog.types.js';
import { PriceTier } from './price-tier.entity.js';
import { Product, type ProductStatus } from './product.entity.js';
import { ProductSearchTerm } from './product-search-term.entity.js';
import {
  matchingProducts,
  relevance,
  replaceSearchTerms,
  searchTermRows,
} from './product-search.js';
import { queryTerms } from './search-terms.js';
import { StockMovement } from './stock-movement.entity.js';
import { Variant } from './variant.entity.js';

/** Products per refresh statement: the CASE lists carry each product's price and stock flag. */
const REFRESH_CHUNK = 200;

/** Product publication. Publishing needs at least one variant (checked by the service). */
export const productLifecycle = new StateMachine<ProductStatus>('product', {
  DRAFT: ['ACTIVE', 'ARCHIVED'],
  ACTIVE: ['ARCHIVED', 'DRAFT'],
  ARCHIVED: ['ACTIVE', 'DRAFT'],
});

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 180) || 'product'
  );
}

/**
 * The conditional reservation of a variant's units. Parameters: the quantity, the variant's id,
 * and how many units must be available (the quantity, plus one to leave a unit). Backticks
 * quote names on both databases.
 */
const RESERVE_STOCK =
  'UPDATE `variant` SET `stockReserved` = `stockReserved` + ?, ' +
  '`updatedAt` = CURRENT_TIMESTAMP WHERE `id` = ? AND `stockOnHand` - `stockReserved` >= ?';

/**
 * MariaDB's block reserving checkout lines (see `CatalogService.reserveCheckoutStock`): per
 * line, the conditional update leaving a unit, else the one taking the last units; COMMIT when
 * every line left a unit. Answers one row: a letter per line, r(eserved), e(mptied) or s(hort),
 * and whether the transaction is still open.
 */
export function stockReservationBlock(lines: { variantId: number; quantity: number }[]): {
  sql: string;
  params: number[];
} {
  const outcome = lines.map((_, i) => `o${i}`);
  return {
    sql:
      'BEGIN NOT ATOMIC ' +
      outcome.map((o) => `DECLARE ${o} CHAR(1) DEFAULT 'r'; `).join('') +
      outcome
        .map(
          (o) =>
            `${RESERVE_STOCK}; IF ROW_COUNT() = 0 THEN ${RESERVE_STOCK}; ` +
            `SET ${o} = IF(ROW_COUNT() = 1, 'e', 's'); END IF; `,
        )
        .join('') +
      `IF CONCAT(${outcome.join(', ')}) = '${'r'.repeat(lines.length)}' THEN COMMIT; END IF; ` +
      `SELECT CONCAT(${outcome.join(', ')}) AS outcomes, @@in_transaction AS open; END`,
    params: lines.flatMap((l) => [
      l.quantity,
      l.variantId,
      l.quantity + 1,
      l.quantity,
      l.variantId,
      l.quantity,
    ]),
  };
}

/** The shared catalog: categories, products, variants, tiers and stock. */
export class CatalogService {
  constructor(private readonly audit: AuditService) {}

  // ---- reading

  /** Normalises a filter; non-ACTIVE statuses are for the seller's staff and platform admins only. */
  async productQuery(
    ctx: Context,
    filter: ProductFilter | null | undefined,
  ): Promise<ProductQuery> {
    if (filter?.status && filter.statuses)
      throw badInput(
        'Give status or statuses, not both',
        'filter.statuses',
        InputProblemCode.EXACTLY_ONE,
        { fields: 'status, statuses' },
      );
    const statuses = [...new Set(filter?.statuses ?? [filter?.status ?? 'ACTIVE'])].sort();
    const sellerId = filter?.sellerId ? parseId(filter.sellerId) : null;
    const categoryId = filter?.categoryId ? parseId(filter.categoryId) : null;
    let empty =
      (filter?.sellerId && !sellerId) || (filter?.categoryId && !categoryId) ? true : false;
    if (statuses.some((status) => status !== 'ACTIVE')) {
      const viewer = ctx.viewer;
      const mayManage =
        viewer?.user.isPlatformAdmin || (viewer?.sellerId != null && viewer.sellerId === sellerId);
      if (!mayManage)
        throw forbidden(
          'Only the seller staff (filter by your sellerId) and admins see unpublished products',
        );
    }
    let categoryIds: number[] | null = null;
    if (categoryId) {
      categoryIds = await this.categoryWithDescendants(ctx, categoryId);
      if (categoryIds.length === 0) empty = true;
    }
    if (filter?.minPrice != null && filter.maxPrice != null && filter.minPrice > filter.maxPrice) {
      throw badInput(
        'minPrice must not be above maxPrice',
        'filter.minPrice',
        InputProblemCode.NOT_ABOVE,
        { field: 'maxPrice' },
      );
    }
    return {
      terms: queryTerms(filter?.search),
      categoryIds,
      sellerId,
      minPrice: filter?.minPrice ?? null,
      maxPrice: filter?.maxPrice ?? null,
      inStock: filter?.inStock ?? null,
      statuses,
      empty,
    };
  }

  /** A category's id and its descendants' (none when it does not exist). */
  private async categoryWithDescendants(ctx: Context, id: number): Promise<number[]> {
    const q = sqlNames(ctx.em);
    const rows = (await ctx.em.query(
      `SELECT ${q('d.id')} AS id FROM ${q('category')} ${q('c')} INNER JOIN ${q('category')} ` +
        `${q('d')} ON ${q('d.path')} LIKE CONCAT(${q('c.path')}, '%') WHERE ${q('c.id')} = ?`,
      [id],
    )) as { id: number }[];
    return rows.map((r) => Number(r.id));
  }

  /**
   * A page of products. Without a search it reads `product` in the sort's index order. A search
   * reads the search index once: matching products grouped, sorted, the page cut, the total
   * counted by a window and the page's products joined, all in one statement.
   */
  async products(ctx: Context, args: ProductsArgs): Promise<ProductConnection> {
    const query = await this.productQuery(ctx, args.filter);
    const sort =
      args.sort === ProductSort.RELEVANCE && query.terms.length === 0
        ? ProductSort.NEWEST
        : args.sort;
    const connection = new ProductConnection();
    connection.query = query;
    connection.total = null;
    if (query.empty) {
      Object.assign(
        connection,
        toPage<Product>([], args.first, args.after, () => []),
      );
      connection.total = 0;
      return connection;
    }
    const m = matchingProducts(ctx.em, query);
    const q = sqlNames(ctx.em);
    const id = m.column('id');
    const price = m.column('minPrice');
    let from = m.from;
    const params = m.params;
    /** The sort: a key besides the id (grouped search rows need one computed), and direction. */
    let key: string | null = null;
    let dir: 'ASC' | 'DESC' = 'DESC';
    let keyOf: (p: Product, index: number) => CursorKey;
    let offset = 0;
    let keyset = false;
    switch (sort) {
      case ProductSort.NEWEST: {
        if (args.after) {
          const [, afterId] = decodeCursor(args.after, 2);
          from += ` AND ${id} < ?`;
          params.push(Number(afterId));
          keyset = true;
        }
        keyOf = (p) => ['id', p.id];
        break;
      }
      case ProductSort.PRICE_ASC:
      case ProductSort.PRICE_DESC: {
        dir = sort === ProductSort.PRICE_ASC ? 'ASC' : 'DESC';
        const cmp = dir === 'ASC' ? '>' : '<';
        if (args.after) {
          const [, afterPrice, afterId] = decodeCursor(args.after, 3);
          from += ` AND (${price} ${cmp} ? OR (${price} = ? AND ${id} ${cmp} ?))`;
          params.push(Number(afterPrice), Number(afterPrice), Number(afterId));
          keyset = true;
        }
        // grouped search rows sort by the product's price, the same in each of its rows
        key = m.search ? `MIN(${price})` : price;
        keyOf = (p) => ['price', p.minPrice ?? 0, p.id];
        break;
      }
      default: {
        // A relevance score is not a stable key, so relevance pages by position.
        if (args.after) offset = Number(decodeCursor(args.after, 2)[1]);
        if (!Number.isSafeInteger(offset) || offset < 0)
          throw badInput('The cursor is not valid for this list', 'after', InputProblemCode.CURSOR);
        const rel = relevance(ctx.em, query);
        key = rel.sql;
        params.unshift(...rel.params);
        keyOf = (_p, index) => ['offset', offset + index + 1];
      }
    }
    // `first` and `offset` are validated integers.
    const page = `LIMIT ${args.first + 1} OFFSET ${offset}`;
    const products = selectColumns(ctx.em, Product, 'p');
    let rows: Product[];
    if (m.search) {
      // One statement: the index grouped per product, sorted and cut to the page (the total
      // counted by a window over all the groups, except on a keyset page, which sees only the
      // products after its cursor), then the page's products joined in.
      const hits = (await ctx.em.query(
        `SELECT ${products}${keyset ? '' : `, ${q('h.total')} AS total`} FROM (` +
          `SELECT ${id} AS id${key ? `, ${key} AS k` : ''}` +
          `${keyset ? '' : ', COUNT(*) OVER () AS total'} ${from} GROUP BY ${id} ` +
          `ORDER BY ${key ? `k ${dir}, ` : ''}id ${dir} ${page}) ${q('h')} ` +
          `INNER JOIN ${q('product')} ${q('p')} ON ${q('p.id')} = ${q('h.id')} ` +
          `ORDER BY ${key ? `${q('h.k')} ${dir}, ` : ''}${q('h.id')} ${dir}`,
        params,
      )) as (Record<string, unknown> & { total?: number | string })[];
      if (!keyset && (hits.length > 0 || offset === 0)) {
        connection.total = Number(hits[0]?.total ?? 0);
      }
      rows = hydrate(ctx.em, Product, hits, 'p');
      for (const product of rows) ctx.loaders.catalog.product.prime(product.id, product);
    } else {
      const order = `${key ? `${key} ${dir}, ` : ''}${id} ${dir}`;
      rows = hydrate(
        ctx.em,
        Product,
        await ctx.em.query(`SELECT ${products} ${from} ORDER BY ${order} ${page}`, params),
        'p',
      );
    }
    Object.assign(connection, toPage(rows, args.first, args.after, keyOf));
    return connection;
  }

  async totalCount(ctx: Context, connection: ProductConnection): Promise<number> {
    if (connection.total !== null) return connection.total;
    const m = matchingProducts(ctx.em, connection.query);
    const [row] = (await ctx.em.query(`SELECT ${m.count} AS n ${m.from}`, m.params)) as {
      n: number | string;
    }[];
    return Number(row?.n ?? 0);
  }

  async facets(ctx: Context, query: ProductQuery) {
    if (query.empty) return { categories: [], sellers: [] };
    const countBy = (column: 'categoryId' | 'sellerId') => {
      const m = matchingProducts(ctx.em, query, column === 'categoryId' ? 'category' : 'seller');
      const c = m.column(column);
      return ctx.em.query(
        `SELECT ${c} AS id, ${m.count} AS count ${m.from} GROUP BY ${c}`,
        m.params,
      ) as Promise<{ id: number; count: string | number }[]>;
    };
    const [byCategory, bySeller] = await Promise.all([countBy('categoryId'), countBy('sellerId')]);
    const [categories, sellers] = await Promise.all([
      ctx.loaders.catalog.category.loadMany(byCategory.map((r) => Number(r.id))),
      ctx.loaders.identity.seller.loadMany(bySeller.map((r) => Number(r.id))),
    ]);
    const categoryFacets: CategoryFacet[] = byCategory.flatMap((r, i) => {
      const category = categories[i];
      return category instanceof Category ? [{ category, count: Number(r.count) }] : [];
    });
    const sellerFacets: SellerFacet[] = bySeller.flatMap((r, i) => {
      const seller = sellers[i];
      return seller instanceof Seller ? [{ seller, count: Number(r.count) }] : [];
    });
    categoryFacets.sort((a, b) => b.count - a.count || a.category.id - b.category.id);
    sellerFacets.sort((a, b) => b.count - a.count || a.seller.id - b.seller.id);
    return { categories: categoryFacets, sellers: sellerFacets };
  }

  /** An ACTIVE product for everyone; any status for its seller's staff and platform admins. */
  async product(
    ctx: Context,
    id: string | null | undefined,
    slug: string | null | undefined,
  ): Promise<Product | null> {
    if (!id === !slug)
      throw badInput('Give exactly one of id and slug', 'id', InputProblemCode.EXACTLY_ONE, {
        fields: 'id, slug',
      });
    const numericId = id ? parseId(id) : null;
    if (id && !numericId) return null;
    const product = numericId
      ? await ctx.loaders.catalog.product.load(numericId)
      : ((await findIn(ctx.em, Product, 'slug', [slug]))[0] ?? null);
    if (!product) return null;
    if (product.status === 'ACTIVE') return product;
    const viewer = ctx.viewer;
    return viewer && this.mayManage(viewer, product.sellerId) ? product : null;
  }

  categories(ctx: Context): Promise<Category[]> {
    return ctx.em.find(Category, { order: { path: 'ASC' } });
  }

  sellers(ctx: Context): Promise<Seller[]> {
    return ctx.em.find(Seller, { where: { status: 'ACTIVE' }, order: { name: 'ASC' } });
  }

  stockMovements(ctx: Context, variantId: number): Promise<StockMovement[]> {
    return ctx.em.find(StockMovement, { where: { variantId }, order: { id: 'DESC' }, take: 100 });
  }

  // ---- writing

  mayManage(viewer: Viewer, sellerId: number): boolean {
    return viewer.user.isPlatformAdmin || viewer.sellerId === sellerId;
  }

  /** The product if the viewer may manage it; others' products answer like missing ones. */
  private async managedProduct(
    ctx: Context,
    viewer: Viewer,
    id: string,
    lock = false,
  ): Promise<Product | null> {
    const productId = parseId(id);
    if (!productId) return null;
    const product = await ctx.em.findOne(Product, {
      where: { id: productId },
      ...(lock ? forUpdate(ctx.em) : {}),
    });
    return product && this.mayManage(viewer, product.sellerId) ? product : null;
  }

  async createCategory(ctx: Context, viewer: Viewer, input: CreateCategoryInput) {
    let parent: Category | null = null;
    if (input.parentId) {
      const parentId = parseId(input.parentId);
      parent = parentId ? await ctx.em.findOneBy(Category, { id: parentId }) : null;
      if (!parent) return new NotFoundError('Parent category');
    }
    if (await ctx.em.existsBy(Category, { slug: input.slug })) {
      return new AlreadyExistsError('slug', 'A category with this slug exists');
    }
    const category = await ctx.em.save(
      ctx.em.create(Category, {
        name: input.name.trim(),
        slug: input.slug,
        parentId: parent?.id ?? null,
        position: input.position,
        path: '/',
      }),
    );
    category.path = `${parent?.path ?? '/'}${category.id}/`;
    await ctx.em.update(Category, { id: category.id }, { path: category.path });
    await this.audit.record(ctx, viewer, 'category', category.id, 'created');
    return category;
  }

  /**
   * Renames or moves a category. A move carries its subcategories along: their materialised
   * paths are rewritten under the new parent, so product filters by category follow at once.
   */
  async updateCategory(ctx: Context, viewer: Viewer, input: UpdateCategoryInput) {
    const id = parseId(input.id);
    const category = id
      ? await ctx.em.findOne(Category, { where: { id }, ...forUpdate(ctx.em) })
      : null;
    if (!category) return new NotFoundError('Category');
    let parent: Category | null = null;
    if (input.parentId) {
      const parentId = parseId(input.parentId);
      parent = parentId ? await ctx.em.findOneBy(Category, { id: parentId }) : null;
      if (!parent) return new NotFoundError('Parent category');
      if (parent.path.startsWith(category.path)) {
        return new InvalidStateError('A category cannot move under itself or its subcategories');
      }
    }
    if (input.slug !== category.slug && (await ctx.em.existsBy(Category, { slug: input.slug }))) {
      return new AlreadyExistsError('slug', 'A category with this slug exists');
    }
    const from = { name: category.name, slug: category.slug, parentId: category.parentId };
    const oldPath = category.path;
    const path = `${parent?.path ?? '/'}${category.id}/`;
    if (path !== oldPath) {
      const subtree = await ctx.em.findBy(Category, { path: Like(`${oldPath}%`) });
      for (const node of subtree) {
        await ctx.em.update(
          Category,
          { id: node.id },
          { path: path + node.path.slice(oldPath.length) },
        );
      }
    }
    Object.assign(category, {
      name: input.name.trim(),
      slug: input.slug,
      parentId: parent?.id ?? null,
      position: input.position,
      path,
    });
    await ctx.em.save(category);
    await this.audit.record(ctx, viewer, 'category', category.id, 'updated', null, null, {
      from,
      to: { name: category.name, slug: category.slug, parentId: category.parentId },
    });
    return category;
  }

  async createProduct(ctx: Context, viewer: Viewer, input: CreateProductInput) {
    let sellerId: number | null;
    if (viewer.user.isPlatformAdmin && input.sellerId) sellerId = parseId(input.sellerId);
    else if (viewer.sellerId !== null) {
      if (input.sellerId && parseId(input.sellerId) !== viewer.sellerId) {
        throw forbidden('Seller staff create products for their own seller only');
      }
      sellerId = viewer.sellerId;
    } else
      throw badInput(
        'Platform admins must name the seller',
        'input.sellerId',
        InputProblemCode.REQUIRED,
      );
    if (!sellerId || !(await ctx.em.existsBy(Seller, { id: sellerId })))
      return new NotFoundError('Seller');
    const categoryId = parseId(input.categoryId);
    if (!categoryId || !(await ctx.em.existsBy(Category, { id: categoryId })))
      return new NotFoundError('Category');
    const slug = input.slug ?? (await this.freeSlug(ctx, slugify(input.name)));
    if (await ctx.em.existsBy(Product, { slug }))
      return new AlreadyExistsError('slug', 'A product with this slug exists');
    const product = ctx.em.create(Product, {
      sellerId,
      categoryId,
      slug,
      name: input.name.trim(),
      description: input.description,
      attributes: input.attributes.map(({ name, value }) => ({ name, value })),
      imageUrls: input.imageUrls,
      status: 'DRAFT',
      minPrice: null,
      currency: null,
      inStock: false,
    });
    await ctx.em.save(product);
    await this.refreshProducts(ctx, [product.id]);
    await this.audit.record(ctx, viewer, 'product', product.id, 'created', null, 'DRAFT');
    return product;
  }

  private async freeSlug(ctx: Context, base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await ctx.em.existsBy(Product, { slug }))) return slug;
    }
  }

  async updateProduct(ctx: Context, viewer: Viewer, input: UpdateProductInput) {
    const product = await this.managedProduct(ctx, viewer, input.id, true);
    if (!product) return new NotFoundError('Product');
    if (input.categoryId) {
      const categoryId = parseId(input.categoryId);
      if (!categoryId || !(await ctx.em.existsBy(Category, { id: categoryId })))
        return new NotFoundError('Category');
      product.categoryId = categoryId;
    }
    if (input.slug && input.slug !== product.slug) {
      if (await ctx.em.existsBy(Product, { slug: input.slug })) {
        return new AlreadyExistsError('slug', 'A product with this slug exists');
      }
      product.slug = input.slug;
    }
    if (input.name) product.name = input.name.trim();
    if (input.description != null) product.description = input.description;
    if (input.attributes)
      product.attributes = input.attributes.map(({ name, value }) => ({ name, value }));
    if (input.imageUrls) product.imageUrls = input.imageUrls;
    await ctx.em.save(product);
    await this.refreshProducts(ctx, [product.id]);
    await this.audit.record(ctx, viewer, 'product', product.id, 'updated');
    return ctx.em.findOneByOrFail(Product, { id: product.id });
  }

  /**
   * Publishes, archives or withdraws a product. `reason` is kept in the audit trail; a platform
   * admin archiving another shop's product (moderation) must give one, so the shop can be told why.
   */
  async setProductStatus(ctx: Context, viewer: Viewer, id: string, to: ProductStatus, reason = '') {
    const product = await this.managedProduct(ctx, viewer, id, true);
    if (!product) return new NotFoundError('Product');
    const why = reason.trim();
    if (to === 'ARCHIVED' && viewer.sellerId !== product.sellerId && !why) {
      throw badInput('Say why the product is archived', 'reason', InputProblemCode.REQUIRED);
    }
    const from = product.status;
    if (!productLifecycle.canTransition(from, to)) {
      return new InvalidStateError(`A ${from} product cannot become ${to}`);
    }
    if (to === 'ACTIVE' && !(await ctx.em.existsBy(Variant, { productId: product.id }))) {
      return new InvalidStateError('A product needs at least one variant before it is published');
    }
    product.status = to;
    await ctx.em.save(product);
    await this.refreshProducts(ctx, [product.id]);
    await this.audit.record(
      ctx,
      viewer,
      'product',
      product.id,
      'status',
      from,
      to,
      why ? { reason: why } : null,
    );
    return product;
  }

  async upsertVariant(ctx: Context, viewer: Viewer, input: UpsertVariantInput) {
    const product = await this.managedProduct(ctx, viewer, input.productId, true);
    if (!product) return new NotFoundError('Product');
    const minQuantities = input.tiers.map((t) => t.minQuantity);
    if (new Set(minQuantities).size !== minQuantities.length) {
      throw badInput('Each tier needs its own minQuantity', 'input.tiers', InputProblemCode.UNIQUE);
    }
    const siblings = await ctx.em.findBy(Variant, { productId: product.id });
    if (siblings.some((v) => v.currency !== input.currency && v.sku !== input.sku)) {
      throw badInput(
        'All variants of a product share one currency',
        'input.currency',
        InputProblemCode.SAME_CURRENCY,
      );
    }
    let variant = await ctx.em.findOneBy(Variant, { sku: input.sku });
    if (variant && variant.productId !== product.id) {
      return new AlreadyExistsError('sku', 'This SKU belongs to another product');
    }
    const fields = {
      name: input.name.trim(),
      options: input.options.map(({ name, value }) => ({ name, value })),
      listPriceAmount: input.listPrice,
      currency: input.currency,
      minOrderQuantity: input.minOrderQuantity,
      orderIncrement: input.orderIncrement,
    };
    if (variant) {
      Object.assign(variant, fields);
      await ctx.em.save(variant);
      await ctx.em.delete(PriceTier, { variantId: variant.id });
    } else {
      variant = await ctx.em.save(
        ctx.em.create(Variant, {
          ...fields,
          productId: product.id,
          sku: input.sku,
          position: siblings.length,
        }),
      );
    }
    if (input.tiers.length > 0) {
      await ctx.em.insert(
        PriceTier,
        input.tiers.map((t) => ({
          variantId: (variant as Variant).id,
          minQuantity: t.minQuantity,
          unitPrice: t.unitPrice,
          currency: input.currency,
        })),
      );
    }
    await this.refreshProducts(ctx, [product.id]);
    await this.audit.record(ctx, viewer, 'variant', variant.id, 'upserted', null, null, {
      sku: input.sku,
    });
    return variant;
  }

  /**
   * Moves stock on hand by `delta` with one conditional UPDATE, so concurrent adjustments and
   * reservations can never take on hand below what is reserved.
   */
  async adjustStock(ctx: Context, viewer: Viewer, input: AdjustStockInput) {
    const variantId = parseId(input.variantId);
    const variant = variantId ? await ctx.em.findOneBy(Variant, { id: variantId }) : null;
    const product = variant ? await ctx.em.findOneBy(Product, { id: variant.productId }) : null;
    if (!variant || !product || !this.mayManage(viewer, product.sellerId))
      return new NotFoundError('Variant');
    if (input.delta === 0)
      throw badInput('delta must not be 0', 'input.delta', InputProblemCode.NOT_ZERO);
    const result = await ctx.em
      .createQueryBuilder()
      .update(Variant)
      .set({ stockOnHand: () => 'stockOnHand + :delta' })
      .where('id = :id AND stockOnHand + :delta >= stockReserved')
      .setParameters({ id: variant.id, delta: input.delta })
      .execute();
    const updated = await ctx.em.findOneByOrFail(Variant, { id: variant.id });
    if (!result.affected)
      return new InsufficientStockError(updated.stockOnHand - updated.stockReserved);
    await ctx.em.insert(StockMovement, {
      variantId: variant.id,
      delta: input.delta,
      onHandAfter: updated.stockOnHand,
      reason: input.reason,
      note: input.note,
      actorUserId: viewer.user.id,
      createdAt: ctx.now(),
    });
    await this.refreshProducts(ctx, [product.id]);
    return updated;
  }

  /**
   * Reserves `quantity` units with conditional updates: first one that leaves at least one
   * unit (the common case: nothing else to do), else one that takes the last units ('emptied':
   * the product may have sold out). 'short' when not even that many are left.
   */
  async reserveStock(
    ctx: Context,
    variantId: number,
    quantity: number,
  ): Promise<'reserved' | 'emptied' | 'short'> {
    for (const [leave, outcome] of [
      [1, 'reserved'],
      [0, 'emptied'],
    ] as const) {
      // By hand: every checkout of a hot variant waits on this row, so it is the last write.
      const changed = await affectedRows(ctx.em, RESERVE_STOCK, [
        quantity,
        variantId,
        quantity + leave,
      ]);
      if (changed) return outcome;
    }
    return 'short';
  }

  /**
   * Reserves a checkout's lines, each as `reserveStock` does, in variant order (the caller
   * sorts): the last writes of the checkout's transaction. On MariaDB they run as one block that
   * also COMMITs when every line kept a unit in stock, so the rows every buyer of a hot item
   * waits on are locked only while the server runs the block, not for a round trip to the
   * gateway and back; `committed` then says the transaction is over. Otherwise (a line short or
   * emptied, or another database) the caller goes on in the open transaction.
   */
  async reserveCheckoutStock(
    ctx: Context,
    lines: { variantId: number; quantity: number }[],
  ): Promise<{ outcomes: ('reserved' | 'emptied' | 'short')[]; committed: boolean }> {
    if (ctx.em.connection.options.type !== 'mariadb' || lines.length === 0) {
      const outcomes: ('reserved' | 'emptied' | 'short')[] = [];
      for (const l of lines) outcomes.push(await this.reserveStock(ctx, l.variantId, l.quantity));
      return { outcomes, committed: false };
    }
    const block = stockReservationBlock(lines);
    const [row] = (await ctx.em.query(block.sql, block.params)) as [
      { outcomes: string; open: number | string }[],
    ];
    const answer = row[0]!;
    const committed = Number(answer.open) === 0;
    if (committed) committedByStatement(ctx);
    return {
      outcomes: [...answer.outcomes].map((c) =>
        c === 'r' ? 'reserved' : c === 'e' ? 'emptied' : 'short',
      ),
      committed,
    };
  }

  /**
   * Reserves several lines (free-text ones, without a variant, skipped) in variant order, so
   * concurrent reservations never deadlock. The first line that cannot be covered answers
   * `InsufficientStockError` with what is available; its transaction then rolls back, taking the
   * earlier lines' reservations with it. A variant is read only when it is short or sold out.
   */
  async reserveLines(
    ctx: Context,
    lines: { variantId: number | null; quantity: number }[],
  ): Promise<InsufficientStockError | null> {
    const goods = lines
      .filter((l): l is { variantId: number; quantity: number } => l.variantId !== null)
      .sort((a, b) => a.variantId - b.variantId);
    const emptied: number[] = [];
    for (const g of goods) {
      const outcome = await this.reserveStock(ctx, g.variantId, g.quantity);
      if (outcome === 'reserved') continue;
      const variant = await ctx.em.findOneByOrFail(Variant, { id: g.variantId });
      if (outcome === 'short') {
        return new InsufficientStockError(Math.max(0, variant.stockOnHand - variant.stockReserved));
      }
      emptied.push(variant.productId);
    }
    await this.refreshStockFlags(ctx, emptied);
    return null;
  }

  /** Catalog lines (free-text ones dropped) with their products, for `moveReservedStock`. */
  async stockLines(
    ctx: Context,
    lines: { variantId: number | null; quantity: number }[],
  ): Promise<{ variantId: number; productId: number; quantity: number }[]> {
    const goods = lines.filter(
      (l): l is { variantId: number; quantity: number } => l.variantId !== null,
    );
    const variants = goods.length
      ? await ctx.em.findBy(Variant, { id: In(goods.map((l) => l.variantId)) })
      : [];
    const productOf = new Map(variants.map((v) => [v.id, v.productId]));
    return goods.map((l) => ({
      variantId: l.variantId,
      productId: productOf.get(l.variantId) as number,
      quantity: l.quantity,
    }));
  }

  /**
   * What an order's or contract's transition does to the stock it reserved: release it, ship it
   * (on hand and reserved both go down), or take returned goods back; in variant order, with the
   * stock movement history and the in-stock flags kept.
   */
  async moveReservedStock(
    ctx: Context,
    effect: 'release' | 'ship' | 'restock',
    lines: { variantId: number; productId: number; quantity: number }[],
    note: string,
    actorUserId: number | null,
  ): Promise<void> {
    const sorted = [...lines].sort((a, b) => a.variantId - b.variantId);
    for (const line of sorted) {
      const set =
        effect === 'release'
          ? { stockReserved: () => 'stockReserved - :quantity' }
          : effect === 'ship'
            ? {
                stockOnHand: () => 'stockOnHand - :quantity',
                stockReserved: () => 'stockReserved - :quantity',
              }
            : { stockOnHand: () => 'stockOnHand + :quantity' };
      await ctx.em
        .createQueryBuilder()
        .update(Variant)
        .set(set)
        .where('id = :id', { id: line.variantId, quantity: line.quantity })
        .execute();
    }
    if (effect !== 'release') {
      const after = await ctx.em.find(Variant, {
        select: { id: true, stockOnHand: true },
        where: { id: In(sorted.map((l) => l.variantId)) },
      });
      const onHand = new Map(after.map((v) => [v.id, v.stockOnHand]));
      const at = ctx.now();
      await insertRows(
        ctx.em,
        StockMovement,
        sorted.map((l) => ({
          variantId: l.variantId,
          delta: effect === 'ship' ? -l.quantity : l.quantity,
          onHandAfter: onHand.get(l.variantId) ?? 0,
          reason: effect === 'ship' ? ('SHIPPED' as const) : ('RETURNED' as const),
          note,
          actorUserId,
          createdAt: at,
        })),
      );
    }
    if (effect !== 'ship') {
      await this.refreshStockFlags(
        ctx,
        sorted.map((l) => l.productId),
      );
    }
  }

  /**
   * Recomputes the in-stock flag of products whose variants' reservations changed: one UPDATE,
   * so an order's placement, cancellation or return keeps "in stock" filters true.
   */
  async refreshStockFlags(ctx: Context, productIds: number[]): Promise<void> {
    const ids = [...new Set(productIds)].sort((a, b) => a - b);
    if (ids.length === 0) return;
    await ctx.em
      .createQueryBuilder()
      .update(Product)
      .set({
        inStock: () =>
          'CASE WHEN EXISTS (SELECT 1 FROM variant v WHERE v.productId = product.id ' +
          'AND v.stockOnHand > v.stockReserved) THEN 1 ELSE 0 END',
      })
      .where('id IN (:...ids)', { ids })
      .execute();
    await ctx.em
      .createQueryBuilder()
      .update(ProductSearchTerm)
      .set({
        inStock: () =>
          '(SELECT p.inStock FROM product p WHERE p.id = product_search_term.productId)',
      })
      .where('productId IN (:...ids)', { ids })
      .execute();
  }

  /**
   * Recomputes the denormalised columns products are sorted and filtered by, and their search
   * index rows: per chunk of products two reads, one UPDATE with a CASE per column whatever the
   * chunk's size, and the index rows replaced.
   */
  async refreshProducts(ctx: Context, productIds: number[]): Promise<void> {
    const unique = [...new Set(productIds)];
    for (let i = 0; i < unique.length; i += REFRESH_CHUNK) {
      const ids = unique.slice(i, i + REFRESH_CHUNK);
      const [products, variants] = await Promise.all([
        ctx.em.find(Product, {
          select: {
            id: true,
            name: true,
            description: true,
            attributes: true,
            status: true,
            categoryId: true,
            sellerId: true,
          },
          where: { id: In(ids) },
        }),
        ctx.em.find(Variant, {
          select: {
            id: true,
            productId: true,
            sku: true,
            listPriceAmount: true,
            currency: true,
            stockOnHand: true,
            stockReserved: true,
          },
          where: { productId: In(ids) },
          order: { id: 'ASC' },
        }),
      ]);
      if (products.length === 0) continue;
      const byProduct = new Map<number, Variant[]>();
      for (const v of variants) {
        const own = byProduct.get(v.productId);
        if (own) own.push(v);
        else byProduct.set(v.productId, [v]);
      }
      const params: Record<string, unknown> = { ids: products.map((p) => p.id) };
      const whens: Record<'minPrice' | 'currency' | 'inStock', string[]> = {
        minPrice: [],
        currency: [],
        inStock: [],
      };
      const terms: ProductSearchTerm[] = [];
      products.forEach((product, n) => {
        const own = byProduct.get(product.id) ?? [];
        const cheapest = own.reduce<Variant | null>(
          (m, v) => (m === null || v.listPriceAmount < m.listPriceAmount ? v : m),
          null,
        );
        const values = {
          minPrice: cheapest?.listPriceAmount ?? null,
          currency: cheapest?.currency ?? null,
          inStock: own.some((v) => v.stockOnHand > v.stockReserved) ? 1 : 0,
        };
        terms.push(
          ...searchTermRows(
            { ...product, minPrice: values.minPrice, inStock: values.inStock === 1 },
            own.map((v) => v.sku),
          ),
        );
        params[`id${n}`] = product.id;
        for (const column of Object.keys(whens) as (keyof typeof whens)[]) {
          params[`${column}${n}`] = values[column];
          whens[column].push(`WHEN :id${n} THEN :${column}${n}`);
        }
      });
      await ctx.em
        .createQueryBuilder()
        .update(Product)
        .set({
          minPrice: () => `CASE id ${whens.minPrice.join(' ')} END`,
          currency: () => `CASE id ${whens.currency.join(' ')} END`,
          inStock: () => `CASE id ${whens.inStock.join(' ')} END`,
        })
        .where('id IN (:...ids)')
        .setParameters(params)
        .execute();
      await replaceSearchTerms(
        ctx.em,
        products.map((p) => p.id),
        terms,
      );
    }
  }
}
