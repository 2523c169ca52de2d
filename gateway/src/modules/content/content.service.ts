import { In } from 'typeorm';
import type { Context, Viewer } from '../../api/context.js';
import { badInputs, InvalidStateError, NotFoundError } from '../../api/errors.js';
import { InputProblemCode as Code, type ProblemParams } from '../../api/input-problems.js';
import { keysetPage } from '../../api/pagination.js';
import { parseId } from '../../common/batch.js';
import { forUpdate } from '../../db/locks.js';
import { AccountTag, AccountType, PLATFORM, Segment } from '../audience/audience.entity.js';
import type { AccountRef, AudienceService } from '../audience/audience.service.js';
import { normaliseTag, tagProblem } from '../audience/segment-rule.js';
import type { AuditService } from '../audit/audit.service.js';
import { Product } from '../catalog/product.entity.js';
import { ContentBlock, ContentKind, ContentPlacement, ContentStatus } from './content.entity.js';
import {
  ContentBlockConnection,
  MAX_SLOT_PRODUCTS,
  type ContentBlockFields,
  type ContentBlocksArgs,
  type ContentPreviewArgs,
  type CreateContentBlockInput,
  type PlacedContentArgs,
  type UpdateContentBlockInput,
} from './content.types.js';

/**
 * The scheduled blocks of a placement a viewer's targeting considers, highest priority first:
 * a bound on the work of one request, far above what a page shows at one time.
 */
export const MAX_CANDIDATES = 200;

/** Whom a placement's targeted blocks address: the storefront consumers, the portal companies. */
export function accountTypeOf(placement: ContentPlacement): AccountType {
  return placement === ContentPlacement.PORTAL_DASHBOARD
    ? AccountType.COMPANY
    : AccountType.CONSUMER;
}

interface Problem {
  path: string;
  message: string;
  code: Code;
  params?: ProblemParams;
}

type CheckedFields = Pick<
  ContentBlock,
  | 'placement'
  | 'title'
  | 'body'
  | 'imageUrl'
  | 'linkUrl'
  | 'callToAction'
  | 'productIds'
  | 'everyone'
  | 'segmentIds'
  | 'tags'
  | 'priority'
  | 'startsAt'
  | 'endsAt'
  | 'status'
>;

/**
 * Banners and product slots placed for a target. Seller staff keep their shop's blocks (its
 * segments, tags and products only), platform admins the platform's and may change any.
 * Choosing what a viewer sees costs a fixed number of statements however many blocks there
 * are: the candidates, their segments, the viewer's tags, and one membership statement.
 */
export class ContentService {
  constructor(
    private readonly audience: AudienceService,
    private readonly audit: AuditService,
  ) {}

  /** Whether the viewer keeps the block: admins every block, seller staff their shop's. */
  keeps(viewer: Viewer | null, block: ContentBlock): boolean {
    return Boolean(viewer?.user.isPlatformAdmin || block.ownerId === viewer?.sellerId);
  }

  /** A block the viewer keeps, or null (as for a missing one). */
  async block(ctx: Context, viewer: Viewer, id: string, lock = false) {
    const blockId = parseId(id);
    if (!blockId) return null;
    const block = await ctx.em.findOne(ContentBlock, {
      where: { id: blockId },
      ...(lock ? forUpdate(ctx.em) : {}),
    });
    return block && this.keeps(viewer, block) ? block : null;
  }

  /** The blocks the viewer keeps, newest first, a page at a time. */
  async blocks(ctx: Context, viewer: Viewer, args: ContentBlocksArgs) {
    const qb = ctx.em.createQueryBuilder(ContentBlock, 'b');
    if (!viewer.user.isPlatformAdmin) qb.where('b.ownerId = :owner', { owner: viewer.sellerId });
    if (args.placement) qb.andWhere('b.placement = :placement', { placement: args.placement });
    if (args.status) qb.andWhere('b.status = :status', { status: args.status });
    const page = await keysetPage(qb, 'b', { sql: null, direction: 'DESC' }, args);
    return Object.assign(new ContentBlockConnection(), page);
  }

  async create(ctx: Context, viewer: Viewer, input: CreateContentBlockInput) {
    const ownerId = this.audience.ownerOf(viewer) as number;
    const fields = await this.checked(ctx, ownerId, input.kind, input);
    const block = ctx.em.create(ContentBlock, {
      ...fields,
      ownerId,
      kind: input.kind,
      createdByUserId: viewer.user.id,
      updatedByUserId: viewer.user.id,
    });
    await ctx.em.insert(ContentBlock, block);
    await this.audit.record(ctx, viewer, 'content block', block.id, 'created', null, block.status);
    return ctx.em.findOneByOrFail(ContentBlock, { id: block.id });
  }

  async update(ctx: Context, viewer: Viewer, input: UpdateContentBlockInput) {
    const block = await this.block(ctx, viewer, input.id, true);
    if (!block) return new NotFoundError('Content block');
    if (block.status === ContentStatus.ARCHIVED) {
      return new InvalidStateError('An archived content block cannot be changed');
    }
    const fields = await this.checked(ctx, block.ownerId, block.kind, input);
    await ctx.em.update(
      ContentBlock,
      { id: block.id },
      { ...fields, updatedByUserId: viewer.user.id },
    );
    await this.audit.record(
      ctx,
      viewer,
      'content block',
      block.id,
      'updated',
      block.status,
      fields.status,
    );
    return ctx.em.findOneByOrFail(ContentBlock, { id: block.id });
  }

  /** Retires a block for good (again: nothing changes). */
  async archive(ctx: Context, viewer: Viewer, id: string) {
    const block = await this.block(ctx, viewer, id, true);
    if (!block) return new NotFoundError('Content block');
    if (block.status !== ContentStatus.ARCHIVED) {
      await ctx.em.update(
        ContentBlock,
        { id: block.id },
        { status: ContentStatus.ARCHIVED, updatedByUserId: viewer.user.id },
      );
      await this.audit.record(
        ctx,
        viewer,
        'content block',
        block.id,
        'archived',
        block.status,
        ContentStatus.ARCHIVED,
      );
    }
    return ctx.em.findOneByOrFail(ContentBlock, { id: block.id });
  }

  /**
   * The input checked for a block of `ownerId` and `kind`: every problem at its path in one
   * BAD_USER_INPUT. A shop's block may name only its own segments, tags and products.
   */
  private async checked(
    ctx: Context,
    ownerId: number,
    kind: ContentKind,
    input: ContentBlockFields,
  ): Promise<CheckedFields> {
    const problems: Problem[] = [];
    const refuse = (path: string, message: string, code: Code, params?: ProblemParams) =>
      problems.push({ path: `input.${path}`, message, code, params });
    const text = (value: string | null | undefined) => value?.trim() || null;

    const title = input.title.trim();
    if (!title) refuse('title', 'Give the block a title', Code.REQUIRED);
    if (input.status === ContentStatus.ARCHIVED) {
      refuse('status', 'A block is archived by archiveContentBlock', Code.ONE_OF, {
        values: 'DRAFT, ACTIVE',
      });
    }
    if (input.startsAt && input.endsAt && input.startsAt > input.endsAt) {
      refuse('startsAt', 'The schedule starts after it ends', Code.NOT_ABOVE, {
        field: 'endsAt',
      });
    }

    const banner = kind === ContentKind.BANNER;
    if (banner && input.productIds.length > 0) {
      refuse('productIds', 'A banner shows no products', Code.NOT_APPLICABLE);
    }
    if (!banner) {
      for (const field of ['imageUrl', 'linkUrl', 'callToAction'] as const) {
        if (text(input[field])) refuse(field, 'Only banners have this', Code.NOT_APPLICABLE);
      }
    }
    if (banner && text(input.callToAction) && !text(input.linkUrl)) {
      refuse('linkUrl', 'A call to action needs a link', Code.REQUIRED);
    }
    const productIds = banner ? [] : await this.products(ctx, ownerId, input.productIds, refuse);

    const { target } = input;
    const tags: string[] = [];
    target.tags.forEach((raw, i) => {
      const tag = normaliseTag(raw);
      if (tag === null) refuse(`target.tags.${i}`, tagProblem.message, Code.TAG, tagProblem.params);
      else if (!tags.includes(tag)) tags.push(tag);
    });
    const segmentIds = await this.segments(
      ctx,
      ownerId,
      input.placement,
      target.segmentIds,
      refuse,
    );
    if (target.everyone) {
      for (const field of ['segmentIds', 'tags'] as const) {
        if (target[field].length > 0) {
          refuse(`target.${field}`, 'A block for everyone names no one', Code.NOT_APPLICABLE);
        }
      }
    } else if (target.segmentIds.length === 0 && target.tags.length === 0) {
      refuse('target', 'Target everyone, or some segments or tags', Code.REQUIRED, {
        field: 'segmentIds',
      });
    }

    if (problems.length > 0) throw badInputs(problems);
    return {
      placement: input.placement,
      title,
      body: text(input.body),
      imageUrl: banner ? text(input.imageUrl) : null,
      linkUrl: banner ? text(input.linkUrl) : null,
      callToAction: banner ? text(input.callToAction) : null,
      productIds,
      everyone: target.everyone,
      segmentIds,
      tags,
      priority: input.priority,
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
      status: input.status,
    };
  }

  /** A slot's products: 1 to 12, each once, existing and (for a shop) its own. */
  private async products(
    ctx: Context,
    ownerId: number,
    given: string[],
    refuse: (path: string, message: string, code: Code, params?: ProblemParams) => void,
  ): Promise<number[]> {
    if (given.length < 1 || given.length > MAX_SLOT_PRODUCTS) {
      refuse(
        'productIds',
        `A product slot shows 1 to ${MAX_SLOT_PRODUCTS} products`,
        Code.ITEMS_RANGE,
        {
          min: 1,
          max: MAX_SLOT_PRODUCTS,
        },
      );
      return [];
    }
    const ids = given.map(parseId);
    const found = await ctx.em.findBy(Product, {
      id: In(ids.filter((id): id is number => id !== null)),
    });
    ids.forEach((id, i) => {
      const product = found.find((p) => p.id === id);
      if (!product || (ownerId !== PLATFORM && product.sellerId !== ownerId)) {
        refuse(`productIds.${i}`, 'No such product of yours', Code.NOT_FOUND);
      } else if (ids.indexOf(id) !== i) {
        refuse(`productIds.${i}`, 'The product is in the slot already', Code.UNIQUE);
      }
    });
    return ids.filter((id): id is number => id !== null);
  }

  /** Targeted segments: each once, the owner's (admins: any), of the placement's accounts. */
  private async segments(
    ctx: Context,
    ownerId: number,
    placement: ContentPlacement,
    given: string[],
    refuse: (path: string, message: string, code: Code, params?: ProblemParams) => void,
  ): Promise<number[]> {
    if (given.length === 0) return [];
    const ids = given.map(parseId);
    const found = await ctx.em.findBy(Segment, {
      id: In(ids.filter((id): id is number => id !== null)),
    });
    const type = accountTypeOf(placement);
    ids.forEach((id, i) => {
      const path = `target.segmentIds.${i}`;
      const segment = found.find((s) => s.id === id);
      if (!segment || (ownerId !== PLATFORM && segment.ownerId !== ownerId)) {
        refuse(path, 'No such segment of yours', Code.NOT_FOUND);
      } else if (segment.accountType !== type) {
        refuse(path, `This placement shows to ${type.toLowerCase()} accounts`, Code.NOT_APPLICABLE);
      } else if (ids.indexOf(id) !== i) {
        refuse(path, 'The segment is targeted already', Code.UNIQUE);
      }
    });
    return ids.filter((id): id is number => id !== null);
  }

  /**
   * What the viewer sees in a placement now: on the storefront a consumer as themselves, on
   * the portal dashboard a company member as their company; anyone else (guests, staff,
   * admins, a company member on the storefront) only the blocks for everyone.
   */
  async placed(ctx: Context, viewer: Viewer | null, args: PlacedContentArgs) {
    return this.visible(ctx, args.placement, this.viewerAccount(viewer, args), args.first, {
      ownerId: null,
      includeDrafts: false,
    });
  }

  private viewerAccount(viewer: Viewer | null, args: PlacedContentArgs): AccountRef | null {
    if (!viewer) return null;
    if (args.placement === ContentPlacement.PORTAL_DASHBOARD) {
      const companyId = parseId(args.companyId);
      const membership = args.companyId
        ? viewer.memberships.find((m) => m.companyId === companyId)
        : viewer.memberships[0];
      return membership ? { type: AccountType.COMPANY, id: membership.companyId } : null;
    }
    const consumer =
      !viewer.user.isPlatformAdmin && viewer.sellerId === null && viewer.memberships.length === 0;
    return consumer ? { type: AccountType.CONSUMER, id: viewer.user.id } : null;
  }

  /**
   * What an account would see in a placement, for an editor: seller staff ask about their
   * shop's customers and see their shop's blocks only; admins ask about anyone and see every
   * block. An account that is not the editor's sees nothing.
   */
  async preview(ctx: Context, viewer: Viewer, args: ContentPreviewArgs) {
    const ownerId = this.audience.ownerOf(viewer) as number;
    const id = parseId(args.account.id);
    if (!id) return [];
    const mine = await this.audience.accountsOf(ctx, ownerId, args.account.type, [id]);
    if (!mine.has(id)) return [];
    const account =
      args.account.type === accountTypeOf(args.placement) ? { type: args.account.type, id } : null;
    return this.visible(ctx, args.placement, account, args.first, {
      ownerId: ownerId === PLATFORM ? null : ownerId,
      includeDrafts: args.includeDrafts,
    });
  }

  /**
   * The blocks of a placement `account` is targeted by now (null: a guest, who matches only
   * blocks for everyone), highest priority first, newest first among equals: at most four
   * statements whatever the number of blocks.
   */
  private async visible(
    ctx: Context,
    placement: ContentPlacement,
    account: AccountRef | null,
    first: number,
    scope: { ownerId: number | null; includeDrafts: boolean },
  ): Promise<ContentBlock[]> {
    const statuses = scope.includeDrafts
      ? [ContentStatus.ACTIVE, ContentStatus.DRAFT]
      : [ContentStatus.ACTIVE];
    const qb = ctx.em
      .createQueryBuilder(ContentBlock, 'b')
      .where('b.placement = :placement', { placement })
      .andWhere('b.status IN (:...statuses)', { statuses })
      .andWhere('(b.startsAt IS NULL OR b.startsAt <= :now)', { now: ctx.now() })
      .andWhere('(b.endsAt IS NULL OR b.endsAt > :now)');
    if (scope.ownerId !== null) qb.andWhere('b.ownerId = :owner', { owner: scope.ownerId });
    if (account === null) qb.andWhere('b.everyone = :everyone', { everyone: true });
    const candidates = await qb
      .orderBy('b.priority', 'DESC')
      .addOrderBy('b.id', 'DESC')
      .limit(MAX_CANDIDATES)
      .getMany();
    if (account === null) return candidates.slice(0, first);

    const segmentIds = [...new Set(candidates.flatMap((b) => b.segmentIds))];
    const tagged = candidates.some((b) => b.tags.length > 0);
    const [segments, tags] = await Promise.all([
      segmentIds.length > 0 ? ctx.em.findBy(Segment, { id: In(segmentIds) }) : [],
      tagged
        ? ctx.em.findBy(AccountTag, {
            accountType: account.type,
            accountId: account.id,
            ownerId: In([...new Set(candidates.map((b) => b.ownerId))]),
          })
        : [],
    ]);
    const inside = await this.audience.isMember(ctx, account, segments);
    const carried = new Set(tags.map((t) => `${t.ownerId}:${t.tag}`));
    return candidates
      .filter(
        (b) =>
          b.everyone ||
          b.segmentIds.some((id) => inside.has(id)) ||
          b.tags.some((tag) => carried.has(`${b.ownerId}:${tag}`)),
      )
      .slice(0, first);
  }
}
