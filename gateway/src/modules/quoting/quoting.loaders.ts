import DataLoader from 'dataloader';
import type { Context } from '../../api/context.js';
import { byKey, groupByKey } from '../../common/batch.js';
import { findIn } from '../../db/find-in.js';
import { ApprovalRequest } from '../approval/approval.entity.js';
import { QuoteMessage, QuoteRequestLine, QuoteVersion, QuoteVersionLine } from './quote.entity.js';

export function createQuotingLoaders(ctx: Context) {
  return {
    linesOfQuote: new DataLoader<number, QuoteRequestLine[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, QuoteRequestLine, 'quoteId', ids, [['position', 'ASC']]),
        (l) => l.quoteId,
      ),
    ),
    versionsOfQuote: new DataLoader<number, QuoteVersion[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, QuoteVersion, 'quoteId', ids, [['number', 'ASC']]),
        (v) => v.quoteId,
      ),
    ),
    version: new DataLoader<number, QuoteVersion | null>(async (ids) =>
      byKey(ids, await findIn(ctx.em, QuoteVersion, 'id', ids), (v) => v.id),
    ),
    linesOfVersion: new DataLoader<number, QuoteVersionLine[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, QuoteVersionLine, 'versionId', ids, [['requestLineId', 'ASC']]),
        (l) => l.versionId,
      ),
    ),
    messagesOfQuote: new DataLoader<number, QuoteMessage[]>(async (ids) =>
      groupByKey(
        ids,
        await findIn(ctx.em, QuoteMessage, 'quoteId', ids, [['id', 'ASC']]),
        (m) => m.quoteId,
      ),
    ),
    /** The latest approval request of each quote (byKey keeps the last, the newest, row). */
    approvalOfQuote: new DataLoader<number, ApprovalRequest | null>(async (ids) =>
      byKey(
        ids,
        await findIn(ctx.em, ApprovalRequest, 'quoteId', ids, [['id', 'ASC']]),
        (r) => r.quoteId as number,
      ),
    ),
  };
}
