import { In } from 'typeorm';
import type { Config } from '../../config/config.js';
import type { Context, Viewer } from '../../api/context.js';
import { AlreadyExistsError, badInput, badInputs, NotFoundError } from '../../api/errors.js';
import { InputProblemCode as Code } from '../../api/input-problems.js';
import { Money } from '../../api/money.type.js';
import { keysetPage, type PageArgs } from '../../api/pagination.js';
import { RetryTransaction } from '../../api/transaction.js';
import { parseId } from '../../common/batch.js';
import { containsAny } from '../../db/contains.js';
import { isUniqueViolation } from '../../db/errors.js';
import { forUpdate } from '../../db/locks.js';
import type { AuditService } from '../audit/audit.service.js';
import { Company } from '../identity/company.entity.js';
import { User } from '../identity/user.entity.js';
import {
  AccountTag,
  AccountType,
  CompanyLifecycleStage,
  PLATFORM,
  Segment,
} from './audience.entity.js';
import {
  AccountConnection,
  type AccountsArgs,
  CompanyLifecycle,
  SegmentConnection,
  type AccountInput,
  type AccountTagInput,
  type CreateSegmentInput,
  type SegmentRuleInput,
  type SegmentsArgs,
  type SetCompanyLifecycleStageInput,
  type UpdateSegmentInput,
} from './audience.types.js';
import {
  LIFECYCLE_WINDOW_DAYS,
  normaliseRule,
  normaliseTag,
  proposeStage,
  TAG_RULE,
  tagProblem,
  type SegmentRule,
} from './segment-rule.js';
import { SegmentSql, type Audience, type SegmentClock } from './segment-sql.js';

/** An account as the schema names it (a user or a company), with its type. */
export interface AccountRef {
  type: AccountType;
  id: number;
}

/**
 * Tags, company lifecycle stages and segments: what sellers and the platform know of their
 * customers. Seller staff act for their shop, over its customers and its business only; platform
 * admins for the platform, over everyone. Membership is always one SQL statement per question
 * (see `SegmentSql`).
 */
export class AudienceService {
  constructor(
    private readonly config: Config,
    private readonly audit: AuditService,
  ) {}

  /** Whose tags and segments the viewer keeps: PLATFORM for admins, their shop for its staff. */
  ownerOf(viewer: Viewer | null): number | null {
    if (viewer?.user.isPlatformAdmin) return PLATFORM;
    return viewer?.sellerId ?? null;
  }

  /** The accounts and business an owner's segments count. */
  audience(ownerId: number, accountType: AccountType): Audience {
    return { accountType, sellerId: ownerId === PLATFORM ? null : ownerId };
  }

  private clock(ctx: Context): SegmentClock {
    return {
      now: ctx.now(),
      currency: this.config.platformCurrency,
      lifecycle: this.config.lifecycle,
    };
  }

  private sql(ctx: Context, accountIds: readonly number[] | null = null): SegmentSql {
    return new SegmentSql(ctx.em, this.clock(ctx), accountIds);
  }

  /** Which of `ids` are accounts of the owner: its customers (a seller's) or anyone's. */
  async accountsOf(
    ctx: Context,
    ownerId: number,
    type: AccountType,
    ids: readonly number[],
  ): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const sql = this.sql(ctx, ids);
    const rows = await sql.run<{ id: number | string }>(
      `SELECT a.id AS id FROM ${sql.accounts(type)} a` +
        ` WHERE ${sql.narrowed()} AND ${sql.universe(this.audience(ownerId, type))}`,
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** The account if it is one of the owner's (see `accountsOf`); null otherwise, as if missing. */
  private async account(
    ctx: Context,
    ownerId: number,
    input: AccountInput,
  ): Promise<User | Company | null> {
    const id = parseId(input.id);
    if (!id || !(await this.accountsOf(ctx, ownerId, input.type, [id])).has(id)) return null;
    return input.type === AccountType.CONSUMER
      ? ctx.em.findOneBy(User, { id })
      : ctx.em.findOneBy(Company, { id });
  }

  /** Puts a tag on one of the viewer's accounts (again: nothing changes). */
  async tag(ctx: Context, viewer: Viewer, input: AccountTagInput) {
    const ownerId = this.ownerOf(viewer) as number;
    const tag = this.tagOf(input.tag);
    const account = await this.account(ctx, ownerId, input.account);
    if (!account) return new NotFoundError('Account');
    const key = { ownerId, accountType: input.account.type, accountId: account.id, tag };
    if (await ctx.em.existsBy(AccountTag, key)) return account;
    try {
      await ctx.em.insert(AccountTag, { ...key, createdByUserId: viewer.user.id });
    } catch (error) {
      if (isUniqueViolation(error)) throw new RetryTransaction('account tag');
      throw error;
    }
    await this.audit.record(
      ctx,
      viewer,
      this.entityOf(key.accountType),
      account.id,
      'tagged',
      null,
      null,
      {
        tag,
        ownerId,
      },
    );
    return account;
  }

  /** Takes a tag off one of the viewer's accounts (absent: nothing changes). */
  async untag(ctx: Context, viewer: Viewer, input: AccountTagInput) {
    const ownerId = this.ownerOf(viewer) as number;
    const tag = this.tagOf(input.tag);
    const account = await this.account(ctx, ownerId, input.account);
    if (!account) return new NotFoundError('Account');
    const removed = await ctx.em.delete(AccountTag, {
      ownerId,
      accountType: input.account.type,
      accountId: account.id,
      tag,
    });
    if (removed.affected) {
      await this.audit.record(
        ctx,
        viewer,
        this.entityOf(input.account.type),
        account.id,
        'untagged',
        null,
        null,
        {
          tag,
          ownerId,
        },
      );
    }
    return account;
  }

  private tagOf(text: string, path = 'input.tag'): string {
    const tag = normaliseTag(text);
    if (tag === null) throw badInput(TAG_RULE, path, Code.TAG, tagProblem.params);
    return tag;
  }

  private entityOf(type: AccountType): string {
    return type === AccountType.CONSUMER ? 'user' : 'company';
  }

  /** The owner's tags on accounts of a type, per account id, in tag order. */
  async tagsOf(
    ctx: Context,
    ownerId: number,
    type: AccountType,
    accountIds: readonly number[],
  ): Promise<AccountTag[]> {
    return ctx.em.find(AccountTag, {
      where: { ownerId, accountType: type, accountId: In([...accountIds]) },
      order: { tag: 'ASC' },
    });
  }

  /** The viewer's tags on accounts of a type, each with the number of accounts carrying it. */
  async tagsInUse(ctx: Context, viewer: Viewer, type: AccountType) {
    const rows = (await ctx.em
      .createQueryBuilder(AccountTag, 't')
      .select('t.tag', 'tag')
      .addSelect('COUNT(*)', 'accounts')
      .where('t.ownerId = :owner AND t.accountType = :type', {
        owner: this.ownerOf(viewer),
        type,
      })
      .groupBy('t.tag')
      .orderBy('t.tag', 'ASC')
      .getRawMany()) as { tag: string; accounts: number | string }[];
    return rows.map((r) => ({ tag: r.tag, accounts: Number(r.accounts) }));
  }

  /**
   * Sets (or, with a null stage, drops) the stage of one of the shop's customer companies, with
   * who set it and when.
   */
  async setStage(ctx: Context, viewer: Viewer, input: SetCompanyLifecycleStageInput) {
    const sellerId = viewer.sellerId as number;
    const companyId = parseId(input.companyId);
    if (
      !companyId ||
      !(await this.accountsOf(ctx, sellerId, AccountType.COMPANY, [companyId])).has(companyId)
    ) {
      return new NotFoundError('Company');
    }
    const stage = input.stage ?? null;
    const before = await ctx.em.findOne(CompanyLifecycleStage, {
      where: { sellerId, companyId },
      ...forUpdate(ctx.em),
    });
    if (stage === null) {
      if (before) await ctx.em.delete(CompanyLifecycleStage, { id: before.id });
    } else if (before) {
      await ctx.em.update(
        CompanyLifecycleStage,
        { id: before.id },
        { stage, setByUserId: viewer.user.id, setAt: ctx.now() },
      );
    } else {
      try {
        await ctx.em.insert(CompanyLifecycleStage, {
          sellerId,
          companyId,
          stage,
          setByUserId: viewer.user.id,
          setAt: ctx.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new RetryTransaction('lifecycle stage');
        throw error;
      }
    }
    await this.audit.record(
      ctx,
      viewer,
      'company',
      companyId,
      'lifecycle stage set',
      before?.stage ?? null,
      stage,
      { sellerId },
    );
    return (await this.lifecycles(ctx, sellerId, [companyId]))[0] as CompanyLifecycle;
  }

  /**
   * Where each company stands with the seller (null for companies that are not its customers):
   * the stage it set, the spend of the last 365 days and the stage proposed from it.
   */
  async lifecycles(
    ctx: Context,
    sellerId: number,
    companyIds: readonly number[],
  ): Promise<(CompanyLifecycle | null)[]> {
    const audience = this.audience(sellerId, AccountType.COMPANY);
    const since = new Date(ctx.now().getTime() - LIFECYCLE_WINDOW_DAYS * 86_400_000);
    const spendSql = this.sql(ctx, companyIds);
    const [customers, spends, stages] = await Promise.all([
      this.accountsOf(ctx, sellerId, AccountType.COMPANY, companyIds),
      spendSql.run<{ accountId: number | string; spend: number | string }>(
        spendSql.spend(audience, since),
      ),
      ctx.em.findBy(CompanyLifecycleStage, { sellerId, companyId: In([...companyIds]) }),
    ]);
    return companyIds.map((companyId) => {
      if (!customers.has(companyId)) return null;
      const spend = Number(spends.find((s) => Number(s.accountId) === companyId)?.spend ?? 0);
      const set = stages.find((s) => s.companyId === companyId);
      return Object.assign(new CompanyLifecycle(), {
        companyId,
        stage: set?.stage ?? null,
        proposedStage: proposeStage(spend, this.config.lifecycle),
        spend: Money.of(spend, this.config.platformCurrency),
        setAt: set?.setAt ?? null,
        setByUserId: set?.setByUserId ?? null,
      });
    });
  }

  /** A segment the viewer may see and change (admins: any; seller staff: their shop's). */
  async segment(ctx: Context, viewer: Viewer, id: string, lock = false): Promise<Segment | null> {
    const segmentId = parseId(id);
    if (!segmentId) return null;
    const segment = await ctx.em.findOne(Segment, {
      where: { id: segmentId },
      ...(lock ? forUpdate(ctx.em) : {}),
    });
    return segment && this.sees(viewer, segment) ? segment : null;
  }

  private sees(viewer: Viewer, segment: Segment): boolean {
    return viewer.user.isPlatformAdmin || segment.ownerId === viewer.sellerId;
  }

  /** The segments the viewer sees, newest first, a page at a time. */
  async segments(ctx: Context, viewer: Viewer, args: SegmentsArgs): Promise<SegmentConnection> {
    const qb = ctx.em.createQueryBuilder(Segment, 's');
    if (!viewer.user.isPlatformAdmin) qb.where('s.ownerId = :owner', { owner: viewer.sellerId });
    if (args.accountType) qb.andWhere('s.accountType = :type', { type: args.accountType });
    const page = await keysetPage(qb, 's', { sql: null, direction: 'DESC' }, args);
    return Object.assign(new SegmentConnection(), page);
  }

  /** A rule as written, checked for segments of `type` (BAD_USER_INPUT naming each problem). */
  private rule(input: SegmentRuleInput, type: AccountType, path: string): SegmentRule {
    const checked = normaliseRule(input, type, path);
    if ('problems' in checked) throw badInputs(checked.problems);
    return checked.rule;
  }

  private name(text: string, path: string): string {
    const name = text.trim();
    if (!name) throw badInput('Give the segment a name', path, Code.REQUIRED);
    return name;
  }

  async create(ctx: Context, viewer: Viewer, input: CreateSegmentInput) {
    const ownerId = this.ownerOf(viewer) as number;
    const name = this.name(input.name, 'input.name');
    const rule = this.rule(input.rule, input.accountType, 'input.rule');
    if (await ctx.em.existsBy(Segment, { ownerId, name })) return this.nameTaken();
    const segment = ctx.em.create(Segment, {
      ownerId,
      name,
      accountType: input.accountType,
      rule,
      createdByUserId: viewer.user.id,
      updatedByUserId: viewer.user.id,
    });
    try {
      await ctx.em.insert(Segment, segment);
    } catch (error) {
      if (isUniqueViolation(error)) throw new RetryTransaction('segment name');
      throw error;
    }
    await this.audit.record(ctx, viewer, 'segment', segment.id, 'created', null, null, {
      name,
      rule,
    });
    return ctx.em.findOneByOrFail(Segment, { id: segment.id });
  }

  async update(ctx: Context, viewer: Viewer, input: UpdateSegmentInput) {
    const segment = await this.segment(ctx, viewer, input.id, true);
    if (!segment) return new NotFoundError('Segment');
    const name = input.name ? this.name(input.name, 'input.name') : segment.name;
    const rule = input.rule
      ? this.rule(input.rule, segment.accountType, 'input.rule')
      : segment.rule;
    if (name !== segment.name) {
      const other = await ctx.em.findOneBy(Segment, { ownerId: segment.ownerId, name });
      if (other && other.id !== segment.id) return this.nameTaken();
    }
    try {
      await ctx.em.update(
        Segment,
        { id: segment.id },
        { name, rule, updatedByUserId: viewer.user.id },
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new RetryTransaction('segment name');
      throw error;
    }
    await this.audit.record(ctx, viewer, 'segment', segment.id, 'updated', null, null, {
      name,
      rule,
    });
    return ctx.em.findOneByOrFail(Segment, { id: segment.id });
  }

  private nameTaken() {
    return new AlreadyExistsError('name', 'A segment with this name exists');
  }

  /** Deletes a segment the viewer sees; false when there is none (as for another shop's). */
  async delete(ctx: Context, viewer: Viewer, id: string): Promise<boolean> {
    const segment = await this.segment(ctx, viewer, id, true);
    if (!segment) return false;
    await ctx.em.delete(Segment, { id: segment.id });
    await this.audit.record(ctx, viewer, 'segment', segment.id, 'deleted', null, null, {
      name: segment.name,
    });
    return true;
  }

  /**
   * A page of the viewer's accounts of a type (their shop's customers, or everyone for admins)
   * by name, narrowed by words and by one of the viewer's tags: where staff find whom to tag or
   * whose view to preview.
   */
  async accounts(ctx: Context, viewer: Viewer, args: AccountsArgs): Promise<AccountConnection> {
    const ownerId = this.ownerOf(viewer) as number;
    const sql = this.sql(ctx);
    const consumers = args.accountType === AccountType.CONSUMER;
    const qb = ctx.em
      .createQueryBuilder<User | Company>(consumers ? User : Company, 'a')
      .where(sql.universe(this.audience(ownerId, args.accountType)), sql.params);
    const words = args.filter?.search?.trim();
    if (words) {
      const match = containsAny(['a.name', consumers ? 'a.email' : 'a.registrationNumber'], words);
      qb.andWhere(match.sql, match.params);
    }
    if (args.filter?.tag != null) {
      qb.andWhere(
        `a.id IN (SELECT t.accountId FROM ${sql.table(AccountTag)} t` +
          ' WHERE t.ownerId = :tagOwner AND t.accountType = :tagType AND t.tag = :tag)',
        {
          tagOwner: ownerId,
          tagType: args.accountType,
          tag: this.tagOf(args.filter.tag, 'filter.tag'),
        },
      );
    }
    const found = await keysetPage(qb, 'a', { sql: 'a.name', direction: 'ASC' }, args);
    return Object.assign(new AccountConnection(), found);
  }

  /** The number of members of each segment, in one statement. */
  async memberCounts(ctx: Context, segments: readonly Segment[]): Promise<number[]> {
    if (segments.length === 0) return [];
    const sql = this.sql(ctx);
    const counts = segments.map(
      (s, i) =>
        `(SELECT COUNT(*) FROM ${sql.accounts(s.accountType)} a` +
        ` WHERE ${sql.members(this.audience(s.ownerId, s.accountType), s.rule)}) AS n${i}`,
    );
    const [row] = await sql.run<Record<string, number | string>>(`SELECT ${counts.join(', ')}`);
    return segments.map((_, i) => Number(row?.[`n${i}`] ?? 0));
  }

  /** A page of the accounts a rule selects in an audience, by id (and their count if asked). */
  async members(
    ctx: Context,
    audience: Audience,
    rule: SegmentRule,
    page: PageArgs,
  ): Promise<AccountConnection> {
    const sql = this.sql(ctx);
    const entity = audience.accountType === AccountType.CONSUMER ? User : Company;
    const qb = ctx.em
      .createQueryBuilder<User | Company>(entity, 'a')
      .where(sql.members(audience, rule), sql.params);
    const found = await keysetPage(qb, 'a', { sql: null, direction: 'ASC' }, page);
    return Object.assign(new AccountConnection(), found);
  }

  /** A rule's member count and first members in the viewer's audience, without saving it. */
  async preview(
    ctx: Context,
    viewer: Viewer,
    accountType: AccountType,
    input: SegmentRuleInput,
    first: number,
  ) {
    const rule = this.rule(input, accountType, 'rule');
    const audience = this.audience(this.ownerOf(viewer) as number, accountType);
    const sql = this.sql(ctx);
    // One statement: the window count sees every member before LIMIT keeps the first few, so
    // the rule's subqueries run once (a count and a page apart would run them twice).
    const { entities, raw } = await ctx.em
      .createQueryBuilder<User | Company>(
        accountType === AccountType.CONSUMER ? User : Company,
        'a',
      )
      .addSelect('COUNT(*) OVER ()', 'member_count')
      .where(sql.members(audience, rule), sql.params)
      .orderBy('a.id', 'ASC')
      .limit(first)
      .getRawAndEntities<{ member_count: number | string }>();
    return { memberCount: Number(raw[0]?.member_count ?? 0), members: entities };
  }

  /**
   * Which of `segments` the account is in, in one statement however many they are (segments
   * selecting the other type of account never hold it). For content targeting: `segmentIds`
   * of the segments a block targets.
   */
  async isMember(
    ctx: Context,
    account: AccountRef,
    segments: readonly Segment[],
  ): Promise<Set<number>> {
    const relevant = segments.filter((s) => s.accountType === account.type);
    if (relevant.length === 0) return new Set();
    const sql = this.sql(ctx, [account.id]);
    const table = sql.accounts(account.type);
    const rows = await sql.run<{ segmentId: number | string }>(
      relevant
        .map(
          (s) =>
            `SELECT ${s.id} AS segmentId FROM ${table} a WHERE ${sql.narrowed()}` +
            ` AND ${sql.members(this.audience(s.ownerId, s.accountType), s.rule)}`,
        )
        .join(' UNION ALL '),
    );
    return new Set(rows.map((r) => Number(r.segmentId)));
  }

  /** The viewer's segments one of their accounts is in (none for an account not theirs). */
  async accountSegments(ctx: Context, viewer: Viewer, input: AccountInput): Promise<Segment[]> {
    const id = parseId(input.id);
    const ownerId = this.ownerOf(viewer) as number;
    if (!id || !(await this.accountsOf(ctx, ownerId, input.type, [id])).has(id)) return [];
    const segments = await ctx.em.find(Segment, {
      where: viewer.user.isPlatformAdmin
        ? { accountType: input.type }
        : { accountType: input.type, ownerId },
      order: { id: 'DESC' },
    });
    const inside = await this.isMember(ctx, { type: input.type, id }, segments);
    return segments.filter((s) => inside.has(s.id));
  }
}
