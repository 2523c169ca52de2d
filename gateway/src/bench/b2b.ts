import 'reflect-metadata';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { createDataSource } from '../db/data-source.js';
import type { B2bBaselineOptions } from './b2b-baseline.js';
import { exposureOf, prepareB2b, setCreditLimit, type B2bFixture } from './b2b-fixture.js';
import { prepareCatalog } from './catalog.js';
import { benchGateway } from './database.js';
import {
  load,
  lockCounters,
  settle,
  shape,
  sleep,
  roundRates,
  summarize,
  table,
  type Row,
} from './mutation-bench.js';
import { pairedRatio } from './ratio.js';
import type { MutationLoadResult } from './mutation-load.js';
import {
  cpuSeconds,
  databasePid,
  forkBaseline,
  startGatewayProcess,
  type Child,
} from './processes.js';

const usage = `usage: pnpm bench b2b [--duration SECONDS] [--repeats N] [--orders N] [--allowed N]

Call-off orders under a framework agreement, on MariaDB with the large catalog
(BENCH_DATABASE_URL, default mariadb://root@127.0.0.1:3306/marketgate_bench, seeded with
100,000 products when it holds another number). Writes a company, its buyers and an active
agreement with a credit line in bulk, starts the built gateway as a child process and a
hand-written node:http + mysql2 baseline running the same SQL transaction, then:

  (a) credit: ORDERS concurrent call-off orders against a credit line with room for exactly
      ALLOWED of them, REPEATS times, on the gateway; every repeat must place exactly ALLOWED;
  (b) throughput with ample credit, gateway vs baseline, orders spread over the agreement's
      lines (all of one agreement, so they take turns on its row lock, as one company's
      buyers do).

  --duration SECONDS   measured seconds per target (default 12)
  --rounds N           turns the targets take within those seconds (default 4); gw/base is
                       the median of the rounds' ratios (see pnpm bench catalog)
  --connections N      concurrent orders in (b) (default 20)
  --repeats N          credit repeats (default 20)
  --orders N           orders per credit repeat (default 50)
  --allowed N          orders the credit allows per repeat (default 10)
`;

const CALL_OFF = `mutation CallOff($input: PlaceCallOffInput!) {
  placeCallOff(input: $input) {
    __typename
    ... on CallOff { id number status total { amount currency } }
    ... on ErrorResult { errorCode }
  }
}`;

const WARMUP_REQUESTS = 300;
const CONTRACT_LINES = 100;

interface Options {
  seconds: number;
  rounds: number;
  connections: number;
  repeats: number;
  orders: number;
  allowed: number;
}

function parseOptions(): Options | null {
  const { values } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string', default: '12' },
      rounds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '20' },
      repeats: { type: 'string', default: '20' },
      orders: { type: 'string', default: '50' },
      allowed: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const options = {
    seconds: Number(values.duration),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
    repeats: Number(values.repeats),
    orders: Number(values.orders),
    allowed: Number(values.allowed),
  };
  const positive = Object.values(options).every((n) => Number.isFinite(n) && n > 0);
  return values.help || !positive || options.allowed > options.orders ? null : options;
}

interface Answer {
  data?: { placeCallOff?: { __typename: string; total?: unknown; status?: string } } | null;
  errors?: unknown[];
  extensions?: { statements?: string[] };
}

async function placeCallOff(
  url: string,
  token: string,
  input: Record<string, unknown>,
  trace = false,
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(trace ? { 'x-bench-trace': '1' } : {}),
    },
    body: JSON.stringify({ query: CALL_OFF, variables: { input } }),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return { errors: [text] };
  }
}

const input = (fixture: B2bFixture, key: string, line = 0) => ({
  contractId: String(fixture.contractId),
  idempotencyKey: key,
  lines: [{ contractLineId: String(fixture.lines[line]!.id), quantity: 1 }],
});

/**
 * One order on a gateway that logs its SQL and one on the baseline (which lists its
 * statements): the statements must do the same in the same order, and the answers match.
 */
async function compareStatements(
  gatewayEnv: Record<string, string>,
  baselineUrl: string,
  fixture: B2bFixture,
): Promise<string[]> {
  const probe = await startGatewayProcess({ ...gatewayEnv, LOG_SQL: 'true' });
  let gatewayStatements: string[];
  let gw: Answer;
  try {
    const before = probe.stderr.length;
    gw = await placeCallOff(
      probe.url,
      fixture.tokens[0]!,
      input(fixture, `probe-gw-${Date.now()}`),
    );
    await sleep(200);
    gatewayStatements = probe.stderr
      .slice(before)
      .filter((l) => l.startsWith('sql: '))
      .map((l) => l.slice(5, l.lastIndexOf(' [')));
  } finally {
    await probe.stop();
  }
  const base = await placeCallOff(
    baselineUrl,
    fixture.tokens[1]!,
    input(fixture, `probe-base-${Date.now()}`),
    true,
  );
  const normalize = (a: Answer) => {
    const c = a.data?.placeCallOff;
    return c && { __typename: c.__typename, status: c.status, total: c.total };
  };
  if (gw.errors || !isDeepStrictEqual(normalize(gw), normalize(base))) {
    throw new Error(
      `the gateway and the baseline answer differently:\n${JSON.stringify(gw)}\n` +
        JSON.stringify(base),
    );
  }
  const a = gatewayStatements.map(shape);
  const b = (base.extensions?.statements ?? []).map(shape);
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(
      `the baseline's statements differ from the gateway's:\n  gateway:  ${a.join('\n            ')}` +
        `\n  baseline: ${b.join('\n            ')}`,
    );
  }
  return a;
}

interface Repeat {
  placed: number;
  refused: number;
  other: string[];
  exposureGrew: number;
}

/** `orders` buyers order at once against a credit line with room for `allowed` orders. */
async function creditRepeat(
  dataSource: Parameters<typeof exposureOf>[0],
  url: string,
  fixture: B2bFixture,
  options: Options,
  tag: string,
): Promise<Repeat> {
  const price = fixture.lines[0]!.unitPrice;
  const before = await exposureOf(dataSource, fixture);
  await setCreditLimit(dataSource, fixture, before + options.allowed * price);
  const answers = await Promise.all(
    Array.from({ length: options.orders }, (_, i) =>
      placeCallOff(
        url,
        fixture.tokens[i % fixture.tokens.length]!,
        input(fixture, `${tag}-${i}`),
      ).catch((e: unknown) => ({ errors: [String(e)] }) as Answer),
    ),
  );
  const kinds = answers.map((a) =>
    a.errors ? 'errors' : (a.data?.placeCallOff?.__typename ?? 'none'),
  );
  return {
    placed: kinds.filter((k) => k === 'CallOff').length,
    refused: kinds.filter((k) => k === 'CreditLimitExceededError').length,
    other: kinds.filter((k) => k !== 'CallOff' && k !== 'CreditLimitExceededError'),
    exposureGrew: (await exposureOf(dataSource, fixture)) - before,
  };
}

/** Runs `pnpm bench b2b` with the command line's arguments; returns the exit code. */
export async function benchB2b(): Promise<number> {
  const options = parseOptions();
  if (!options) {
    process.stdout.write(usage);
    return process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2;
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/marketgate_bench';
  const { env: gatewayEnv, config } = await benchGateway(databaseUrl);
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  const children: Child[] = [];
  try {
    await prepareCatalog(dataSource, 100_000);
    const fixture = await prepareB2b(
      dataSource,
      config,
      Math.max(options.orders, options.connections) + 2,
      CONTRACT_LINES,
    );
    process.stdout.write(
      `Fixture: ${fixture.tokens.length} buyers, an agreement of ${fixture.lines.length} lines (${elapsed()}).\n`,
    );
    const poolSize = 10;
    const baseline = await forkBaseline('./b2b-baseline.js', {
      databaseUrl: config.database.url,
      poolSize,
      authSecret: config.authSecret,
    } satisfies B2bBaselineOptions);
    children.push(baseline);
    await setCreditLimit(dataSource, fixture, 2_000_000_000);
    const statements = await compareStatements(gatewayEnv, baseline.url, fixture);
    process.stdout.write(
      `Same SQL: ${statements.length} statements each (${statements.join(', ')}).\n`,
    );
    const gateway = await startGatewayProcess(gatewayEnv);
    children.push(gateway);

    process.stdout.write(
      `\n(a) ${options.orders} concurrent call-off orders, credit for ${options.allowed}, ` +
        `${options.repeats} repeats:\n`,
    );
    let exact = 0;
    for (let r = 1; r <= options.repeats; r++) {
      const t0 = performance.now();
      const rep = await creditRepeat(
        dataSource,
        gateway.url,
        fixture,
        options,
        `credit-${r}-${Date.now()}`,
      );
      const ok =
        rep.placed === options.allowed &&
        rep.other.length === 0 &&
        rep.exposureGrew === options.allowed * fixture.lines[0]!.unitPrice;
      if (ok) exact += 1;
      process.stdout.write(
        `  repeat ${r}: ${ok ? 'ok  ' : 'FAIL'} ${rep.placed} placed, ${rep.refused} ` +
          `CreditLimitExceededError, ${rep.other.length} other${rep.other.length ? ` (${[...new Set(rep.other)].join(', ')})` : ''}, ` +
          `exposure +${rep.exposureGrew} in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`,
      );
    }

    await setCreditLimit(dataSource, fixture, 2_000_000_000);
    const dbPid = await databasePid(dataSource);
    const targets = [
      { target: 'gateway' as const, url: gateway.url, pid: gateway.process.pid },
      { target: 'baseline' as const, url: baseline.url, pid: baseline.process.pid },
    ];
    const results = targets.map((): MutationLoadResult[] => []);
    const cpu = targets.map(() => ({
      server: 0,
      database: 0,
      served: 0,
      lockWait: 0,
      deadlocks: 0,
    }));
    const tokens = Array.from(
      { length: 200_000 },
      (_, i) => fixture.tokens[i % fixture.tokens.length]!,
    );
    const run = Date.now().toString(36);
    for (let round = 1; round <= options.rounds; round++) {
      for (const [i, t] of targets.entries()) {
        process.stdout.write(
          `throughput: ${t.target}, ${options.connections} connections, round ${round}/${options.rounds} (${elapsed()})\n`,
        );
        await settle(dataSource);
        const before = [cpuSeconds(t.pid), cpuSeconds(dbPid)];
        const locks = await lockCounters(dataSource);
        const result = await load({
          url: t.url,
          connections: options.connections,
          seconds: options.seconds / options.rounds,
          warmupRequests: WARMUP_REQUESTS,
          tokens,
          query: CALL_OFF,
          inputTemplate: JSON.stringify({
            contractId: String(fixture.contractId),
            idempotencyKey: '$KEY',
            lines: [{ contractLineId: '$PICK', quantity: 1 }],
          }),
          picks: fixture.lines.map((l) => String(l.id)),
          keyPrefix: `bench-${run}-${round}${t.target.slice(0, 1)}`,
          success: 'CallOff',
        });
        await settle(dataSource);
        const after = await lockCounters(dataSource);
        results[i]!.push(result);
        cpu[i]!.server += cpuSeconds(t.pid) - before[0]!;
        cpu[i]!.database += cpuSeconds(dbPid) - before[1]!;
        cpu[i]!.served += result.requests + result.warmup;
        cpu[i]!.lockWait += (after.Innodb_row_lock_time ?? 0) - (locks.Innodb_row_lock_time ?? 0);
        cpu[i]!.deadlocks += (after.Innodb_deadlocks ?? 0) - (locks.Innodb_deadlocks ?? 0);
      }
    }
    const rows: Row[] = targets.map((t, i) => ({
      workload: 'call-off',
      target: t.target,
      result: summarize(results[i]!),
      serverCpuMs: (cpu[i]!.server * 1000) / cpu[i]!.served,
      databaseCpuMs: (cpu[i]!.database * 1000) / cpu[i]!.served,
      lockWaitMs: cpu[i]!.lockWait / cpu[i]!.served,
      deadlocks: cpu[i]!.deadlocks,
      rounds: roundRates(results[i]!),
    }));
    process.stdout.write(
      `\n${table(rows, options.connections, statements.length, 'CallOff', 'tokens')}\n`,
    );
    const ratio = pairedRatio(rows[0]!.rounds, rows[1]!.rounds);
    process.stdout.write(
      `\nGoals:\n  ${exact === options.repeats ? 'met ' : 'MISS'}  credit: ${exact}/${options.repeats} ` +
        `repeats placed exactly ${options.allowed} of ${options.orders}\n` +
        `  ${ratio >= 0.6 ? 'met ' : 'MISS'}  call-off: gateway ${ratio.toFixed(2)}x baseline ` +
        `req/s (goal >= 0.6x)\n\nDone in ${elapsed()}.\n`,
    );
    return exact === options.repeats ? 0 : 1;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await dataSource.destroy();
  }
}
