import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../../api/context.js';
import { byKey, groupByKey } from '../../common/batch.js';
import { Category } from './category.entity.js';
import { PriceTier } from './price-tier.entity.js';
import { Product } from './product.entity.js';
import { Variant } from './variant.entity.js';

export function createCatalogLoaders(ctx: Context) {
  return {
    product: new DataLoader<number, Product | null>(async (ids) =>
      byKey(ids, await ctx.em.findBy(Product, { id: In([...ids]) }), (p) => p.id),
    ),
    variant: new DataLoader<number, Variant | null>(async (ids) =>
      byKey(ids, await ctx.em.findBy(Variant, { id: In([...ids]) }), (v) => v.id),
    ),
    category: new DataLoader<number, Category | null>(async (ids) =>
      byKey(ids, await ctx.em.findBy(Category, { id: In([...ids]) }), (c) => c.id),
    ),
    childCategories: new DataLoader<number, Category[]>(async (ids) =>
      groupByKey(
        ids,
        await ctx.em.find(Category, {
          where: { parentId: In([...ids]) },
          order: { position: 'ASC', name: 'ASC' },
        }),
        (c) => c.parentId as number,
      ),
    ),
    variantsOfProduct: new DataLoader<number, Variant[]>(async (ids) =>
      groupByKey(
        ids,
        await ctx.em.find(Variant, {
          where: { productId: In([...ids]) },
          order: { position: 'ASC', id: 'ASC' },
        }),
        (v) => v.productId,
      ),
    ),
    tiersOfVariant: new DataLoader<number, PriceTier[]>(async (ids) =>
      groupByKey(
        ids,
        await ctx.em.find(PriceTier, {
          where: { variantId: In([...ids]) },
          order: { minQuantity: 'ASC' },
        }),
        (t) => t.variantId,
      ),
    ),
  };
}
