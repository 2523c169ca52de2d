import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import { groupByKey } from '../../common/batch.js';
import { AccountTag, AccountType, Segment } from './audience.entity.js';
import type { CompanyLifecycle } from './audience.types.js';

export function createAudienceLoaders(ctx: Context) {
  /** The viewer's own tags on accounts of a type (none for viewers keeping no tags). */
  const tags = (type: AccountType) =>
    new DataLoader<number, AccountTag[]>(async (ids) => {
      const ownerId = ctx.services.audience.ownerOf(ctx.viewer);
      if (ownerId === null) return ids.map(() => []);
      const found = await ctx.services.audience.tagsOf(ctx, ownerId, type, ids);
      return groupByKey(ids, found, (t) => t.accountId);
    });
  return {
    tagsOfConsumer: tags(AccountType.CONSUMER),
    tagsOfCompany: tags(AccountType.COMPANY),
    /** Members of each segment: one statement for all the segments of a page. */
    memberCount: new DataLoader<Segment, number, number>(
      (segments) => ctx.services.audience.memberCounts(ctx, segments),
      { cacheKeyFn: (s) => s.id },
    ),
    /** Where each company stands with the viewer's shop (null: not staff, or not a customer). */
    lifecycleOfCompany: new DataLoader<number, CompanyLifecycle | null>(async (ids) => {
      const sellerId = ctx.viewer?.sellerId ?? null;
      if (sellerId === null) return ids.map(() => null);
      return ctx.services.audience.lifecycles(ctx, sellerId, ids);
    }),
  };
}
