import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source.js';
import { benchGateway, migrationsDiverged } from './database.js';
import { seedCatalog } from '../db/seed/seed-catalog.js';
import { categorySubtreeSql, searchStatement } from './baseline.js';
import type { LoadJob, LoadResult } from './load.js';
import { pairedRatio } from './ratio.js';
import {
  cpuSeconds,
  databasePid,
  forkBaseline,
  startGatewayProcess,
  type Child,
} from './processes.js';
import {
  body,
  catalogPageQuery,
  productDetailQuery,
  searchCases,
  searchQuery,
  type SearchFilter,
  type Workload,
} from './workloads.js';

const usage = `usage: pnpm bench catalog [--duration SECONDS] [--rounds N] [--products N] [--profile DIR]

Seeds (or reuses) a catalog on MariaDB/MySQL (BENCH_DATABASE_URL, default
mysql://root@127.0.0.1:3306/marketgate_bench), starts the built gateway and a hand-written
node:http + mysql2 baseline as processes of their own, and loads both with autocannon on
loopback.

  --duration SECONDS   measured seconds per workload and target (default 18)
  --rounds N           turns the targets take within those seconds (default 6); gw/base is
                       the median of the rounds' ratios, each of a gateway round and the
                       baseline round right after it
  --products N         catalog size (default 100000)
  --profile DIR        CPU profiles of the measured gateway and the baseline into DIR/gateway
                       and DIR/baseline (node --cpu-prof)

pnpm bench checkout --help describes the checkout benchmark.
`;

async function count(dataSource: DataSource, table: string): Promise<number> {
  const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``)) as {
    n: number | string;
  }[];
  return Number(row?.n ?? 0);
}

/**
 * Migrates the database and seeds `products` products unless it holds exactly that many (a
 * database migrated by other migrations starts over).
 */
export async function prepareCatalog(dataSource: DataSource, products: number): Promise<void> {
  if (await migrationsDiverged(dataSource)) await dataSource.dropDatabase();
  await dataSource.runMigrations({ transaction: 'each' });
  const existing = await count(dataSource, 'product');
  if (existing === products) {
    process.stdout.write(`Reusing the catalog of ${existing} products.\n`);
    return;
  }
  process.stdout.write(`Seeding ${products} products (the database had ${existing})...\n`);
  await dataSource.dropDatabase();
  await dataSource.runMigrations({ transaction: 'each' });
  const bar = new SingleBar({ format: 'products {bar} {value}/{total}' }, Presets.shades_classic);
  bar.start(products, 0);
  const summary = await seedCatalog(dataSource, products, (done) => bar.update(done));
  bar.stop();
  process.stdout.write(
    `Seeded ${summary.products} products and ${summary.variants} variants in ` +
      `${summary.seconds.toFixed(1)} s.\n`,
  );
}

async function workloads(dataSource: DataSource): Promise<Workload[]> {
  const total = await count(dataSource, 'product');
  const slugs = (await dataSource.query(
    "SELECT slug FROM product WHERE status = 'ACTIVE' AND id % ? = 0 ORDER BY id LIMIT 200",
    [Math.max(1, Math.floor(total / 200))],
  )) as { slug: string }[];
  const categories = (await dataSource.query('SELECT id, slug FROM category')) as {
    id: number;
    slug: string;
  }[];
  const categoryId = new Map(categories.map((c) => [c.slug, String(c.id)]));
  const filters: SearchFilter[] = searchCases.map((c) => ({
    search: c.search,
    categoryId: categoryId.get(c.category) as string,
    inStock: true,
    minPrice: c.minPrice,
    maxPrice: c.maxPrice,
  }));
  return [
    {
      name: 'catalog page',
      baselinePath: '/catalog',
      connections: 10,
      bodies: [body(catalogPageQuery, { first: 50 })],
    },
    {
      name: 'product detail',
      baselinePath: '/product',
      connections: 10,
      bodies: slugs.map(({ slug }) => body(productDetailQuery, { slug })),
    },
    {
      name: 'search',
      baselinePath: '/search',
      connections: 20,
      bodies: filters.map((filter) => body(searchQuery, { filter })),
    },
  ];
}

interface Answer {
  data?: unknown;
  errors?: unknown[];
  extensions?: { sqlStatements?: number };
}

async function ask(url: string, requestBody: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: requestBody,
  });
  return (await res.json()) as Answer;
}

export function load(job: LoadJob): Promise<LoadResult> {
  const child = fork(fileURLToPath(new URL('./load.js', import.meta.url)));
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

export interface Measured {
  /** Requests answered, warm-ups included (CPU time is per answered request). */
  answered: number;
  reqPerSec: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function summarize(results: LoadResult[]): Measured {
  const sum = (f: (r: LoadResult) => number) => results.reduce((t, r) => t + f(r), 0);
  const latencies = Float64Array.from(results.flatMap((r) => r.latencies)).sort();
  return {
    answered: sum((r) => r.answered),
    reqPerSec: sum((r) => r.requests) / sum((r) => r.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: sum((r) => r.failures),
  };
}

export interface Row {
  workload: string;
  target: 'gateway' | 'baseline';
  connections: number;
  result: Measured;
  statements: number | undefined;
  /** CPU seconds of the target's process and of the database server while it was loaded. */
  cpu: { server: number; database: number };
  /** Requests per second of each round. */
  rounds: number[];
}

export function table(rows: Row[]): string {
  const ms = (v: number) => v.toFixed(1);
  const header = [
    'workload',
    'target',
    'conns',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'SQL/req',
    'CPU ms/req',
    'DB ms/req',
  ];
  const lines = rows.map((r) => {
    const perRequest = (seconds: number) =>
      Number.isFinite(seconds) ? ((seconds * 1000) / r.result.answered).toFixed(2) : '?';
    const base = rows.find((b) => b.workload === r.workload && b.target === 'baseline');
    const ratio =
      r.target === 'gateway' && base ? `${pairedRatio(r.rounds, base.rounds).toFixed(2)}x` : '';
    return [
      r.workload,
      r.target,
      String(r.connections),
      r.result.reqPerSec.toFixed(0),
      ms(r.result.p50),
      ms(r.result.p95),
      ms(r.result.p99),
      String(r.statements ?? '?'),
      perRequest(r.cpu.server),
      perRequest(r.cpu.database),
      ratio,
      r.result.failures > 0 ? `${r.result.failures} failed` : '',
    ];
  });
  const all = [[...header, 'gw/base', ''], ...lines];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((l) => l[i]!.length)));
  return all
    .map((l) =>
      l
        .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** EXPLAINs the search statement; true when it reads a whole table. */
async function explainSearch(dataSource: DataSource, filter: SearchFilter): Promise<boolean> {
  const subtree = (await dataSource.query(categorySubtreeSql, [Number(filter.categoryId)])) as {
    id: number;
  }[];
  const { sql, params } = searchStatement(
    filter,
    subtree.map((c) => c.id),
    20,
  );
  const plan = (await dataSource.query(`EXPLAIN ${sql}`, params)) as Record<string, unknown>[];
  process.stdout.write(`\nEXPLAIN search ("${filter.search}"):\n`);
  let fullScan = false;
  for (const step of plan) {
    process.stdout.write(
      `  ${String(step.table).padEnd(4)} type=${String(step.type).padEnd(8)} ` +
        `key=${String(step.key)} rows=${String(step.rows)} ${String(step.Extra ?? '')}\n`,
    );
    // The derived table is the page itself (at most first + 1 rows), not a table.
    if (step.type === 'ALL' && !String(step.table).startsWith('<derived')) fullScan = true;
  }
  return fullScan;
}

/** Runs `pnpm bench catalog` with the command line's arguments; returns the exit code. */
export async function benchCatalog(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string', default: '18' },
      rounds: { type: 'string', default: '6' },
      products: { type: 'string', default: '100000' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const seconds = Number(values.duration);
  const rounds = Number(values.rounds);
  const products = Number(values.products);
  const suite = positionals[0] ?? 'catalog';
  if (
    values.help ||
    suite !== 'catalog' ||
    !(seconds > 0) ||
    !Number.isSafeInteger(rounds) ||
    rounds < 1 ||
    !Number.isSafeInteger(products) ||
    products < 1
  ) {
    process.stdout.write(usage);
    return values.help ? 0 : 2;
  }
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/marketgate_bench';
  // The measured gateway runs as in production. Statement counting costs every request
  // (AsyncLocalStorage), so a second gateway, a test one, counts them for one probe request
  // per workload.
  const { env: gatewayEnv, config } = await benchGateway(databaseUrl);
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  const children: Child[] = [];
  try {
    await prepareCatalog(dataSource, products);
    const dbPid = await databasePid(dataSource);
    const gateway = await startGatewayProcess(gatewayEnv, values.profile);
    children.push(gateway);
    const probe = await startGatewayProcess({
      ...gatewayEnv,
      NODE_ENV: 'test',
      EXPOSE_SQL_COUNT: 'true',
    });
    children.push(probe);
    const baseline = await forkBaseline(
      './baseline.js',
      { databaseUrl: config.database.url },
      values.profile,
    );
    children.push(baseline);
    const rows: Row[] = [];
    const plan = await workloads(dataSource);
    try {
      for (const w of plan) {
        const targets = [
          { target: 'gateway' as const, url: `${gateway.url}`, pid: gateway.process.pid },
          {
            target: 'baseline' as const,
            url: `${baseline.url}${w.baselinePath}`,
            pid: baseline.process.pid,
          },
        ];
        const answers = await Promise.all(
          [probe.url, `${baseline.url}${w.baselinePath}`].map((url) =>
            ask(url, w.bodies[0] as string),
          ),
        );
        const [gw, base] = answers as [Answer, Answer];
        if (gw.errors || !isDeepStrictEqual(gw.data, base.data)) {
          throw new Error(
            `${w.name}: the gateway and the baseline answer differently:\n` +
              `${JSON.stringify(gw).slice(0, 2000)}\n${JSON.stringify(base).slice(0, 2000)}`,
          );
        }
        const results = targets.map((): LoadResult[] => []);
        const cpu = targets.map(() => ({ server: 0, database: 0 }));
        for (let round = 1; round <= rounds; round++) {
          for (const [i, t] of targets.entries()) {
            process.stdout.write(
              `${w.name}: ${t.target}, ${w.connections} connections, round ${round}/${rounds}\n`,
            );
            const before = [cpuSeconds(t.pid), cpuSeconds(dbPid)];
            const result = await load({
              url: t.url,
              connections: w.connections,
              seconds: seconds / rounds,
              bodies: w.bodies,
            });
            cpu[i]!.server += cpuSeconds(t.pid) - before[0]!;
            cpu[i]!.database += cpuSeconds(dbPid) - before[1]!;
            results[i]?.push(result);
          }
        }
        for (const [i, t] of targets.entries()) {
          rows.push({
            workload: w.name,
            target: t.target,
            connections: w.connections,
            result: summarize(results[i] ?? []),
            statements: answers[i]?.extensions?.sqlStatements,
            cpu: cpu[i]!,
            rounds: (results[i] ?? []).map((r) => r.requests / r.seconds),
          });
        }
      }
    } finally {
      await Promise.all(children.map((c) => c.stop()));
    }
    let fullScan = false;
    for (const searchBody of plan[2]!.bodies) {
      const filter = (JSON.parse(searchBody) as { variables: { filter: SearchFilter } }).variables
        .filter;
      if (await explainSearch(dataSource, filter)) fullScan = true;
    }

    process.stdout.write(`\n${table(rows)}\n\nGoals:\n`);
    const row = (workload: string, target: string) =>
      rows.find((r) => r.workload === workload && r.target === target) as Row;
    const result = (workload: string, target: string) => row(workload, target).result;
    for (const workload of ['catalog page', 'product detail']) {
      const ratio = pairedRatio(row(workload, 'gateway').rounds, row(workload, 'baseline').rounds);
      process.stdout.write(
        `  ${ratio >= 0.5 ? 'met ' : 'MISS'}  ${workload}: gateway ${ratio.toFixed(2)}x baseline req/s (goal >= 0.5x)\n`,
      );
    }
    const p95 = result('search', 'gateway').p95;
    process.stdout.write(
      `  ${p95 < 100 ? 'met ' : 'MISS'}  search: gateway p95 ${p95.toFixed(1)} ms at 20 connections (goal < 100 ms)\n` +
        `  ${fullScan ? 'MISS' : 'met '}  search: ${fullScan ? 'a full table scan' : 'no full table scan'}\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}
