import type { Context, Viewer } from '../../api/context.js';
import { AuditEvent } from './audit-event.entity.js';

/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
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
    await ctx.em.insert(AuditEvent, {
      actorUserId: actor?.user.id ?? null,
      entityType,
      entityId,
      action,
      fromState,
      toState,
      // simple-json column: TypeORM's deep-partial type cannot express an arbitrary object
      data: data as never,
    });
  }
}
