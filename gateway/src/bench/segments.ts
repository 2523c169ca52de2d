import 'reflect-metadata';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { createPool, type Pool } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source.js';
import { load, percentile, summarize, table, type Row } from './catalog.js';
import { benchGateway } from './database.js';
import type { LoadResult } from './load.js';
import { shape, sleep } from './mutation-bench.js';
import {
  cpuSeconds,
  databasePid,
  forkBaseline,
  startGatewayProcess,
  type Child,
} from './processes.js';
import type { SegmentsBaselineOptions } from './segments-baseline.js';
import { prepareSegments, type SegmentsFixture } from './segments-fixture.js';

const usage = `usage: pnpm bench segments [--repeats N] [--duration SECONDS] [--connections N]
                           [--consumers N]

Segments and targeted content on MariaDB (BENCH_SEGMENTS_DATABASE_URL, default
mariadb://root@127.0.0.1:3306/marketgate_bench_segments, created, migrated and seeded with
CONSUMERS consumers and their orders when it holds another fixture). Starts the built gateway
as a child process, creates segments and storefront banners through its API, then:

  (a) membership of a three-rule segment (ALL of REPEAT_BUYER, HIGH_VALUE and HAS_TAG) over
      all the consumers, as a platform admin and as a shop's staff: its count and first page
      through segmentPreview and through a saved segment (memberCount and members), REPEATS
      times each, against the same statements run directly through mysql2 (captured from the
      gateway with LOG_SQL);
  (b) placedContent(placement: STOREFRONT_HOME) for signed-in consumers under load, seven
      active banners targeted at everyone, segments and tags, gateway vs a hand-written
      node:http + mysql2 baseline running the same statements.

  --repeats N          timed requests per membership question and target (default 10)
  --duration SECONDS   measured seconds of (b) per target, in 2 rounds (default 10)
  --connections N      concurrent requests in (b) (default 10)
  --consumers N        consumers of the fixture (default 200000)
`;

const PREVIEW = `query Preview($rule: SegmentRuleInput!, $first: Int!) {
  segmentPreview(accountType: CONSUMER, rule: $rule, first: $first) { memberCount members { id } }
}`;

const SAVED = `query Saved($id: ID!, $first: Int!) {
  segment(id: $id) {
    memberCount
    members(first: $first) { edges { node { id } } pageInfo { hasNextPage endCursor } }
  }
}`;

const PLACED = `query Placed($placement: ContentPlacement!, $first: Int!) {
  placedContent(placement: $placement, first: $first) { id title }
}`;
const placedVariables = { placement: 'STOREFRONT_HOME', first: 3 };

/** The segment of the issue: bought twice in half a year, spent above `amount` in a year, tagged. */
const threeRules = (amount: number) => ({
  kind: 'ALL',
  rules: [
    { kind: 'REPEAT_BUYER', count: 2, days: 180 },
    { kind: 'HIGH_VALUE', amount, days: 365 },
    { kind: 'HAS_TAG', tag: 'newsletter' },
  ],
});

/** Members per page, as the portal's segment screen asks. */
const PAGE = 20;
const ROUNDS = 2;

interface Options {
  repeats: number;
  seconds: number;
  connections: number;
  consumers: number;
}

function parseOptions(): Options | null {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      repeats: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      consumers: { type: 'string', default: '200000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const n = (text: string) => (/^\d+$/.test(text) ? Number(text) : NaN);
  const options = {
    repeats: n(values.repeats),
    seconds: Number(values.duration),
    connections: n(values.connections),
    consumers: n(values.consumers),
  };
  const valid =
    !values.help &&
    positionals[0] === 'segments' &&
    options.repeats >= 1 &&
    options.seconds > 0 &&
    options.connections >= 1 &&
    options.consumers >= 1000;
  return valid ? options : null;
}

interface Answer {
  data?: Record<string, any> | null;
  errors?: unknown[];
  extensions?: { statements?: string[] };
}

async function ask(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  trace = false,
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(trace ? { 'x-bench-trace': '1' } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await res.json()) as Answer;
  if (answer.errors) throw new Error(`the gateway refused: ${JSON.stringify(answer.errors)}`);
  return answer;
}

/** Creates a `typename` through `field`; its id. */
async function create(
  url: string,
  token: string,
  field: string,
  typename: string,
  input: unknown,
): Promise<string> {
  const { data } = await ask(
    url,
    token,
    `mutation ($input: Create${typename}Input!) { ${field}(input: $input) {
      __typename ... on ErrorResult { message } ... on ${typename} { id } } }`,
    { input },
  );
  const result = data?.[field] as { __typename: string; id?: string; message?: string };
  if (!result.id) throw new Error(`${field}: ${result.__typename} ${result.message ?? ''}`);
  return result.id;
}

interface Setup {
  /** The three-rule segments: the platform's and the first shop's. */
  platformSegment: string;
  shopSegment: string;
  platformRule: ReturnType<typeof threeRules>;
  shopRule: ReturnType<typeof threeRules>;
}

/**
 * Segments and the storefront's banners, as the portal creates them: the platform's three-rule
 * segment, lapsed and repeat buyers; the first shop's three-rule segment and first-time buyers;
 * a banner for everyone, one per segment and one for the platform's `vip` tag.
 */
async function createTargeting(url: string, fixture: SegmentsFixture): Promise<Setup> {
  const admin = fixture.adminToken;
  const staff = fixture.staffToken;
  const platformRule = threeRules(30_000);
  const shopRule = threeRules(15_000);
  const segment = (token: string, name: string, rule: unknown) =>
    create(url, token, 'createSegment', 'Segment', {
      name,
      accountType: 'CONSUMER',
      rule,
    });
  const platformSegment = await segment(admin, 'Loyal big spenders', platformRule);
  const lapsed = await segment(admin, 'Lapsed', { kind: 'LAPSED', days: 180 });
  const repeat = await segment(admin, 'Frequent', { kind: 'REPEAT_BUYER', count: 3, days: 90 });
  const shopSegment = await segment(staff, 'Our regulars', shopRule);
  const firstTimers = await segment(staff, 'First order', { kind: 'FIRST_TIME_BUYER' });
  const banner = (token: string, title: string, priority: number, target: unknown) =>
    create(url, token, 'createContentBlock', 'ContentBlock', {
      kind: 'BANNER',
      placement: 'STOREFRONT_HOME',
      status: 'ACTIVE',
      title,
      priority,
      target,
    });
  await banner(admin, 'Welcome', 0, { everyone: true });
  await banner(admin, 'Thank you', 50, { segmentIds: [platformSegment] });
  await banner(admin, 'We miss you', 40, { segmentIds: [lapsed] });
  await banner(admin, 'Bulk deals', 20, { segmentIds: [repeat] });
  await banner(admin, 'VIP preview', 60, { tags: ['vip'] });
  await banner(staff, 'Regulars save 10%', 55, { segmentIds: [shopSegment] });
  await banner(staff, 'Your second order', 30, { segmentIds: [firstTimers] });
  return { platformSegment, shopSegment, platformRule, shopRule };
}

/** A statement as the gateway logged it (LOG_SQL), with its parameters as it sent them. */
interface Logged {
  sql: string;
  params: unknown[];
}

/** The member count's statement (`preview`, `memberCounts` in audience.service.ts). */
const isCount = /^SELECT \(?SELECT COUNT\(\*\)|^SELECT COUNT\(\*\)|COUNT\(\*\) OVER \(\)/;

/** The member count a counting statement answered: its first row's count column. */
function countOf(rows: Record<string, unknown>[]): number {
  const row = rows[0];
  if (!row) return 0;
  return Number('member_count' in row ? row.member_count : Object.values(row)[0]);
}

const isoDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** `sql: <statement> <parameters as JSON>` lines; JSON turned dates into strings: back to dates. */
function parseLogged(lines: string[]): Logged[] {
  return lines
    .filter((l) => l.startsWith('sql: '))
    .map((l) => {
      const cut = l.lastIndexOf(' [');
      const params = JSON.parse(l.slice(cut + 1)) as unknown[];
      return {
        sql: l.slice(5, cut),
        params: params.map((p) => (typeof p === 'string' && isoDate.test(p) ? new Date(p) : p)),
      };
    });
}

interface Question {
  name: string;
  token: string;
  query: string;
  variables: Record<string, unknown>;
  /** The member count in the answer. */
  count(data: Record<string, any>): number;
}

/**
 * The statements the gateway runs for `question`, from a gateway that logs them. The last ones
 * read the orders: the member count and the page, one statement (a preview: the count as a
 * window over the page's rows) or two the gateway runs at once (a saved segment).
 */
async function capture(probe: Child, question: Question): Promise<Logged[]> {
  const before = probe.stderr.length;
  await ask(probe.url, question.token, question.query, question.variables);
  await sleep(200);
  const statements = parseLogged(probe.stderr.slice(before));
  const heavy = statements.slice(-heavyCount(statements));
  if (heavy.length === 0 || !heavy.some((s) => isCount.test(s.sql))) {
    throw new Error(
      `${question.name}: the last statements are not the count and the page:\n` +
        statements.map((s) => s.sql).join('\n'),
    );
  }
  return statements;
}

/** How many statements at the end read the orders (the membership questions). */
function heavyCount(statements: Logged[]): number {
  let n = 0;
  while (
    n < statements.length &&
    statements[statements.length - 1 - n]!.sql.includes('customer_order')
  )
    n++;
  return n;
}

/** The captured statements through mysql2: in order, the membership ones at once (as the gateway). */
async function replay(pool: Pool, statements: Logged[]): Promise<unknown[][]> {
  const heavy = heavyCount(statements);
  const results: unknown[][] = [];
  for (const s of statements.slice(0, -heavy))
    results.push((await pool.query(s.sql, s.params))[0] as unknown[]);
  const last = await Promise.all(
    statements.slice(-heavy).map(async (s) => (await pool.query(s.sql, s.params))[0] as unknown[]),
  );
  return [...results, ...last];
}

interface Timing {
  median: number;
  p95: number;
}

function timing(ms: number[]): Timing {
  const sorted = Float64Array.from(ms).sort();
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** EXPLAIN of a statement, one line per step. */
async function explain(pool: Pool, statement: Logged): Promise<string[]> {
  const [plan] = (await pool.query(`EXPLAIN ${statement.sql}`, statement.params)) as unknown as [
    Record<string, unknown>[],
  ];
  return plan.map(
    (step) =>
      `${String(step.id).padStart(2)} ${String(step.select_type).padEnd(18)} ` +
      `${String(step.table).padEnd(14)} type=${String(step.type).padEnd(6)} ` +
      `key=${String(step.key)} rows=${String(step.rows)} ${String(step.Extra ?? '')}`,
  );
}

/** Runs `pnpm bench segments` with the command line's arguments; returns the exit code. */
export async function benchSegments(): Promise<number> {
  const options = parseOptions();
  if (!options) {
    process.stdout.write(usage);
    return process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2;
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const databaseUrl =
    process.env.BENCH_SEGMENTS_DATABASE_URL ??
    'mariadb://root@127.0.0.1:3306/marketgate_bench_segments';
  const { env: gatewayEnv, config } = await benchGateway(databaseUrl);
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  const pool = createPool({
    uri: config.database.url.replace(/^mariadb:/, 'mysql:'),
    // The count and the page at once.
    connectionLimit: 2,
    timezone: 'Z',
    charset: 'UTF8MB4_UNICODE_CI',
  });
  const children: Child[] = [];
  try {
    const fixture = await prepareSegments(dataSource, config, options.consumers, 2000);
    process.stdout.write(
      `Fixture: ${fixture.consumers} consumers, ${fixture.orders} orders at ` +
        `${fixture.sellerIds.length} shops, ${fixture.consumerTokens.length} consumers signed ` +
        `in (${elapsed()}).\n`,
    );
    const gateway = await startGatewayProcess(gatewayEnv);
    children.push(gateway);
    const probe = await startGatewayProcess({ ...gatewayEnv, LOG_SQL: 'true' });
    children.push(probe);
    const setup = await createTargeting(gateway.url, fixture);

    const questions: Question[] = [
      ['admin', fixture.adminToken, setup.platformRule, setup.platformSegment] as const,
      ['shop staff', fixture.staffToken, setup.shopRule, setup.shopSegment] as const,
    ].flatMap(([who, token, rule, id]) => [
      {
        name: `segmentPreview, ${who}`,
        token,
        query: PREVIEW,
        variables: { rule, first: PAGE },
        count: (data) => data.segmentPreview.memberCount as number,
      },
      {
        name: `saved segment, ${who}`,
        token,
        query: SAVED,
        variables: { id, first: PAGE },
        count: (data) => data.segment.memberCount as number,
      },
    ]);

    process.stdout.write(
      `\n(a) membership of a three-rule segment over ${fixture.consumers} consumers, ` +
        `count and first ${PAGE} members, ${options.repeats} repeats each:\n`,
    );
    const membership: string[][] = [
      ['question', 'members', 'SQL', 'gateway p50', 'p95', 'mysql2 p50', 'p95', 'gw/base'],
    ];
    let countStatement: Logged | null = null;
    for (const question of questions) {
      const statements = await capture(probe, question);
      const count = statements.findIndex((s) => isCount.test(s.sql));
      countStatement ??= statements[count]!;
      const answer = await ask(gateway.url, question.token, question.query, question.variables);
      const members = question.count(answer.data!);
      const replayed = await replay(pool, statements);
      const counted = countOf(replayed[count] as Record<string, unknown>[]);
      if (counted !== members) {
        throw new Error(`${question.name}: the gateway counts ${members}, its SQL ${counted}`);
      }
      const gatewayMs: number[] = [];
      const baselineMs: number[] = [];
      for (let r = 0; r < options.repeats; r++) {
        gatewayMs.push(
          await timed(() => ask(gateway.url, question.token, question.query, question.variables)),
        );
        baselineMs.push(await timed(() => replay(pool, statements)));
      }
      const gw = timing(gatewayMs);
      const base = timing(baselineMs);
      membership.push([
        question.name,
        String(members),
        String(statements.length),
        gw.median.toFixed(1),
        gw.p95.toFixed(1),
        base.median.toFixed(1),
        base.p95.toFixed(1),
        `${(gw.median / base.median).toFixed(2)}x`,
      ]);
      process.stdout.write(
        `  ${question.name}: ${members} members, gateway ${gw.median.toFixed(1)} ms, ` +
          `mysql2 ${base.median.toFixed(1)} ms (${elapsed()})\n`,
      );
    }
    process.stdout.write(`\n${formatTable(membership)}\n(ms; gw/base: median latency ratio)\n`);
    process.stdout.write(`\nThe admin's count statement:\n  ${countStatement!.sql}\nEXPLAIN:\n`);
    for (const line of await explain(pool, countStatement!)) process.stdout.write(`  ${line}\n`);

    const mysqlUrl = config.database.url.replace(/^mariadb:/, 'mysql:');
    const placed = await comparePlaced(
      probe,
      {
        databaseUrl: mysqlUrl,
        // The gateway's pool (db/data-source.ts).
        poolSize: 20,
        authSecret: config.authSecret,
        currency: config.platformCurrency,
      },
      fixture,
    );
    children.push(placed.baseline);
    await probe.stop();
    const [rows, shown] = await loadPlaced(
      dataSource,
      [gateway, placed.baseline],
      fixture,
      options,
      placed.statements,
      elapsed,
    );
    process.stdout.write(
      `\n(b) placedContent(STOREFRONT_HOME) for ${fixture.consumerTokens.length} signed-in ` +
        `consumers in turn (${shown}), ${placed.statements} statements each:\n\n${table(rows)}\n` +
        '\nFigures are noisy on a small shared machine: compare ratios of one run, and repeat.\n' +
        `\nDone in ${elapsed()}.\n`,
    );
    return 0;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await pool.end();
    await dataSource.destroy();
  }
}

function formatTable(all: string[][]): string {
  const widths = all[0]!.map((_, i) => Math.max(...all.map((l) => l[i]!.length)));
  return all
    .map((l) =>
      l
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  '),
    )
    .join('\n');
}

/**
 * Starts the baseline and checks it against the gateway: the same blocks for the first
 * consumers, and statements of the same shapes for one of them. Returns their number.
 */
async function comparePlaced(
  probe: Child,
  options: SegmentsBaselineOptions,
  fixture: SegmentsFixture,
): Promise<{ baseline: Child; statements: number }> {
  const baseline = await forkBaseline('./segments-baseline.js', options);
  const variables = placedVariables;
  for (const token of fixture.consumerTokens.slice(0, 50)) {
    const [gw, base] = await Promise.all([
      ask(probe.url, token, PLACED, variables),
      ask(baseline.url, token, PLACED, variables),
    ]);
    if (!isDeepStrictEqual(gw.data, base.data)) {
      throw new Error(
        `placedContent: the gateway and the baseline answer differently:\n` +
          `${JSON.stringify(gw.data)}\n${JSON.stringify(base.data)}`,
      );
    }
  }
  const token = fixture.consumerTokens[0]!;
  const before = probe.stderr.length;
  await ask(probe.url, token, PLACED, variables);
  await sleep(200);
  const a = parseLogged(probe.stderr.slice(before)).map((s) => shape(s.sql));
  const b = (
    (await ask(baseline.url, token, PLACED, variables, true)).extensions?.statements ?? []
  ).map(shape);
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(
      `the baseline's statements differ from the gateway's:\n  gateway:  ${a.join('\n            ')}` +
        `\n  baseline: ${b.join('\n            ')}`,
    );
  }
  process.stdout.write(`\nplacedContent, same SQL: ${a.join(', ')}.\n`);
  return { baseline, statements: a.length };
}

/** (b): the gateway and the baseline take turns, ROUNDS rounds each. */
async function loadPlaced(
  dataSource: DataSource,
  [gateway, baseline]: [Child, Child],
  fixture: SegmentsFixture,
  options: Options,
  statements: number,
  elapsed: () => string,
): Promise<[Row[], string]> {
  const dbPid = await databasePid(dataSource);
  const targets = [
    { target: 'gateway' as const, child: gateway },
    { target: 'baseline' as const, child: baseline },
  ];
  const results = targets.map((): LoadResult[] => []);
  const cpu = targets.map(() => ({ server: 0, database: 0 }));
  const body = JSON.stringify({ query: PLACED, variables: placedVariables });
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      process.stdout.write(
        `placedContent: ${t.target}, ${options.connections} connections, round ` +
          `${round}/${ROUNDS} (${elapsed()})\n`,
      );
      const before = [cpuSeconds(t.child.process.pid), cpuSeconds(dbPid)];
      results[i]!.push(
        await load({
          url: t.child.url,
          connections: options.connections,
          seconds: options.seconds / ROUNDS,
          bodies: [body],
          tokens: fixture.consumerTokens,
        }),
      );
      cpu[i]!.server += cpuSeconds(t.child.process.pid) - before[0]!;
      cpu[i]!.database += cpuSeconds(dbPid) - before[1]!;
    }
  }
  const blocks = await Promise.all(
    fixture.consumerTokens
      .slice(0, 200)
      .map(
        async (token) =>
          (
            (await ask(gateway.url, token, PLACED, placedVariables)).data
              ?.placedContent as unknown[]
          ).length,
      ),
  );
  const shown = `${(blocks.reduce((s, n) => s + n, 0) / blocks.length).toFixed(2)} blocks shown on average`;
  return [
    targets.map((t, i) => ({
      workload: 'placedContent',
      target: t.target,
      connections: options.connections,
      result: summarize(results[i]!),
      statements,
      cpu: cpu[i]!,
      rounds: results[i]!.map((r) => r.requests / r.seconds),
    })),
    shown,
  ];
}
