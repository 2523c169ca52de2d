import 'reflect-metadata';
import { createPool } from 'mysql2/promise';
import { TokenSigner } from '../modules/identity/token.js';
import { columns, serveJson, serveOverIpc, sessionSql, type Row } from './baseline-kit.js';

/**
 * The hand-written `placedContent` baseline: `node:http` and a mysql2 pool of the gateway's
 * size, running the statements the gateway runs for a signed-in consumer (the session read,
 * the placement's candidate blocks, then their segments and the consumer's tags at once, then
 * one membership statement) and answering the same JSON. A request with `x-bench-trace: 1`
 * also gets its statements in `extensions.statements`. Forked by `segments.ts`.
 *
 * Membership is written here for the rules the benchmark's segments use (consumer rules:
 * ALL, ANY, FIRST_TIME_BUYER, REPEAT_BUYER, LAPSED, HIGH_VALUE, HAS_TAG), as
 * audience/segment-sql.ts compiles them narrowed to one account.
 */
export interface SegmentsBaselineOptions {
  databaseUrl: string;
  poolSize: number;
  authSecret: string;
  currency: string;
}

type Rule =
  | { kind: 'ALL' | 'ANY'; rules: Rule[] }
  | { kind: 'FIRST_TIME_BUYER' }
  | { kind: 'REPEAT_BUYER'; count: number; days: number }
  | { kind: 'LAPSED'; days: number }
  | { kind: 'HIGH_VALUE'; amount: number; days: number }
  | { kind: 'HAS_TAG'; tag: string };

const BLOCK = [
  'id',
  'createdAt',
  'updatedAt',
  'ownerId',
  'kind',
  'placement',
  'title',
  'body',
  'imageUrl',
  'linkUrl',
  'callToAction',
  'productIds',
  'everyone',
  'segmentIds',
  'tags',
  'priority',
  'startsAt',
  'endsAt',
  'status',
  'createdByUserId',
  'updatedByUserId',
];
const SEGMENT = [
  'id',
  'createdAt',
  'updatedAt',
  'ownerId',
  'name',
  'accountType',
  'rule',
  'createdByUserId',
  'updatedByUserId',
];
const TAG = ['id', 'createdAt', 'updatedAt', 'ownerId', 'accountType', 'accountId', 'tag'];

const MAX_CANDIDATES = 200;
const COUNTED = ['PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED'];
const DAY_MS = 86_400_000;
const PLATFORM = 0;

const SQL = {
  candidates:
    `SELECT ${columns('b', 'b', BLOCK)} FROM \`content_block\` \`b\` WHERE \`b\`.\`placement\` = ? ` +
    'AND `b`.`status` IN (?) AND (`b`.`startsAt` IS NULL OR `b`.`startsAt` <= ?) ' +
    'AND (`b`.`endsAt` IS NULL OR `b`.`endsAt` > ?) ORDER BY `b`.`priority` DESC, `b`.`id` DESC ' +
    `LIMIT ${MAX_CANDIDATES}`,
  segments:
    `SELECT ${columns('Segment', 'Segment', SEGMENT)} FROM \`segment\` \`Segment\` ` +
    'WHERE ((`Segment`.`id` IN (?)))',
  tags:
    `SELECT ${columns('AccountTag', 'AccountTag', [...TAG, 'createdByUserId'])} ` +
    'FROM `account_tag` `AccountTag` WHERE ((`AccountTag`.`accountType` = ?) AND ' +
    '(`AccountTag`.`accountId` = ?) AND (`AccountTag`.`ownerId` IN (?)))',
};

/** One segment's membership of one consumer, as a condition on `a` plus its parameters. */
function membership(rule: Rule, ownerId: number, userId: number, now: Date, currency: string) {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return '?';
  };
  const sellerId = ownerId === PLATFORM ? null : ownerId;
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS);
  // Placeholders are numbered as they are written: the parts are functions, called in order.
  const orders = (from: Date | null, having: () => string, extra = () => '') =>
    `a.id IN (SELECT p.userId FROM \`customer_order\` p WHERE p.status IN (${p(COUNTED)})` +
    (sellerId === null ? '' : ` AND p.sellerId = ${p(sellerId)}`) +
    ` AND p.userId IN (${p(userId)})` +
    (from ? ` AND p.createdAt >= ${p(from)}` : '') +
    extra() +
    ` GROUP BY p.userId HAVING ${having()})`;
  const condition = (r: Rule): string => {
    switch (r.kind) {
      case 'ALL':
      case 'ANY':
        return r.rules.map((x) => `(${condition(x)})`).join(r.kind === 'ALL' ? ' AND ' : ' OR ');
      case 'FIRST_TIME_BUYER':
        return orders(null, () => 'COUNT(*) = 1');
      case 'REPEAT_BUYER':
        return orders(since(r.days), () => `COUNT(*) >= ${p(r.count)}`);
      case 'LAPSED':
        return orders(null, () => `MAX(p.createdAt) < ${p(since(r.days))}`);
      case 'HIGH_VALUE':
        return orders(
          since(r.days),
          () => `SUM(p.totalAmount) > ${p(r.amount)}`,
          () => ` AND p.currency = ${p(currency)}`,
        );
      case 'HAS_TAG':
        return (
          `a.id IN (SELECT t.accountId FROM \`account_tag\` t WHERE t.ownerId = ${p(ownerId)}` +
          ` AND t.accountType = ${p('CONSUMER')} AND t.tag = ${p(r.tag)}` +
          ` AND t.accountId IN (${p(userId)}))`
        );
    }
  };
  const universe =
    'a.isPlatformAdmin = 0 AND NOT EXISTS (SELECT 1 FROM `company_member` m WHERE m.userId = a.id)' +
    ' AND NOT EXISTS (SELECT 1 FROM `seller_staff` st WHERE st.userId = a.id)' +
    (sellerId === null
      ? ''
      : ` AND a.id IN (SELECT o.userId FROM \`customer_order\` o WHERE o.sellerId = ${p(sellerId)}` +
        ` AND o.userId IN (${p(userId)}))`);
  const sql = `(${universe}) AND (${condition(rule)})`;
  return { sql, params };
}

function createSegmentsBaseline(options: SegmentsBaselineOptions) {
  const pool = createPool({
    uri: options.databaseUrl,
    connectionLimit: options.poolSize,
    timezone: 'Z',
    charset: 'UTF8MB4_UNICODE_CI',
  });
  const signer = new TokenSigner(options.authSecret);

  async function placed(token: string | null, body: string, trace: string[] | null) {
    const q = async (sql: string, params: unknown[]) => {
      trace?.push(sql);
      const [rows] = await pool.query(sql, params);
      return rows as Row[];
    };
    const { variables } = JSON.parse(body) as {
      variables: { placement: string; first: number };
    };
    const claims = token ? await signer.verify(token) : null;
    if (!claims) throw new Error('the benchmark signs every consumer in');
    const now = new Date();
    const session = await q(sessionSql, [claims.sessionId, claims.userId, now]);
    const viewer = session[0];
    const consumer =
      viewer &&
      viewer.u_isPlatformAdmin === 0 &&
      viewer.st_id === null &&
      session.every((r) => r.m_id === null);
    if (!consumer) throw new Error('the benchmark asks as consumers only');
    const userId = viewer.u_id as number;
    const candidates = await q(SQL.candidates, [variables.placement, ['ACTIVE'], now, now]);
    const segmentIds = [
      ...new Set(candidates.flatMap((b) => JSON.parse(b.b_segmentIds as string) as number[])),
    ];
    const tagged = candidates.some((b) => (JSON.parse(b.b_tags as string) as string[]).length);
    const [segments, tags] = await Promise.all([
      segmentIds.length > 0 ? q(SQL.segments, [segmentIds]) : [],
      tagged
        ? q(SQL.tags, ['CONSUMER', userId, [...new Set(candidates.map((b) => b.b_ownerId))]])
        : [],
    ]);
    const relevant = segments.filter((s) => s.Segment_accountType === 'CONSUMER');
    const inside = new Set<number>();
    if (relevant.length > 0) {
      const parts = relevant.map((s) =>
        membership(
          JSON.parse(s.Segment_rule as string) as Rule,
          s.Segment_ownerId as number,
          userId,
          now,
          options.currency,
        ),
      );
      const rows = await q(
        relevant
          .map(
            (s, i) =>
              `SELECT ${Number(s.Segment_id)} AS segmentId FROM \`user\` a WHERE a.id IN (?)` +
              ` AND ${parts[i]!.sql}`,
          )
          .join(' UNION ALL '),
        parts.flatMap((part) => [[userId], ...part.params]),
      );
      for (const r of rows) inside.add(Number(r.segmentId));
    }
    const carried = new Set(tags.map((t) => `${t.AccountTag_ownerId}:${t.AccountTag_tag}`));
    const shown = candidates
      .filter(
        (b) =>
          b.b_everyone === 1 ||
          (JSON.parse(b.b_segmentIds as string) as number[]).some((id) => inside.has(id)) ||
          (JSON.parse(b.b_tags as string) as string[]).some((tag) =>
            carried.has(`${b.b_ownerId}:${tag}`),
          ),
      )
      .slice(0, variables.first);
    return {
      data: { placedContent: shown.map((b) => ({ id: String(b.b_id), title: b.b_title })) },
      ...(trace ? { extensions: { statements: trace } } : {}),
    };
  }

  return serveJson(
    (body, token, traced) => placed(token, body, traced ? [] : null),
    () => pool.end(),
  );
}

serveOverIpc((options: SegmentsBaselineOptions) => createSegmentsBaseline(options));
