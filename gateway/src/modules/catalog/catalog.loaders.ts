import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import { byKey, groupByKey } from '../../common/batch.js';
import { findIn } from '../../db/find-in.js';
import { Category } from './category.entity.js';
import { PriceTier } from './price-tier.entity.js';
import { Product } from './product.entity.js';
import { Variant } from './variant.entity.js';

export function createCatalogLoaders(ctx: Context) {
  return {
    product: new DataLoader<number, Product | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Product, 'id', ids), (p) => p.id),
    ),
    variant: new DataLoader<number, Variant | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Variant, 'id', ids), (v) => v.id),
    ),
    category: new DataLoader<number, Category | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Category, 'id', ids), (c) => c.id),
    ),
    childCategories: new DataLoader<number, Category[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, Category, 'parentId', ids, [
          ['position', 'ASC'],
          ['name', 'ASC'],
        ]),
        (c) => c.parentId as number,
      ),
    ),
    variantsOfProduct: new DataLoader<number, Variant[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, Variant, 'productId', ids, [
          ['position', 'ASC'],
          ['id', 'ASC'],
        ]),
        (v) => v.productId,
      ),
    ),
    tiersOfVariant: new DataLoader<number, PriceTier[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, PriceTier, 'variantId', ids, [['minQuantity', 'ASC']]),
        (t) => t.variantId,
      ),
    ),
  };
}
