import type { Context, Viewer } from '../../api/context.js';
import { badInputs } from '../../api/errors.js';
import { InputProblemCode as Code, type ProblemParams } from '../../api/input-problems.js';
import { keysetPage } from '../../api/pagination.js';
import type { Config } from '../../config/config.js';
import { AccountType, PLATFORM } from '../audience/audience.entity.js';
import type { AudienceService } from '../audience/audience.service.js';
import type { AccountConnection } from '../audience/audience.types.js';
import { SegmentRuleKind } from '../audience/segment-rule.js';
import { countedOrderStatuses, SegmentSql } from '../audience/segment-sql.js';
import { Contract, ContractStatus } from '../contracts/contract.entity.js';
import { ContractConnection } from '../contracts/contract.types.js';
import { Order } from '../ordering/order.entity.js';
import { DealKind, QuoteRequest, QuoteSide, QuoteVersion } from '../quoting/quote.entity.js';
import { bucketStarts, MAX_RANGE_DAYS } from './funnel-buckets.js';
import {
  FunnelStage,
  type LapsedCustomersArgs,
  type LifecycleFunnel,
  type LifecycleFunnelInput,
  type LifecycleFunnels,
  type RenewalsAtRiskArgs,
} from './insights.types.js';

const DAY_MS = 86_400_000;

/** A funnel statement's row: a bucket's index and its accounts at each stage (`s0`, `s1`...). */
type StageRow = Record<string, number | string | null>;

/**
 * What sellers and the platform learn from their customers' history: the B2C and B2B lifecycle
 * funnels over time and the accounts at risk. Seller staff see their shop's customers and
 * business only; platform admins everyone's. Each answer is a fixed number of statements, the
 * counting done in the database (GROUP BY), with the same definitions as segments
 * (audience/segment-sql.ts).
 */
export class InsightsService {
  constructor(
    private readonly config: Config,
    private readonly audience: AudienceService,
  ) {}

  /** The seller whose business the viewer sees, or null for everyone's (platform admins). */
  private sellerOf(viewer: Viewer): number | null {
    const owner = this.audience.ownerOf(viewer);
    return owner === PLATFORM ? null : owner;
  }

  private sql(ctx: Context): SegmentSql {
    return new SegmentSql(ctx.em, {
      now: ctx.now(),
      currency: this.config.platformCurrency,
      lifecycle: this.config.lifecycle,
    });
  }

  /** Both funnels over a range: two statements. */
  async funnels(
    ctx: Context,
    viewer: Viewer,
    input: LifecycleFunnelInput,
  ): Promise<LifecycleFunnels> {
    this.checkRange(input);
    const sellerId = this.sellerOf(viewer);
    const starts = bucketStarts(input.from, input.to, input.bucket);
    const [b2c, b2b] = await Promise.all([
      this.consumerFunnel(ctx, sellerId, input, starts),
      this.businessFunnel(ctx, sellerId, input, starts),
    ]);
    return { from: input.from, to: input.to, bucket: input.bucket, b2c, b2b };
  }

  private checkRange({ from, to }: LifecycleFunnelInput): void {
    const problems: { path: string; message: string; code: Code; params?: ProblemParams }[] = [];
    if (from.getTime() >= to.getTime()) {
      problems.push({
        path: 'input.from',
        message: 'The range starts before it ends',
        code: Code.BEFORE,
        params: { field: 'to' },
      });
    } else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      problems.push({
        path: 'input.to',
        message: `A range spans ${MAX_RANGE_DAYS} days at most`,
        code: Code.SPAN,
        params: { max: MAX_RANGE_DAYS, field: 'from' },
      });
    }
    if (problems.length) throw badInputs(problems);
  }

  /**
   * Consumers entering the audience within the range (platform: registered; a seller: first
   * ordered from it, in any state), per bucket, with how many have a counted order and how
   * many two or more.
   */
  private consumerFunnel(
    ctx: Context,
    sellerId: number | null,
    range: LifecycleFunnelInput,
    starts: Date[],
  ): Promise<LifecycleFunnel> {
    const sql = this.sql(ctx);
    const orders = sql.table(Order);
    const bySeller = (alias: string) =>
      sellerId === null ? '' : ` AND ${alias}.sellerId = ${sql.param(sellerId)}`;
    const consumer = sql.universe({ accountType: AccountType.CONSUMER, sellerId: null });
    const entered =
      sellerId === null
        ? { join: '', at: 'a.createdAt' }
        : {
            join:
              ` INNER JOIN (SELECT f.userId AS k, MIN(f.createdAt) AS at FROM ${orders} f` +
              ` WHERE f.sellerId = ${sql.param(sellerId)} GROUP BY f.userId) e ON e.k = a.id`,
            at: 'e.at',
          };
    const cohort =
      `SELECT a.id AS k, ${this.bucketOf(sql, entered.at, starts)} AS bucket` +
      ` FROM ${sql.accounts(AccountType.CONSUMER)} a${entered.join}` +
      ` WHERE ${consumer} AND ${this.within(sql, entered.at, range)}`;
    const bought =
      `SELECT o.userId AS k, COUNT(*) AS n FROM ${orders} o` +
      ` WHERE o.status IN ${sql.param(countedOrderStatuses)}${bySeller('o')} GROUP BY o.userId`;
    return this.funnel(
      sql,
      `SELECT x.bucket AS bucket, COUNT(*) AS s0,` +
        ` SUM(CASE WHEN p.n >= 1 THEN 1 ELSE 0 END) AS s1,` +
        ` SUM(CASE WHEN p.n >= 2 THEN 1 ELSE 0 END) AS s2` +
        ` FROM (${cohort}) x LEFT JOIN (${bought}) p ON p.k = x.k GROUP BY x.bucket`,
      [FunnelStage.REGISTERED, FunnelStage.FIRST_ORDER, FunnelStage.REPEAT],
      starts,
    );
  }

  /**
   * Companies whose first request for quotation (to the seller, or any) falls within the range,
   * per bucket, with how many got an offer, signed a contract, and signed a further one with
   * the same seller.
   */
  private businessFunnel(
    ctx: Context,
    sellerId: number | null,
    range: LifecycleFunnelInput,
    starts: Date[],
  ): Promise<LifecycleFunnel> {
    const sql = this.sql(ctx);
    const bySeller = (alias: string) =>
      sellerId === null ? '' : ` AND ${alias}.sellerId = ${sql.param(sellerId)}`;
    const first =
      `SELECT r.companyId AS k, MIN(r.submittedAt) AS at FROM ${sql.table(QuoteRequest)} r` +
      ` WHERE r.submittedAt IS NOT NULL${bySeller('r')} GROUP BY r.companyId`;
    const cohort =
      `SELECT e.k AS k, ${this.bucketOf(sql, 'e.at', starts)} AS bucket FROM (${first}) e` +
      ` WHERE ${this.within(sql, 'e.at', range)}`;
    const offered =
      `SELECT DISTINCT q.companyId AS k FROM ${sql.table(QuoteRequest)} q` +
      ` INNER JOIN ${sql.table(QuoteVersion)} v ON v.quoteId = q.id` +
      ` WHERE v.side = ${sql.param(QuoteSide.SELLER)}${bySeller('q')}`;
    // Signed by both sides, whatever became of it since; counted per seller, so that a further
    // contract is a renewal only with the same seller.
    const signed =
      `SELECT t.k AS k, MAX(t.n) AS n FROM (SELECT c.companyId AS k, COUNT(*) AS n` +
      ` FROM ${sql.table(Contract)} c` +
      ` WHERE c.buyerSignedAt IS NOT NULL AND c.sellerSignedAt IS NOT NULL${bySeller('c')}` +
      ` GROUP BY c.companyId, c.sellerId) t GROUP BY t.k`;
    return this.funnel(
      sql,
      `SELECT x.bucket AS bucket, COUNT(*) AS s0,` +
        ` SUM(CASE WHEN q.k IS NULL THEN 0 ELSE 1 END) AS s1,` +
        ` SUM(CASE WHEN c.n >= 1 THEN 1 ELSE 0 END) AS s2,` +
        ` SUM(CASE WHEN c.n >= 2 THEN 1 ELSE 0 END) AS s3` +
        ` FROM (${cohort}) x LEFT JOIN (${offered}) q ON q.k = x.k` +
        ` LEFT JOIN (${signed}) c ON c.k = x.k GROUP BY x.bucket`,
      [FunnelStage.RFQ, FunnelStage.QUOTED, FunnelStage.CONTRACT, FunnelStage.RENEWAL],
      starts,
    );
  }

  /** `column` within [from, to). */
  private within(sql: SegmentSql, column: string, { from, to }: LifecycleFunnelInput): string {
    return `${column} >= ${sql.param(from)} AND ${column} < ${sql.param(to)}`;
  }

  /**
   * The index of the bucket holding `column`, for a value within the range: a CASE over the
   * bucket ends, computed here, so that both databases bucket alike without date functions.
   */
  private bucketOf(sql: SegmentSql, column: string, starts: Date[]): string {
    const whens = starts
      .slice(1)
      .map((end, i) => ` WHEN ${column} < ${sql.param(end)} THEN ${i}`)
      .join('');
    return whens ? `CASE${whens} ELSE ${starts.length - 1} END` : '0';
  }

  /** Runs a funnel statement and shapes its rows: every bucket, totals, conversions. */
  private async funnel(
    sql: SegmentSql,
    statement: string,
    stages: FunnelStage[],
    starts: Date[],
  ): Promise<LifecycleFunnel> {
    const rows = await sql.run<StageRow>(statement);
    const counts = starts.map(() => stages.map(() => 0));
    for (const row of rows) {
      const bucket = counts[Number(row.bucket)];
      if (bucket) stages.forEach((_, i) => (bucket[i] = Number(row[`s${i}`] ?? 0)));
    }
    const totals = stages.map((_, i) => counts.reduce((sum, c) => sum + (c[i] ?? 0), 0));
    return {
      stages: this.stageCounts(stages, totals),
      periods: starts.map((start, b) => ({
        start,
        stages: this.stageCounts(stages, counts[b] ?? []),
      })),
    };
  }

  private stageCounts(stages: FunnelStage[], accounts: number[]) {
    return stages.map((stage, i) => {
      const previous = i === 0 ? 0 : (accounts[i - 1] ?? 0);
      const count = accounts[i] ?? 0;
      return { stage, accounts: count, conversion: previous > 0 ? count / previous : null };
    });
  }

  /**
   * Framework agreements in force (yours; admins: all) that end within `days` and are not
   * renewed: the company has no later framework agreement with the same seller, signed or
   * awaiting signatures. Soonest end first.
   */
  async renewalsAtRisk(
    ctx: Context,
    viewer: Viewer,
    args: RenewalsAtRiskArgs,
  ): Promise<ContractConnection> {
    const sellerId = this.sellerOf(viewer);
    const now = ctx.now();
    const day = (at: Date) => at.toISOString().slice(0, 10);
    const qb = ctx.em
      .createQueryBuilder(Contract, 'c')
      .where('c.kind = :framework AND c.status = :active', {
        framework: DealKind.FRAMEWORK,
        active: ContractStatus.ACTIVE,
      })
      .andWhere('c.endsOn >= :today AND c.endsOn <= :horizon', {
        today: day(now),
        horizon: day(new Date(now.getTime() + args.days * DAY_MS)),
      })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM contract r WHERE r.companyId = c.companyId' +
          ' AND r.sellerId = c.sellerId AND r.kind = :framework AND r.id > c.id' +
          ' AND r.status IN (:...renewing))',
        { renewing: [ContractStatus.PENDING_SIGNATURE, ContractStatus.ACTIVE] },
      );
    if (sellerId !== null) qb.andWhere('c.sellerId = :sellerId', { sellerId });
    const page = await keysetPage(qb, 'c', { sql: 'c.endsOn', direction: 'ASC' }, args);
    return Object.assign(new ContractConnection(), page);
  }

  /**
   * Your customers (admins: everyone's) who bought before but nothing in the last `days`: the
   * segments' LAPSED rule, consumers by their counted orders, companies by their call-off orders
   * and one-off contracts. By id.
   */
  lapsedCustomers(
    ctx: Context,
    viewer: Viewer,
    args: LapsedCustomersArgs,
  ): Promise<AccountConnection> {
    return this.audience.members(
      ctx,
      { accountType: args.accountType, sellerId: this.sellerOf(viewer) },
      { kind: SegmentRuleKind.LAPSED, days: args.days },
      args,
    );
  }
}
