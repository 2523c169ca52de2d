import type { Context, Viewer } from '../../api/context.js';
import { insertRows } from '../../db/insert-rows.js';
import { AuditEvent } from './audit-event.entity.js';

/**
 * Appends to the audit log inside the caller's transaction, so the record and the change commit
 * together. Stamped with the request's clock (`ctx.now()`), as the change itself is: the wall
 * clock, except where a test gateway or the demo history moves time.
 */
export class AuditService {
  async record(
    ctx: Context,
    actor: Viewer | null,
    entityType: string,
    entityId: number,
    action: string,
    fromState: string | null = null,
    toState: string | null = null,
    data: Record<string, unknown> | null = null,
  ): Promise<void> {
    await this.recordAll(ctx, actor, [{ entityType, entityId, action, fromState, toState, data }]);
  }

  /** Several records in one INSERT (e.g. every order a checkout placed). */
  async recordAll(
    ctx: Context,
    actor: Viewer | null,
    records: {
      entityType: string;
      entityId: number;
      action: string;
      fromState?: string | null;
      toState?: string | null;
      data?: Record<string, unknown> | null;
    }[],
  ): Promise<void> {
    const at = ctx.now();
    await insertRows(
      ctx.em,
      AuditEvent,
      records.map((r) => ({
        actorUserId: actor?.user.id ?? null,
        entityType: r.entityType,
        entityId: r.entityId,
        action: r.action,
        fromState: r.fromState ?? null,
        toState: r.toState ?? null,
        data: (r.data ?? null) as never,
        createdAt: at,
      })),
    );
  }
}
