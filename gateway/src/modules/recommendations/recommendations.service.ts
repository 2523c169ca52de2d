import type { Context, Viewer } from '../../api/context.js';
import { Money } from '../../api/money.type.js';
import { resolvePrice } from '../pricing/pricing.service.js';
import type { PriceTier } from '../catalog/price-tier.entity.js';
import type { Variant } from '../catalog/variant.entity.js';
import { ContractStatus, type Contract } from '../contracts/contract.entity.js';
import { RecommendationReason, type RecommendationRow } from './recommendations.types.js';

/** Consumer orders that count as bought: every state but cancelled, refused and expired. */
const BOUGHT_ORDER = "co.status NOT IN ('CANCELLED', 'REFUSED', 'EXPIRED')";
/** Call-off orders that count as bought. */
const BOUGHT_CALL_OFF = "c.status IN ('PLACED', 'DELIVERED')";
/** Contracts that count as bought under: signed by both sides. */
const BOUGHT_CONTRACT = `IN ('${ContractStatus.ACTIVE}', '${ContractStatus.COMPLETED}')`;
/** What may be recommended: products on sale with stock. */
const RECOMMENDABLE = "p.status = 'ACTIVE' AND p.inStock = 1";
/** A contract's renewal additions are offered from this many days before its last day. */
export const RENEWAL_WINDOW_DAYS = 90;
/** Most recommendations one list answers. */
export const MAX_RECOMMENDATIONS = 20;

const blank = {
  variantId: null,
  basedOnProductId: null,
  count: null,
  lastOrderedAt: null,
  tierQuantity: null,
  tierUnitPrice: null,
} as const;

const list = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** A DATETIME as a driver returns it: a Date (MariaDB) or an ISO-like UTC string (SQLite). */
function dateOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * Recommendations, each with its reason. Every list is one SQL statement (the cross-sell of many
 * products together is one too, through a window function), reading only what the viewer may
 * see: a consumer's own orders, a company's own call-offs and contracts.
 */
export class RecommendationsService {
  /**
   * CROSS_SELL for each of `productIds`: the products found in the same consumer orders, most
   * orders first, then lowest id; only ACTIVE products in stock. One statement for all of them.
   */
  async oftenBoughtWith(
    ctx: Context,
    productIds: readonly number[],
    first: number,
  ): Promise<RecommendationRow[][]> {
    const rows = (await ctx.em.query(
      'SELECT t.baseId AS baseId, t.productId AS productId, t.together AS together FROM (' +
        ' SELECT o1.productId AS baseId, o2.productId AS productId,' +
        ' COUNT(DISTINCT o1.orderId) AS together,' +
        ' ROW_NUMBER() OVER (PARTITION BY o1.productId' +
        ' ORDER BY COUNT(DISTINCT o1.orderId) DESC, o2.productId) AS n' +
        ' FROM order_line o1' +
        ' JOIN customer_order co ON co.id = o1.orderId' +
        ' JOIN order_line o2 ON o2.orderId = o1.orderId AND o2.productId <> o1.productId' +
        ' JOIN product p ON p.id = o2.productId' +
        ` WHERE o1.productId IN (${list(productIds)}) AND ${BOUGHT_ORDER} AND ${RECOMMENDABLE}` +
        ' GROUP BY o1.productId, o2.productId' +
        ') t WHERE t.n <= ? ORDER BY t.baseId, t.n',
      [...productIds, first],
    )) as { baseId: number | string; productId: number | string; together: number | string }[];
    const byBase = new Map<number, RecommendationRow[]>();
    for (const r of rows) {
      const baseId = Number(r.baseId);
      const found = byBase.get(baseId) ?? [];
      found.push({
        ...blank,
        reason: RecommendationReason.CROSS_SELL,
        productId: Number(r.productId),
        basedOnProductId: baseId,
        count: Number(r.together),
      });
      byBase.set(baseId, found);
    }
    return productIds.map((id) => byBase.get(id) ?? []);
  }

  /**
   * CROSS_SELL for a cart: products found in consumer orders with any of the cart's products,
   * not in the cart, most such orders first, then lowest id. `basedOn` is one of the cart's
   * products bought with it (the lowest id).
   */
  async crossSellForCart(
    ctx: Context,
    cartProductIds: readonly number[],
    first: number,
  ): Promise<RecommendationRow[]> {
    if (cartProductIds.length === 0) return [];
    const rows = (await ctx.em.query(
      'SELECT o2.productId AS productId, COUNT(DISTINCT o1.orderId) AS together,' +
        ' MIN(o1.productId) AS basedOn' +
        ' FROM order_line o1' +
        ' JOIN customer_order co ON co.id = o1.orderId' +
        ' JOIN order_line o2 ON o2.orderId = o1.orderId' +
        ' JOIN product p ON p.id = o2.productId' +
        ` WHERE o1.productId IN (${list(cartProductIds)})` +
        ` AND o2.productId NOT IN (${list(cartProductIds)}) AND ${BOUGHT_ORDER} AND ${RECOMMENDABLE}` +
        ' GROUP BY o2.productId ORDER BY together DESC, o2.productId LIMIT ?',
      [...cartProductIds, ...cartProductIds, first],
    )) as { productId: number | string; together: number | string; basedOn: number | string }[];
    return rows.map((r) => ({
      ...blank,
      reason: RecommendationReason.CROSS_SELL,
      productId: Number(r.productId),
      basedOnProductId: Number(r.basedOn),
      count: Number(r.together),
    }));
  }

  /**
   * UP_SELL of a variant bought `quantity` at a time: the smallest volume tier above the quantity
   * whose unit price beats what the viewer pays now. Tiers are business prices, so only members
   * of a verified company get one (`business`); consumers pay the list price at any quantity.
   */
  upSell(
    variant: Variant,
    tiers: readonly PriceTier[],
    quantity: number,
    business: boolean,
  ): RecommendationRow | null {
    if (!business) return null;
    const now = resolvePrice(variant, tiers, quantity, true).unitPrice;
    const next = tiers
      .filter((t) => t.minQuantity > quantity && t.unitPrice < now)
      .sort((a, b) => a.minQuantity - b.minQuantity)[0];
    if (!next) return null;
    return {
      ...blank,
      reason: RecommendationReason.UP_SELL,
      productId: variant.productId,
      variantId: variant.id,
      basedOnProductId: variant.productId,
      tierQuantity: next.minQuantity,
      tierUnitPrice: Money.of(next.unitPrice, variant.currency),
    };
  }

  /**
   * REORDER for a consumer: the variants they bought in at least two orders (not cancelled,
   * refused or expired), last bought first, then lowest variant id.
   */
  async consumerReorders(ctx: Context, userId: number, first: number) {
    const rows = (await ctx.em.query(
      'SELECT ol.productId AS productId, ol.variantId AS variantId,' +
        ' COUNT(DISTINCT ol.orderId) AS times, MAX(co.createdAt) AS lastAt' +
        ' FROM customer_order co' +
        ' JOIN order_line ol ON ol.orderId = co.id' +
        ' JOIN product p ON p.id = ol.productId' +
        ` WHERE co.userId = ? AND ${BOUGHT_ORDER} AND ${RECOMMENDABLE}` +
        ' GROUP BY ol.productId, ol.variantId HAVING COUNT(DISTINCT ol.orderId) >= 2' +
        ' ORDER BY lastAt DESC, ol.variantId LIMIT ?',
      [userId, first],
    )) as ReorderSql[];
    return rows.map(reorderRow);
  }

  /**
   * REORDER for a company: the contract variants its call-off orders (placed or delivered)
   * drew in at least two orders, last drawn first, then lowest variant id.
   */
  async companyReorders(ctx: Context, companyId: number, first: number) {
    const rows = (await ctx.em.query(
      'SELECT v.productId AS productId, cl.variantId AS variantId,' +
        ' COUNT(DISTINCT c.id) AS times, MAX(c.createdAt) AS lastAt' +
        ' FROM call_off c' +
        ' JOIN call_off_line cl ON cl.callOffId = c.id' +
        ' JOIN variant v ON v.id = cl.variantId' +
        ' JOIN product p ON p.id = v.productId' +
        ` WHERE c.companyId = ? AND ${BOUGHT_CALL_OFF} AND ${RECOMMENDABLE}` +
        ' GROUP BY v.productId, cl.variantId HAVING COUNT(DISTINCT c.id) >= 2' +
        ' ORDER BY lastAt DESC, cl.variantId LIMIT ?',
      [companyId, first],
    )) as ReorderSql[];
    return rows.map(reorderRow);
  }

  /**
   * SIMILAR_COMPANIES_BUY: products in signed contracts (active or completed) of companies that
   * share a tag (the same owner's) or a lifecycle stage (set by the same seller) with
   * `companyId`, in none of its own contracts; most such companies first, then lowest id.
   */
  async similarCompaniesBuy(ctx: Context, companyId: number, first: number) {
    const rows = (await ctx.em.query(
      'SELECT v.productId AS productId, COUNT(DISTINCT k.companyId) AS companies' +
        ' FROM contract k' +
        ' JOIN contract_line l ON l.contractId = k.id' +
        ' JOIN variant v ON v.id = l.variantId' +
        ' JOIN product p ON p.id = v.productId' +
        ` WHERE k.status ${BOUGHT_CONTRACT} AND ${RECOMMENDABLE} AND k.companyId IN (` +
        ' SELECT t2.accountId FROM account_tag t1' +
        ' JOIN account_tag t2 ON t2.ownerId = t1.ownerId AND t2.accountType = t1.accountType' +
        ' AND t2.tag = t1.tag AND t2.accountId <> t1.accountId' +
        " WHERE t1.accountType = 'COMPANY' AND t1.accountId = ?" +
        ' UNION SELECT s2.companyId FROM company_lifecycle_stage s1' +
        ' JOIN company_lifecycle_stage s2 ON s2.sellerId = s1.sellerId AND s2.stage = s1.stage' +
        ' AND s2.companyId <> s1.companyId WHERE s1.companyId = ?)' +
        ' AND v.productId NOT IN (SELECT v2.productId FROM contract k2' +
        ' JOIN contract_line l2 ON l2.contractId = k2.id JOIN variant v2 ON v2.id = l2.variantId' +
        ' WHERE k2.companyId = ?)' +
        ' GROUP BY v.productId ORDER BY companies DESC, v.productId LIMIT ?',
      [companyId, companyId, companyId, first],
    )) as { productId: number | string; companies: number | string }[];
    return rows.map((r) => ({
      ...blank,
      reason: RecommendationReason.SIMILAR_COMPANIES_BUY,
      productId: Number(r.productId),
      count: Number(r.companies),
    }));
  }

  /**
   * RENEWAL_ADDITIONS for an active contract ending within RENEWAL_WINDOW_DAYS: products its
   * company bought from the same seller under its other signed contracts and not in this one;
   * most such contracts first, then lowest id. Nothing for other contracts.
   */
  async renewalAdditions(ctx: Context, contract: Contract, first: number) {
    const until = new Date(ctx.now().getTime() + RENEWAL_WINDOW_DAYS * 86_400_000);
    if (contract.status !== ContractStatus.ACTIVE || !contract.endsOn) return [];
    if (contract.endsOn > until.toISOString().slice(0, 10)) return [];
    const rows = (await ctx.em.query(
      'SELECT v.productId AS productId, COUNT(DISTINCT k.id) AS contracts' +
        ' FROM contract k' +
        ' JOIN contract_line l ON l.contractId = k.id' +
        ' JOIN variant v ON v.id = l.variantId' +
        ' JOIN product p ON p.id = v.productId' +
        ` WHERE k.companyId = ? AND k.sellerId = ? AND k.id <> ? AND k.status ${BOUGHT_CONTRACT}` +
        ` AND ${RECOMMENDABLE}` +
        ' AND v.productId NOT IN (SELECT v2.productId FROM contract_line l2' +
        ' JOIN variant v2 ON v2.id = l2.variantId WHERE l2.contractId = ?)' +
        ' GROUP BY v.productId ORDER BY contracts DESC, v.productId LIMIT ?',
      [contract.companyId, contract.sellerId, contract.id, contract.id, first],
    )) as { productId: number | string; contracts: number | string }[];
    return rows.map((r) => ({
      ...blank,
      reason: RecommendationReason.RENEWAL_ADDITIONS,
      productId: Number(r.productId),
      count: Number(r.contracts),
    }));
  }

  /** Whether the viewer acts for the company (a member of it). */
  actsFor(viewer: Viewer | null, companyId: number): boolean {
    return viewer?.memberships.some((m) => m.companyId === companyId) ?? false;
  }
}

interface ReorderSql {
  productId: number | string;
  variantId: number | string;
  times: number | string;
  lastAt: Date | string;
}

function reorderRow(r: ReorderSql): RecommendationRow {
  return {
    ...blank,
    reason: RecommendationReason.REORDER,
    productId: Number(r.productId),
    variantId: Number(r.variantId),
    count: Number(r.times),
    lastOrderedAt: dateOf(r.lastAt),
  };
}
