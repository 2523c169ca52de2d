import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import { byKey } from '../../common/batch.js';
import { findIn } from '../../db/find-in.js';
import { Segment } from '../audience/audience.entity.js';

export function createContentLoaders(ctx: Context) {
  return {
    /** The segments blocks target, for their editors. */
    segment: new DataLoader<number, Segment | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, Segment, 'id', ids), (s) => s.id),
    ),
  };
}
