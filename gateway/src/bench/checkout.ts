import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { createDataSource } from '../db/data-source.js';
import { benchGateway, migrationsDiverged } from './database.js';
import { seedCatalog } from '../db/seed/seed-catalog.js';
import { TokenSigner } from '../modules/identity/token.js';
import type { BaselineOptions } from './checkout-baseline.js';
import {
  load,
  lockCounters,
  scalar,
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

const usage = `usage: pnpm bench checkout [--duration SECONDS] [--repeats N] [--connections N]

Checkout on MariaDB (BENCH_CHECKOUT_DATABASE_URL, default
mariadb://root@127.0.0.1:3306/marketgate_bench_checkout, created, migrated and seeded when
missing). Starts the built gateway as a child process and a hand-written node:http + mysql2
baseline running the same SQL transaction, prepares users, sessions and carts in bulk, then:

  (a) oversell: BUYERS concurrent checkouts of one unit of one variant with STOCK available,
      REPEATS times, on the gateway; every repeat must sell exactly STOCK units;
  (b) throughput with ample stock, gateway vs baseline: every checkout buying one hot
      variant, and each buying one of VARIANTS variants (spread).

  --duration SECONDS   measured seconds per workload and target (default 12)
  --rounds N           turns the targets take within those seconds (default 4); gw/base is
                       the median of the rounds' ratios (see pnpm bench catalog)
  --connections N      concurrent checkouts in (b) (default 20)
  --repeats N          oversell repeats (default 20)
  --buyers N           oversell buyers per repeat (default 200)
  --stock N            oversell units available (default 10)
  --variants N         variants of the spread workload (default 1000)
  --users N            prepared users (carts per round of (b); default 25000)
  --profile DIR        CPU profiles of the measured gateway and the baseline into DIR/gateway
                       and DIR/baseline (node --cpu-prof)
`;

/** The document both targets answer; the storefront asks for about this much. */
export const checkoutMutation = `mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    __typename
    ... on CheckoutSuccess { replayed orders { id number status total { amount currency } } }
    ... on OutOfStockError { lines { sku requested available } }
    ... on ErrorResult { errorCode }
  }
}`;

const ADDRESS = {
  name: 'Li Lei',
  phone: '13800138000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  line1: '1 Wensan Road',
  postalCode: '310000',
};

const EMAIL_DOMAIN = 'bench-checkout.invalid';
const WARMUP_REQUESTS = 300;

interface Options {
  seconds: number;
  rounds: number;
  connections: number;
  repeats: number;
  buyers: number;
  stock: number;
  variants: number;
  users: number;
  profileDir: string | undefined;
}

function parseOptions(): Options | null {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string', default: '12' },
      rounds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '20' },
      repeats: { type: 'string', default: '20' },
      buyers: { type: 'string', default: '200' },
      stock: { type: 'string', default: '10' },
      variants: { type: 'string', default: '1000' },
      users: { type: 'string', default: '25000' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const n = (text: string) => (/^\d+$/.test(text) ? Number(text) : NaN);
  const options = {
    seconds: Number(values.duration),
    rounds: n(values.rounds),
    connections: n(values.connections),
    repeats: n(values.repeats),
    buyers: n(values.buyers),
    stock: n(values.stock),
    variants: n(values.variants),
    users: n(values.users),
    profileDir: values.profile,
  };
  const valid =
    !values.help &&
    positionals[0] === 'checkout' &&
    options.seconds > 0 &&
    options.rounds >= 1 &&
    options.connections >= 1 &&
    options.repeats >= 0 &&
    options.buyers >= 1 &&
    options.stock >= 0 &&
    options.stock <= options.buyers &&
    options.variants >= 1 &&
    options.users >= options.buyers &&
    options.users > WARMUP_REQUESTS + options.connections;
  return valid ? options : null;
}

// ---------------------------------------------------------------------------------------------
// Database

/** Migrates, and seeds a catalog with enough sellable variants when there is none. */
async function prepareCatalog(dataSource: DataSource, variantsNeeded: number): Promise<void> {
  if (await migrationsDiverged(dataSource)) await dataSource.dropDatabase();
  await dataSource.runMigrations({ transaction: 'each' });
  const variants = await scalar(dataSource, 'SELECT COUNT(*) FROM variant');
  if (variants >= variantsNeeded) return;
  const products = Math.max(1000, Math.ceil(variantsNeeded / 1.5));
  process.stdout.write(`Seeding ${products} products (the database had ${variants} variants)...\n`);
  await dataSource.dropDatabase();
  await dataSource.runMigrations({ transaction: 'each' });
  const summary = await seedCatalog(dataSource, products);
  process.stdout.write(
    `Seeded ${summary.products} products, ${summary.variants} variants in ${summary.seconds.toFixed(1)} s.\n`,
  );
}

/** Empties what checkouts write, so every run starts from the same table sizes. */
async function clearOrders(dataSource: DataSource): Promise<void> {
  for (const table of ['checkout', 'customer_order', 'order_line', 'payment', 'audit_event']) {
    await dataSource.query(`TRUNCATE TABLE \`${table}\``);
  }
}

interface Buyer {
  userId: number;
  cartId: number;
  token: string;
}

/**
 * Users, sessions and carts of the benchmark, written in bulk (registering through the API
 * would spend a scrypt per user); bearer tokens signed with the gateway's own signer.
 */
async function prepareBuyers(
  dataSource: DataSource,
  config: Config,
  count: number,
): Promise<Buyer[]> {
  const like = `%@${EMAIL_DOMAIN}`;
  await dataSource.query(
    'DELETE FROM cart WHERE userId IN (SELECT id FROM user WHERE email LIKE ?)',
    [like],
  );
  await dataSource.query('DELETE FROM user WHERE email LIKE ?', [like]); // sessions cascade
  await dataSource.query('TRUNCATE TABLE cart_line');
  const tag = randomBytes(4).toString('hex');
  const chunk = 2000;
  for (let i = 0; i < count; i += chunk) {
    const rows = Array.from({ length: Math.min(chunk, count - i) }, (_, j) => [
      `buyer-${tag}-${i + j}@${EMAIL_DOMAIN}`,
      'scrypt$disabled', // nobody signs in with a password: the tokens below name sessions
      `Bench Buyer ${i + j}`,
    ]);
    await dataSource.query('INSERT INTO user (email, passwordHash, name) VALUES ?', [rows]);
  }
  const users = (await dataSource.query('SELECT id FROM user WHERE email LIKE ? ORDER BY id', [
    like,
  ])) as { id: number }[];
  const expiresAt = new Date(Date.now() + 24 * 3600 * 1000);
  const sessions = users.map((u) => ({ userId: u.id, sessionId: randomUUID() }));
  for (let i = 0; i < users.length; i += chunk) {
    const part = sessions.slice(i, i + chunk);
    await dataSource.query('INSERT INTO session (id, userId, expiresAt) VALUES ?', [
      part.map((s) => [s.sessionId, s.userId, expiresAt]),
    ]);
    await dataSource.query('INSERT INTO cart (token, userId) VALUES ?', [
      part.map((s) => [randomBytes(24).toString('base64url'), s.userId]),
    ]);
  }
  const carts = new Map(
    (
      (await dataSource.query(
        'SELECT c.id, c.userId FROM cart c JOIN user u ON u.id = c.userId WHERE u.email LIKE ?',
        [like],
      )) as { id: number; userId: number }[]
    ).map((c) => [c.userId, c.id]),
  );
  const signer = new TokenSigner(config.authSecret);
  const buyers: Buyer[] = [];
  for (let i = 0; i < sessions.length; i += chunk) {
    buyers.push(
      ...(await Promise.all(
        sessions.slice(i, i + chunk).map(async (s) => ({
          userId: s.userId,
          cartId: carts.get(s.userId) as number,
          token: await signer.sign(s, expiresAt),
        })),
      )),
    );
  }
  return buyers;
}

/** Replaces the cart lines of `buyers`: one unit each, of `variantOf(index)`. */
async function fillCarts(
  dataSource: DataSource,
  buyers: Buyer[],
  variantOf: (index: number) => number,
): Promise<void> {
  await dataSource.query('DELETE FROM cart_line WHERE cartId IN (?)', [
    buyers.map((b) => b.cartId),
  ]);
  for (let i = 0; i < buyers.length; i += 5000) {
    await dataSource.query('INSERT INTO cart_line (cartId, variantId, quantity) VALUES ?', [
      buyers.slice(i, i + 5000).map((b, j) => [b.cartId, variantOf(i + j), 1]),
    ]);
  }
}

/** Variants anyone may buy cash on delivery (active product and seller, within the COD limit). */
async function sellableVariants(
  dataSource: DataSource,
  config: Config,
  count: number,
): Promise<number[]> {
  const rows = (await dataSource.query(
    `SELECT v.id FROM variant v JOIN product p ON p.id = v.productId
       JOIN seller s ON s.id = p.sellerId
     WHERE p.status = 'ACTIVE' AND s.status = 'ACTIVE' AND v.currency = ?
       AND v.listPrice + COALESCE(s.codFeeAmount, ?) <= ?
     ORDER BY v.id LIMIT ?`,
    [
      config.platformCurrency,
      config.cashOnDelivery.defaultFee,
      config.cashOnDelivery.maxOrderAmount,
      count,
    ],
  )) as { id: number }[];
  if (rows.length < count) throw new Error(`only ${rows.length} sellable variants, need ${count}`);
  return rows.map((r) => r.id);
}

async function setStock(dataSource: DataSource, ids: number[], onHand: number): Promise<void> {
  await dataSource.query('UPDATE variant SET stockOnHand = ?, stockReserved = 0 WHERE id IN (?)', [
    onHand,
    ids,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Processes

interface Answer {
  status: number;
  body: {
    data?: { checkout?: { __typename: string; orders?: unknown[]; errorCode?: string } } | null;
    errors?: unknown[];
    extensions?: { statements?: string[] };
  };
}

async function checkout(url: string, token: string, key: string, trace = false): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(trace ? { 'x-bench-trace': '1' } : {}),
    },
    body: JSON.stringify({
      query: checkoutMutation,
      variables: {
        input: { shippingAddress: ADDRESS, paymentMethod: 'CASH_ON_DELIVERY', idempotencyKey: key },
      },
    }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Answer['body'] };
  } catch {
    return { status: res.status, body: { errors: [text] } };
  }
}

// ---------------------------------------------------------------------------------------------
// Same SQL

/**
 * One checkout on a gateway that logs its SQL and one on the baseline (which lists its
 * statements): the statements must do the same in the same order, and the answers must match.
 */
async function compareStatements(
  gatewayEnv: Record<string, string>,
  baselineUrl: string,
  dataSource: DataSource,
  buyers: [Buyer, Buyer],
  variant: number,
): Promise<string[]> {
  await fillCarts(dataSource, buyers, () => variant);
  const probe = await startGatewayProcess({ ...gatewayEnv, LOG_SQL: 'true' });
  let gatewayStatements: string[];
  let gw: Answer;
  try {
    const before = probe.stderr.length;
    gw = await checkout(probe.url, buyers[0].token, `probe-${randomUUID()}`);
    await sleep(200);
    gatewayStatements = probe.stderr
      .slice(before)
      .filter((l) => l.startsWith('sql: '))
      // `sql: <statement> <parameters as JSON>`
      .map((l) => l.slice(5, l.lastIndexOf(' [')));
  } finally {
    await probe.stop();
  }
  const base = await checkout(baselineUrl, buyers[1].token, `probe-${randomUUID()}`, true);
  const baseStatements = base.body.extensions?.statements ?? [];
  const normalize = (a: Answer) => {
    const c = a.body.data?.checkout as
      { __typename: string; orders: { status: string; total: unknown }[] } | undefined;
    return c && { ...c, orders: c.orders?.map((o) => ({ status: o.status, total: o.total })) };
  };
  if (gw.body.errors || !isDeepStrictEqual(normalize(gw), normalize(base))) {
    throw new Error(
      `the gateway and the baseline answer differently:\n${JSON.stringify(gw.body)}\n` +
        JSON.stringify(base.body),
    );
  }
  const a = gatewayStatements.map(shape);
  const b = baseStatements.map(shape);
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(
      `the baseline's statements differ from the gateway's:\n  gateway:  ${a.join('\n            ')}` +
        `\n  baseline: ${b.join('\n            ')}`,
    );
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// (a) Oversell

interface Repeat {
  sold: number;
  outOfStock: number;
  other: string[];
  onHand: number;
  reserved: number;
  unitsOrdered: number;
  seconds: number;
}

async function oversellRepeat(
  dataSource: DataSource,
  url: string,
  buyers: Buyer[],
  variant: number,
  stock: number,
  tag: string,
): Promise<Repeat> {
  await setStock(dataSource, [variant], stock);
  await fillCarts(dataSource, buyers, () => variant);
  const lastOrder = await scalar(dataSource, 'SELECT COALESCE(MAX(id), 0) FROM customer_order');
  const started = performance.now();
  const answers = await Promise.all(
    buyers.map((b, i) => checkout(url, b.token, `${tag}-${i}`).catch((e: unknown) => e)),
  );
  const seconds = (performance.now() - started) / 1000;
  const kinds = new Map<string, number>();
  const other: string[] = [];
  for (const a of answers) {
    const answer = a as Answer;
    const kind =
      a instanceof Error
        ? 'fetch failed'
        : answer.status !== 200 || answer.body.errors
          ? `HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`
          : (answer.body.data?.checkout?.__typename ?? 'no result');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (kind !== 'CheckoutSuccess' && kind !== 'OutOfStockError') other.push(kind);
  }
  const [row] = (await dataSource.query(
    'SELECT stockOnHand, stockReserved FROM variant WHERE id = ?',
    [variant],
  )) as { stockOnHand: number; stockReserved: number }[];
  const unitsOrdered = await scalar(
    dataSource,
    'SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l WHERE l.variantId = ? AND l.orderId > ?',
    [variant, lastOrder],
  );
  return {
    sold: kinds.get('CheckoutSuccess') ?? 0,
    outOfStock: kinds.get('OutOfStockError') ?? 0,
    other,
    onHand: row!.stockOnHand,
    reserved: row!.stockReserved,
    unitsOrdered,
    seconds,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Throughput

// ---------------------------------------------------------------------------------------------

/** Runs `pnpm bench checkout` with the command line's arguments; returns the exit code. */
export async function benchCheckout(): Promise<number> {
  const options = parseOptions();
  if (!options) {
    process.stdout.write(usage);
    return process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2;
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const databaseUrl =
    process.env.BENCH_CHECKOUT_DATABASE_URL ??
    'mariadb://root@127.0.0.1:3306/marketgate_bench_checkout';
  const { env: gatewayEnv, config } = await benchGateway(databaseUrl);
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  const children: Child[] = [];
  try {
    await prepareCatalog(dataSource, options.variants + 2);
    await clearOrders(dataSource);
    const variants = await sellableVariants(dataSource, config, options.variants + 2);
    const [scarce, hot] = variants as [number, number];
    const spread = variants.slice(2);
    process.stdout.write(`Preparing ${options.users} users, sessions and carts...\n`);
    const buyers = await prepareBuyers(dataSource, config, options.users);
    process.stdout.write(`Prepared in ${elapsed()}.\n`);

    const poolSize =
      (dataSource.options as { extra?: { connectionLimit?: number } }).extra?.connectionLimit ?? 10;
    const baseline = await forkBaseline(
      './checkout-baseline.js',
      {
        databaseUrl: config.database.url,
        poolSize,
        authSecret: config.authSecret,
        codFee: config.cashOnDelivery.defaultFee,
        codMaxOrderAmount: config.cashOnDelivery.maxOrderAmount,
        platformCurrency: config.platformCurrency,
        confirmTimeoutSeconds: config.orderConfirmTimeoutSeconds,
      } satisfies BaselineOptions,
      options.profileDir,
    );
    children.push(baseline);

    await setStock(dataSource, [hot], 1_000_000_000);
    const statements = await compareStatements(
      gatewayEnv,
      baseline.url,
      dataSource,
      [buyers[0]!, buyers[1]!],
      hot,
    );
    process.stdout.write(
      `Same SQL: the gateway and the baseline each ran ${statements.length} statements:\n` +
        statements.map((s, i) => `  ${String(i + 1).padStart(2)}. ${s}`).join('\n') +
        '\n',
    );

    const gateway = await startGatewayProcess(gatewayEnv, options.profileDir);
    const dbPid = await databasePid(dataSource);
    children.push(gateway);
    const run = randomBytes(4).toString('hex');

    // (a) Oversell
    process.stdout.write(
      `\n(a) Oversell: ${options.buyers} concurrent checkouts of 1 unit, ${options.stock} available, ` +
        `${options.repeats} repeats (gateway)\n`,
    );
    let oversellFailures = 0;
    const contenders = buyers.slice(0, options.buyers);
    for (let r = 1; r <= options.repeats; r++) {
      const rep = await oversellRepeat(
        dataSource,
        gateway.url,
        contenders,
        scarce,
        options.stock,
        `bench-${run}-over-${r}`,
      );
      const oversold = Math.max(0, rep.unitsOrdered - options.stock, rep.reserved - rep.onHand);
      const ok =
        rep.sold === options.stock &&
        rep.outOfStock === options.buyers - options.stock &&
        rep.other.length === 0 &&
        rep.onHand - rep.reserved >= 0 &&
        rep.reserved === options.stock &&
        rep.unitsOrdered === options.stock;
      if (!ok) oversellFailures++;
      process.stdout.write(
        `  repeat ${String(r).padStart(2)}: ${ok ? 'ok  ' : 'FAIL'} ${rep.sold} sold, ` +
          `${rep.outOfStock} OutOfStockError, ${rep.other.length} other, ${oversold} oversold ` +
          `(onHand ${rep.onHand}, reserved ${rep.reserved}, units ordered ${rep.unitsOrdered}) ` +
          `in ${rep.seconds.toFixed(2)} s\n`,
      );
      if (rep.other.length)
        process.stdout.write(`    other: ${rep.other.slice(0, 3).join('\n    ')}\n`);
    }

    // (b) Throughput
    const workloads = [
      { name: 'hot', variantOf: () => hot, stocked: [hot] },
      {
        name: `spread ${spread.length}`,
        variantOf: (i: number) => spread[i % spread.length] as number,
        stocked: spread,
      },
    ];
    const targets = [
      { target: 'gateway' as const, url: gateway.url, pid: gateway.process.pid },
      { target: 'baseline' as const, url: baseline.url, pid: baseline.process.pid },
    ];
    const rows: Row[] = [];
    for (const w of workloads) {
      await clearOrders(dataSource);
      await setStock(dataSource, w.stocked, 1_000_000_000);
      const results = targets.map((): MutationLoadResult[] => []);
      const cpu = targets.map(() => ({
        server: 0,
        database: 0,
        requests: 0,
        deadlocks: 0,
        lockWaitMs: 0,
      }));
      for (let round = 1; round <= options.rounds; round++) {
        for (const [i, t] of targets.entries()) {
          process.stdout.write(
            `${w.name}: ${t.target}, ${options.connections} connections, round ${round}/${options.rounds} (${elapsed()})\n`,
          );
          await fillCarts(dataSource, buyers, w.variantOf);
          const cpuBefore = [cpuSeconds(t.pid), cpuSeconds(dbPid)];
          const locksBefore = await lockCounters(dataSource);
          const result = await load({
            url: t.url,
            connections: options.connections,
            seconds: options.seconds / options.rounds,
            warmupRequests: WARMUP_REQUESTS,
            tokens: buyers.map((b) => b.token),
            query: checkoutMutation,
            inputTemplate: JSON.stringify({
              shippingAddress: ADDRESS,
              paymentMethod: 'CASH_ON_DELIVERY',
              idempotencyKey: '$KEY',
            }),
            picks: [],
            success: 'CheckoutSuccess',
            keyPrefix: `bench-${run}-${w.name.slice(0, 1)}${round}${t.target.slice(0, 1)}`,
          });
          await settle(dataSource);
          results[i]!.push(result);
          cpu[i]!.server += cpuSeconds(t.pid) - cpuBefore[0]!;
          cpu[i]!.database += cpuSeconds(dbPid) - cpuBefore[1]!;
          cpu[i]!.requests += result.requests + result.warmup;
          const locksAfter = await lockCounters(dataSource);
          const delta = (name: string) => (locksAfter[name] ?? NaN) - (locksBefore[name] ?? NaN);
          cpu[i]!.deadlocks += delta('Innodb_deadlocks');
          cpu[i]!.lockWaitMs += delta('Innodb_row_lock_time');
        }
      }
      for (const [i, t] of targets.entries()) {
        rows.push({
          workload: w.name,
          target: t.target,
          result: summarize(results[i]!),
          serverCpuMs: (cpu[i]!.server * 1000) / cpu[i]!.requests,
          databaseCpuMs: (cpu[i]!.database * 1000) / cpu[i]!.requests,
          lockWaitMs: cpu[i]!.lockWaitMs / cpu[i]!.requests,
          deadlocks: cpu[i]!.deadlocks,
          rounds: roundRates(results[i]!),
        });
      }
    }
    const gatewayErrors = [...gateway.stdout, ...gateway.stderr].filter((l) =>
      /"level":[56]0/.test(l),
    );

    process.stdout.write(
      `\n${table(rows, options.connections, statements.length, 'CheckoutSuccess', 'carts')}\n`,
    );
    for (const r of rows) {
      if (r.result.sample) {
        process.stdout.write(
          `  ${r.workload} ${r.target}: not sold: ${r.result.sample.slice(0, 300)}\n`,
        );
      }
    }
    if (gatewayErrors.length) {
      process.stdout.write(
        `  the gateway logged ${gatewayErrors.length} error(s), first: ${gatewayErrors[0]!.slice(0, 500)}\n`,
      );
    }
    process.stdout.write('\nGoals:\n');
    process.stdout.write(
      `  ${oversellFailures > 0 ? 'MISS' : options.repeats === 0 ? 'skip' : 'met '}  oversell: ${
        options.repeats - oversellFailures
      }/${options.repeats} repeats sold exactly ${options.stock} of ${options.buyers}, 0 oversold\n`,
    );
    const ratio = (workload: string) => {
      const of = (target: string) =>
        rows.find((r) => r.workload === workload && r.target === target)!.rounds;
      return pairedRatio(of('gateway'), of('baseline'));
    };
    for (const [w, goal] of [
      [workloads[0]!.name, 0.8],
      [workloads[1]!.name, 0.6],
    ] as const) {
      const x = ratio(w);
      process.stdout.write(
        `  ${x >= goal ? 'met ' : 'MISS'}  ${w}: gateway ${x.toFixed(2)}x baseline req/s (goal >= ${goal}x)\n`,
      );
    }
    process.stdout.write(`\nDone in ${elapsed()}.\n`);
    return oversellFailures === 0 ? 0 : 1;
  } finally {
    for (const child of children.reverse()) await child.stop();
    await dataSource.destroy();
  }
}
