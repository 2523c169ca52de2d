import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { CallOff, CallOffStatus } from '../contracts/call-off.entity.js';
import { Contract, ContractStatus } from '../contracts/contract.entity.js';
import { CompanyMember } from '../identity/company-member.entity.js';
import { Company } from '../identity/company.entity.js';
import { SellerStaff } from '../identity/seller-staff.entity.js';
import { User } from '../identity/user.entity.js';
import { Order } from '../ordering/order.entity.js';
import { OrderStatus } from '../ordering/order-status.js';
import { DealKind, QuoteRequest, QuoteStatus, QuoteVersion } from '../quoting/quote.entity.js';
import {
  AccountTag,
  AccountType,
  CompanyLifecycleStage,
  LifecycleStage,
  PLATFORM,
} from './audience.entity.js';
import { LIFECYCLE_WINDOW_DAYS, SegmentRuleKind, type SegmentRule } from './segment-rule.js';

/** Whom a segment selects, and whose business counts: a seller's, or (null) everyone's. */
export interface Audience {
  accountType: AccountType;
  sellerId: number | null;
}

/** What evaluating a rule reads besides the data: the request's clock and the platform's money. */
export interface SegmentClock {
  now: Date;
  currency: string;
  lifecycle: { growthSpend: number; matureSpend: number };
}

/** A consumer's order counts unless it was called off before delivery or refused at the door. */
export const countedOrderStatuses = [
  OrderStatus.PLACED,
  OrderStatus.CONFIRMED,
  OrderStatus.SHIPPED,
  OrderStatus.DELIVERED,
];
const countedCallOffStatuses = [CallOffStatus.PLACED, CallOffStatus.DELIVERED];
const signedContractStatuses = [ContractStatus.ACTIVE, ContractStatus.COMPLETED];
/** A request under way without an offer on the table (OFFERED counts while its offer is valid). */
const waitingQuoteStatuses = [
  QuoteStatus.SUBMITTED,
  QuoteStatus.COUNTERED,
  QuoteStatus.PENDING_APPROVAL,
];

const DAY_MS = 86_400_000;

/**
 * How many days back a rule on purchases alone reads them (null: all time); undefined for the
 * other rules. Such rules of one group share one read (`SegmentSql.purchasesSatisfy`).
 */
function purchaseWindow(rule: SegmentRule): number | null | undefined {
  switch (rule.kind) {
    case SegmentRuleKind.REPEAT_BUYER:
    case SegmentRuleKind.HIGH_VALUE:
      return rule.days;
    case SegmentRuleKind.FIRST_TIME_BUYER:
    case SegmentRuleKind.LAPSED:
      return null;
    default:
      return undefined;
  }
}

/** A source of purchases as rows: whose (`key`), when (`at`), how much and in which currency. */
interface Purchases {
  from: string;
  where: string[];
  key: string;
  at: string;
  amount: string;
  currency: string;
}

/**
 * Compiles segment rules to SQL conditions on the account alias `a` (a `user` or `company`
 * row), so that membership is answered by one statement whatever the number of accounts.
 *
 * Every rule is a set: `a.id IN (SELECT <account> FROM ... [GROUP BY ... HAVING ...])`, an
 * uncorrelated subquery the database evaluates once (MariaDB materialises it, SQLite builds an
 * ephemeral index) instead of once per account; groups are AND / OR of their rules, where the
 * rules on purchases alone share one subquery (one read of the purchases). Asked about
 * a few accounts (`accountIds`), each subquery is narrowed to them and costs index lookups.
 *
 * Parameters are named (`:seg1`, `:...seg2` for lists) and collected in `params`, for a query
 * builder's `where` or for `run`.
 */
export class SegmentSql {
  readonly params: Record<string, unknown> = {};
  private count = 0;
  private readonly only: string | null;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: SegmentClock,
    /** Narrows every subquery to these accounts (a question about a few accounts). */
    accountIds: readonly number[] | null = null,
  ) {
    this.only = accountIds === null ? null : this.param([...accountIds]);
  }

  /** The condition on `a` of the accounts asked about (see the constructor). */
  narrowed(): string {
    const narrowed = this.narrow('a.id');
    if (!narrowed) throw new Error('SegmentSql was not narrowed to accounts');
    return narrowed;
  }

  /** A parameter's placeholder. */
  param(value: unknown): string {
    const name = `seg${++this.count}`;
    this.params[name] = value;
    return Array.isArray(value) ? `(:...${name})` : `:${name}`;
  }

  /** The escaped table name of an entity. */
  table(entity: EntityTarget<ObjectLiteral>): string {
    const { driver } = this.em.connection;
    return driver.escape(this.em.connection.getMetadata(entity).tableName);
  }

  /** The table of the accounts of a type, escaped. */
  accounts(accountType: AccountType): string {
    return this.table(accountType === AccountType.CONSUMER ? User : Company);
  }

  /** The condition on `a` of the audience's accounts that `rule` selects. */
  members(audience: Audience, rule: SegmentRule): string {
    return `(${this.universe(audience)}) AND (${this.rule(audience, rule)})`;
  }

  /** Runs a statement built with this compiler's parameters. */
  async run<T>(sql: string): Promise<T[]> {
    const [query, parameters] = this.em.connection.driver.escapeQueryWithParameters(
      sql,
      this.params,
      {},
    );
    return (await this.em.query(query, parameters)) as T[];
  }

  /**
   * The accounts an audience may hold. Consumers are users with no company role who are neither
   * seller staff nor platform admins; a seller's are those who ordered from it (in any state).
   * A seller's companies are those that sent it a request for quotation (every contract starts
   * as one); the platform's are all companies.
   */
  universe({ accountType, sellerId }: Audience): string {
    if (accountType === AccountType.CONSUMER) {
      const consumer =
        'a.isPlatformAdmin = 0' +
        ` AND NOT EXISTS (SELECT 1 FROM ${this.table(CompanyMember)} m WHERE m.userId = a.id)` +
        ` AND NOT EXISTS (SELECT 1 FROM ${this.table(SellerStaff)} st WHERE st.userId = a.id)`;
      if (sellerId === null) return consumer;
      return (
        `${consumer} AND a.id IN (SELECT o.userId FROM ${this.table(Order)} o` +
        ` WHERE ${this.where(['o.sellerId', sellerId], this.narrow('o.userId'))})`
      );
    }
    if (sellerId === null) return '1 = 1';
    return (
      `a.id IN (SELECT q.companyId FROM ${this.table(QuoteRequest)} q WHERE ` +
      this.where(
        ['q.sellerId', sellerId],
        'q.submittedAt IS NOT NULL',
        this.narrow('q.companyId'),
      ) +
      ')'
    );
  }

  /** The condition on `a` of `rule` alone. */
  rule(audience: Audience, rule: SegmentRule): string {
    const since = (days: number) => new Date(this.clock.now.getTime() - days * DAY_MS);
    switch (rule.kind) {
      case SegmentRuleKind.ALL:
      case SegmentRuleKind.ANY: {
        const join = rule.kind === SegmentRuleKind.ALL ? ' AND ' : ' OR ';
        const bought = rule.rules.filter((r) => purchaseWindow(r) !== undefined);
        if (bought.length < 2) {
          return rule.rules.map((r) => `(${this.rule(audience, r)})`).join(join);
        }
        return [
          `(${this.purchasesSatisfy(audience, bought, join)})`,
          ...rule.rules
            .filter((r) => purchaseWindow(r) === undefined)
            .map((r) => `(${this.rule(audience, r)})`),
        ].join(join);
      }
      case SegmentRuleKind.FIRST_TIME_BUYER:
        return this.buyers(audience, null, () => 'COUNT(*) = 1');
      case SegmentRuleKind.REPEAT_BUYER:
        return this.buyers(
          audience,
          since(rule.days),
          () => `COUNT(*) >= ${this.param(rule.count)}`,
        );
      case SegmentRuleKind.LAPSED:
        return this.buyers(audience, null, (p) => `MAX(${p.at}) < ${this.param(since(rule.days))}`);
      case SegmentRuleKind.HIGH_VALUE:
        return this.spenders(audience, since(rule.days), `> ${this.param(rule.amount)}`);
      case SegmentRuleKind.HAS_TAG:
        return (
          `a.id IN (SELECT t.accountId FROM ${this.table(AccountTag)} t WHERE ` +
          this.where(
            `t.ownerId = ${this.param(audience.sellerId ?? PLATFORM)}`,
            `t.accountType = ${this.param(audience.accountType)}`,
            `t.tag = ${this.param(rule.tag)}`,
            this.narrow('t.accountId'),
          ) +
          ')'
        );
      case SegmentRuleKind.LIFECYCLE_STAGE:
        return this.stage(audience, rule.stage);
      case SegmentRuleKind.CONTRACT_ENDING: {
        const today = this.clock.now.toISOString().slice(0, 10);
        const horizon = new Date(this.clock.now.getTime() + rule.days * DAY_MS)
          .toISOString()
          .slice(0, 10);
        return (
          `a.id IN (SELECT c.companyId FROM ${this.table(Contract)} c WHERE ` +
          this.where(
            ['c.sellerId', audience.sellerId],
            `c.status = ${this.param(ContractStatus.ACTIVE)}`,
            `c.endsOn >= ${this.param(today)} AND c.endsOn <= ${this.param(horizon)}`,
            this.narrow('c.companyId'),
          ) +
          ')'
        );
      }
      case SegmentRuleKind.QUOTE_LOST: {
        const from = this.param(since(rule.days));
        return (
          `a.id IN (SELECT q.companyId FROM ${this.table(QuoteRequest)} q` +
          ` INNER JOIN ${this.table(QuoteVersion)} v ON v.id = q.latestVersionId WHERE ` +
          this.where(
            ['q.sellerId', audience.sellerId],
            this.narrow('q.companyId'),
            `((q.status = ${this.param(QuoteStatus.CANCELLED)} AND q.updatedAt >= ${from})` +
              ` OR (q.status = ${this.param(QuoteStatus.OFFERED)}` +
              ` AND v.validUntil < ${this.param(this.clock.now)} AND v.validUntil >= ${from}))`,
          ) +
          ')'
        );
      }
      case SegmentRuleKind.OPEN_RFQ:
        return (
          `a.id IN (SELECT q.companyId FROM ${this.table(QuoteRequest)} q` +
          ` LEFT JOIN ${this.table(QuoteVersion)} v ON v.id = q.latestVersionId WHERE ` +
          this.where(
            ['q.sellerId', audience.sellerId],
            this.narrow('q.companyId'),
            `(q.status IN ${this.param(waitingQuoteStatuses)}` +
              ` OR (q.status = ${this.param(QuoteStatus.OFFERED)}` +
              ` AND v.validUntil >= ${this.param(this.clock.now)}))`,
          ) +
          ')'
        );
    }
  }

  /**
   * The accounts whose purchases (since `since`, or ever), grouped per account, satisfy
   * `having`: aggregate SQL over the purchase columns.
   */
  private buyers(
    audience: Audience,
    since: Date | null,
    having: (p: Purchases) => string,
    extra: (p: Purchases) => string[] = () => [],
  ): string {
    const p = this.purchases(audience, since);
    const where = [...p.where, ...extra(p)];
    return (
      `a.id IN (SELECT ${p.key} FROM ${p.from}` +
      (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
      ` GROUP BY ${p.key} HAVING ${having(p)})`
    );
  }

  /**
   * The accounts whose purchases satisfy `rules` (rules on purchases alone) joined by `join`, in
   * one grouped read of the purchases instead of one per rule: reading as far back as the
   * longest window (all time if a rule has none), each rule counting only the purchases it
   * would have read alone. An account without such purchases satisfies none of the rules,
   * which all ask for at least one purchase, so the group answers as the rules one by one.
   */
  private purchasesSatisfy(audience: Audience, rules: SegmentRule[], join: string): string {
    const windows = rules.map(purchaseWindow);
    const longest = windows.some((days) => days === null)
      ? null
      : Math.max(...windows.map((days) => days as number));
    const since = (days: number) => new Date(this.clock.now.getTime() - days * DAY_MS);
    return this.buyers(audience, longest === null ? null : since(longest), (p) =>
      rules
        .map((rule) => {
          const sumOf = (value: string, ...conditions: string[]) =>
            `SUM(CASE WHEN ${conditions.join(' AND ')} THEN ${value} ELSE 0 END)`;
          switch (rule.kind) {
            case SegmentRuleKind.FIRST_TIME_BUYER:
              return '(COUNT(*) = 1)';
            case SegmentRuleKind.LAPSED:
              return `(MAX(${p.at}) < ${this.param(since(rule.days))})`;
            case SegmentRuleKind.REPEAT_BUYER:
              return `(${sumOf('1', `${p.at} >= ${this.param(since(rule.days))}`)} >= ${this.param(rule.count)})`;
            case SegmentRuleKind.HIGH_VALUE:
              return `(${sumOf(
                p.amount,
                `${p.at} >= ${this.param(since(rule.days))}`,
                `${p.currency} = ${this.param(this.clock.currency)}`,
              )} > ${this.param(rule.amount)})`;
            default:
              throw new Error(`${rule.kind} is not a rule on purchases alone`);
          }
        })
        .join(join),
    );
  }

  /** The accounts whose spend in the platform currency since `since` is `comparison`. */
  private spenders(audience: Audience, since: Date, ...comparisons: string[]): string {
    return this.buyers(
      audience,
      since,
      (p) => comparisons.map((c) => `SUM(${p.amount}) ${c}`).join(' AND '),
      (p) => [`${p.currency} = ${this.param(this.clock.currency)}`],
    );
  }

  /**
   * A statement answering the spend (`spend`) of each account (`accountId`) of the audience
   * that bought since `since`, in the platform currency.
   */
  spend(audience: Audience, since: Date): string {
    const p = this.purchases(audience, since);
    const where = [...p.where, `${p.currency} = ${this.param(this.clock.currency)}`];
    return (
      `SELECT ${p.key} AS accountId, SUM(${p.amount}) AS spend FROM ${p.from}` +
      ` WHERE ${where.join(' AND ')} GROUP BY ${p.key}`
    );
  }

  /**
   * Companies at `stage`: the one set by the seller (platform: by any seller), else for
   * companies without one, the one proposed from their spend over the last 365 days.
   */
  private stage(audience: Audience, stage: LifecycleStage): string {
    const stages = this.table(CompanyLifecycleStage);
    const seller = ['l.sellerId', audience.sellerId] as const;
    const set =
      `a.id IN (SELECT l.companyId FROM ${stages} l WHERE ` +
      this.where(seller, `l.stage = ${this.param(stage)}`, this.narrow('l.companyId')) +
      ')';
    const unset =
      `a.id NOT IN (SELECT l.companyId FROM ${stages} l WHERE ` +
      this.where(seller, this.narrow('l.companyId')) +
      ')';
    const since = new Date(this.clock.now.getTime() - LIFECYCLE_WINDOW_DAYS * DAY_MS);
    const { growthSpend, matureSpend } = this.clock.lifecycle;
    const proposed = {
      STARTUP: `NOT (${this.spenders(audience, since, `>= ${this.param(growthSpend)}`)})`,
      GROWTH: this.spenders(
        audience,
        since,
        `>= ${this.param(growthSpend)}`,
        `< ${this.param(matureSpend)}`,
      ),
      MATURE: this.spenders(audience, since, `>= ${this.param(matureSpend)}`),
    }[stage];
    return `${set} OR (${unset} AND ${proposed})`;
  }

  /**
   * What an audience bought: a consumer's counted orders; a company's placed call-off orders
   * and signed one-off contracts (bought when the second side signed). Only the seller's when
   * the audience is a seller's; from `since` on when given.
   */
  private purchases({ accountType, sellerId }: Audience, since: Date | null): Purchases {
    if (accountType === AccountType.CONSUMER) {
      return {
        from: `${this.table(Order)} p`,
        where: [
          `p.status IN ${this.param(countedOrderStatuses)}`,
          ...this.conditions(
            ['p.sellerId', sellerId],
            this.narrow('p.userId'),
            since ? `p.createdAt >= ${this.param(since)}` : null,
          ),
        ],
        key: 'p.userId',
        at: 'p.createdAt',
        amount: 'p.totalAmount',
        currency: 'p.currency',
      };
    }
    const signedAt =
      'CASE WHEN c.buyerSignedAt > c.sellerSignedAt THEN c.buyerSignedAt ELSE c.sellerSignedAt END';
    const from = since ? this.param(since) : null;
    const callOffs =
      'SELECT o.companyId AS k, o.createdAt AS at, o.totalAmount AS amount, o.currency AS currency' +
      ` FROM ${this.table(CallOff)} o WHERE ` +
      this.where(
        `o.status IN ${this.param(countedCallOffStatuses)}`,
        ['o.sellerId', sellerId],
        this.narrow('o.companyId'),
        from ? `o.createdAt >= ${from}` : null,
      );
    const contracts =
      `SELECT c.companyId, ${signedAt}, c.totalAmount, c.currency FROM ${this.table(Contract)} c` +
      ' WHERE ' +
      this.where(
        `c.kind = ${this.param(DealKind.ONE_OFF)}`,
        `c.status IN ${this.param(signedContractStatuses)}`,
        ['c.sellerId', sellerId],
        this.narrow('c.companyId'),
        from ? `${signedAt} >= ${from}` : null,
      );
    return {
      from: `(${callOffs} UNION ALL ${contracts}) p`,
      where: [],
      key: 'p.k',
      at: 'p.at',
      amount: 'p.amount',
      currency: 'p.currency',
    };
  }

  /** `column IN (:...accounts)` when narrowed to accounts; null otherwise. */
  private narrow(column: string): string | null {
    return this.only ? `${column} IN ${this.only}` : null;
  }

  /**
   * Conditions: SQL strings, nulls (left out) and `[column, sellerId]` pairs, meaning the
   * column equals the seller when the audience is a seller's (and nothing for the platform).
   */
  private conditions(...parts: (string | null | readonly [string, number | null])[]): string[] {
    return parts.flatMap((part) => {
      if (part === null) return [];
      if (typeof part === 'string') return [part];
      const [column, sellerId] = part;
      return sellerId === null ? [] : [`${column} = ${this.param(sellerId)}`];
    });
  }

  private where(...parts: (string | null | readonly [string, number | null])[]): string {
    const conditions = this.conditions(...parts);
    return conditions.length ? conditions.join(' AND ') : '1 = 1';
  }
}
