import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import type { RecommendationRow } from './recommendations.types.js';

export function createRecommendationLoaders(ctx: Context) {
  const byFirst = new Map<number, DataLoader<number, RecommendationRow[]>>();
  return {
    /** CROSS_SELL of each product, `first` at most: one statement for a page of products. */
    oftenBoughtWith(first: number): DataLoader<number, RecommendationRow[]> {
      let loader = byFirst.get(first);
      if (!loader) {
        loader = new DataLoader((ids) =>
          ctx.services.recommendations.oftenBoughtWith(ctx, ids, first),
        );
        byFirst.set(first, loader);
      }
      return loader;
    },
  };
}
