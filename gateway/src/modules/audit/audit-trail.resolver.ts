import { In } from 'typeorm';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { requireViewer, type Context, type Viewer } from '../../api/context.js';
import { AuditEvent } from './audit-event.entity.js';

export enum AuditDocument {
  QUOTE = 'QUOTE',
  APPROVAL_REQUEST = 'APPROVAL_REQUEST',
  CONTRACT = 'CONTRACT',
}
registerEnumType(AuditDocument, { name: 'AuditDocument' });

@ObjectType({ description: 'One recorded step of a document’s life.', simpleResolvers: true })
export class AuditEntry {
  @Field(() => String)
  action: string;

  @Field(() => String, { nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  toState: string | null;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'Who did it (empty: the system).' })
  actor: string;

  @Field(() => String, { description: 'Details, as JSON.' })
  details: string;
}

/** Company admins and management approvers of the company, and the seller's staff. */
function mayAudit(viewer: Viewer, doc: { companyId: number; sellerId: number }): boolean {
  const membership = viewer.memberships.find((m) => m.companyId === doc.companyId);
  return (
    viewer.sellerId === doc.sellerId ||
    (membership?.roles.includes('COMPANY_ADMIN') ?? false) ||
    (membership?.roles.includes('APPROVER') === true && membership.department === 'MANAGEMENT')
  );
}

@Resolver()
export class AuditTrailResolver {
  @Authorized()
  @Query(() => [AuditEntry], {
    nullable: true,
    description:
      "Every recorded step of a quote, approval request or contract (a contract's with its " +
      'installments, invoices and call-off orders), oldest first; for the company’s admins and managers and the seller. ' +
      'Null for anyone else, as if missing.',
  })
  async auditTrail(
    @Arg('document', () => AuditDocument) document: AuditDocument,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<AuditEntry[] | null> {
    const viewer = requireViewer(ctx);
    const refs: { entityType: string; ids: number[] }[] = [];
    let doc: { id: number; companyId: number; sellerId: number } | null;
    if (document === AuditDocument.QUOTE) {
      doc = await ctx.services.quoting.quote(ctx, viewer, id);
      if (doc) refs.push({ entityType: 'quote', ids: [doc.id] });
    } else if (document === AuditDocument.APPROVAL_REQUEST) {
      doc = await ctx.services.approval.request(ctx, viewer, id);
      if (doc) refs.push({ entityType: 'approval_request', ids: [doc.id] });
    } else {
      doc = await ctx.services.contracts.contract(ctx, viewer, id);
      if (doc) {
        const [milestones, callOffs] = await Promise.all([
          ctx.services.billing.milestones(ctx, doc.id),
          ctx.services.callOffs.callOffs(ctx, doc.id),
        ]);
        refs.push(
          { entityType: 'contract', ids: [doc.id] },
          { entityType: 'contract_milestone', ids: milestones.map((m) => m.id) },
          { entityType: 'call_off', ids: callOffs.map((c) => c.id) },
        );
      }
    }
    if (!doc || !mayAudit(viewer, doc)) return null;
    const events = await ctx.em.find(AuditEvent, {
      where: refs
        .filter((r) => r.ids.length > 0)
        .map((r) => ({ entityType: r.entityType, entityId: In(r.ids) })),
      order: { id: 'ASC' },
    });
    const users = await ctx.loaders.identity.user.loadMany(events.map((e) => e.actorUserId ?? 0));
    return events.map((e, i) => {
      const user = users[i];
      return {
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        at: e.createdAt,
        actor: user && !(user instanceof Error) ? user.name : '',
        details: JSON.stringify(e.data ?? {}),
      };
    });
  }
}
