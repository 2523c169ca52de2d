import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import { groupByKey } from '../../common/batch.js';
import { findIn } from '../../db/find-in.js';
import { ApprovalDecision } from './approval.entity.js';

export function createApprovalLoaders(ctx: Context) {
  return {
    decisionsOfRequest: new DataLoader<number, ApprovalDecision[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, ApprovalDecision, 'requestId', ids, [['id', 'ASC']]),
        (d) => d.requestId,
      ),
    ),
  };
}
