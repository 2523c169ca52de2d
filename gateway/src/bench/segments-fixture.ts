import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Config } from '../config/config.js';
import { TokenSigner } from '../modules/identity/token.js';
import { migrationsDiverged } from './database.js';

/** Bumped whenever what `seed` writes changes: a database seeded by another version is reseeded. */
const FIXTURE_VERSION = 1;
const EMAIL_DOMAIN = 'bench-segments.invalid';
const DAY_MS = 86_400_000;
/** The orders span this many days before seeding. */
const HISTORY_DAYS = 730;
/** Each consumer's favourite shop is one of these, by these weights. */
const SELLER_WEIGHTS = [0.35, 0.25, 0.2, 0.12, 0.08];
const CHUNK = 5000;

const ADDRESS = [
  'Li Lei',
  '13800138000',
  'Zhejiang',
  'Hangzhou',
  'Xihu',
  '1 Wensan Road',
  '310000',
];

/** What the segments benchmark asks about: consumers with their orders, and who asks. */
export interface SegmentsFixture {
  sellerIds: number[];
  consumers: number;
  orders: number;
  /** When the fixture was seeded (its orders reach back HISTORY_DAYS from then). */
  seededAt: Date;
  /** A platform admin's bearer token. */
  adminToken: string;
  /** A bearer token of the staff of `sellerIds[0]`. */
  staffToken: string;
  /** Bearer tokens of consumers spread over the fixture, signed in for this run. */
  consumerTokens: string[];
}

/** mulberry32: a small seeded generator, so that every seeding writes the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const marker = (consumers: number) =>
  `segments fixture v${FIXTURE_VERSION}, ${consumers} consumers`;

/**
 * Migrates the database and seeds `consumers` consumers with their orders unless it holds the
 * same version of the fixture at that size (its first seller's description says which), then
 * signs in `signedIn` consumers, an admin and a shop's staff for this run. Segments and content
 * blocks are the benchmark's own: it removes them here and creates them through the API.
 */
export async function prepareSegments(
  dataSource: DataSource,
  config: Config,
  consumers: number,
  signedIn: number,
): Promise<SegmentsFixture> {
  if (await migrationsDiverged(dataSource)) await dataSource.dropDatabase();
  await dataSource.runMigrations({ transaction: 'each' });
  const [first] = (await dataSource.query(
    "SELECT description, createdAt FROM seller WHERE slug = 'bench-segments-1'",
  )) as { description: string; createdAt: Date }[];
  let seededAt: Date;
  if (first?.description === marker(consumers)) {
    seededAt = new Date(first.createdAt);
    process.stdout.write(
      `Reusing the fixture of ${consumers} consumers seeded ${seededAt.toISOString()}.\n`,
    );
  } else {
    process.stdout.write(`Seeding ${consumers} consumers with their orders...\n`);
    await dataSource.dropDatabase();
    await dataSource.runMigrations({ transaction: 'each' });
    seededAt = new Date();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const started = performance.now();
      const orders = await seed(runner, config, consumers, seededAt);
      process.stdout.write(
        `Seeded ${consumers} consumers and ${orders} orders in ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    } finally {
      await runner.release();
    }
  }
  await dataSource.query('DELETE FROM content_block');
  await dataSource.query('DELETE FROM segment');
  await dataSource.query('DELETE FROM session');
  const sellerIds = (
    (await dataSource.query(
      "SELECT id FROM seller WHERE slug LIKE 'bench-segments-%' ORDER BY id",
    )) as { id: number }[]
  ).map((s) => s.id);
  const [{ n: orders }] = (await dataSource.query('SELECT COUNT(*) AS n FROM customer_order')) as [
    { n: number | string },
  ];
  const step = Math.max(1, Math.floor(consumers / signedIn));
  const people = (await dataSource.query(
    `SELECT id, email FROM user WHERE email IN (?) ORDER BY id`,
    [
      [
        `admin@${EMAIL_DOMAIN}`,
        `staff@${EMAIL_DOMAIN}`,
        ...Array.from({ length: signedIn }, (_, i) => `c${i * step}@${EMAIL_DOMAIN}`),
      ],
    ],
  )) as { id: number; email: string }[];
  const expiresAt = new Date(Date.now() + 24 * 3600 * 1000);
  const sessions = people.map((p) => ({ email: p.email, userId: p.id, sessionId: randomUUID() }));
  for (let i = 0; i < sessions.length; i += CHUNK) {
    await dataSource.query('INSERT INTO session (id, userId, expiresAt) VALUES ?', [
      sessions.slice(i, i + CHUNK).map((s) => [s.sessionId, s.userId, expiresAt]),
    ]);
  }
  const signer = new TokenSigner(config.authSecret);
  const tokens = await Promise.all(
    sessions.map(async (s) => ({ email: s.email, token: await signer.sign(s, expiresAt) })),
  );
  const tokenOf = (email: string) => tokens.find((t) => t.email === email)!.token;
  return {
    sellerIds,
    consumers,
    orders: Number(orders),
    seededAt,
    adminToken: tokenOf(`admin@${EMAIL_DOMAIN}`),
    staffToken: tokenOf(`staff@${EMAIL_DOMAIN}`),
    consumerTokens: tokens.filter((t) => t.email.startsWith('c')).map((t) => t.token),
  };
}

/**
 * Writes the fixture in bulk on one connection: five shops, an admin, one shop's staff, and
 * `consumers` consumers. A fifth of them never ordered; the others placed about 3.7 orders each
 * on average (a long tail up to 40) over the two years before `now`, most of them at a favourite
 * shop, mostly delivered, some cancelled or refused, the last two weeks' still under way. The
 * platform tagged a quarter of the consumers `newsletter` and 5% `vip`; the first shop tagged a
 * third of its customers `newsletter`. Returns the number of orders.
 */
async function seed(
  runner: QueryRunner,
  config: Config,
  consumers: number,
  now: Date,
): Promise<number> {
  const q = (sql: string, params: unknown[] = []) => runner.query(sql, params);
  // Written once into an empty database: no unique key or foreign key can be violated.
  await q('SET unique_checks = 0, foreign_key_checks = 0');
  await q('INSERT INTO seller (name, slug, description) VALUES ?', [
    SELLER_WEIGHTS.map((_, i) => [
      `Bench Shop ${i + 1}`,
      `bench-segments-${i + 1}`,
      i === 0 ? marker(consumers) : '',
    ]),
  ]);
  const sellerIds = (
    (await q("SELECT id FROM seller WHERE slug LIKE 'bench-segments-%' ORDER BY id")) as {
      id: number;
    }[]
  ).map((s) => s.id);
  await q('INSERT INTO user (email, passwordHash, name, isPlatformAdmin) VALUES ?', [
    [
      [`admin@${EMAIL_DOMAIN}`, 'scrypt$disabled', 'Bench Admin', 1],
      [`staff@${EMAIL_DOMAIN}`, 'scrypt$disabled', 'Bench Staff', 0],
    ],
  ]);
  await q('INSERT INTO seller_staff (sellerId, userId) SELECT ?, id FROM user WHERE email = ?', [
    sellerIds[0],
    `staff@${EMAIL_DOMAIN}`,
  ]);

  const rand = random(20261201);
  const pick = (weights: number[]) => {
    let r = rand();
    for (const [i, w] of weights.entries()) {
      if ((r -= w) < 0) return i;
    }
    return weights.length - 1;
  };
  let orders = 0;
  for (let from = 0; from < consumers; from += CHUNK) {
    const size = Math.min(CHUNK, consumers - from);
    await q('INSERT INTO user (email, passwordHash, name) VALUES ?', [
      Array.from({ length: size }, (_, j) => [
        `c${from + j}@${EMAIL_DOMAIN}`,
        'scrypt$disabled', // nobody signs in with a password: the benchmark signs sessions
        `Consumer ${from + j}`,
      ]),
    ]);
    const [{ id: firstId }] = (await q('SELECT id FROM user WHERE email = ?', [
      `c${from}@${EMAIL_DOMAIN}`,
    ])) as [{ id: number }];
    const orderRows: unknown[][] = [];
    const tagRows: unknown[][] = [];
    for (let j = 0; j < size; j++) {
      // One insert of consecutive rows into a fresh table: consecutive ids.
      const userId = firstId + j;
      const count = rand() < 0.2 ? 0 : Math.min(40, 1 + Math.floor(-Math.log(1 - rand()) * 3.2));
      const favourite = pick(SELLER_WEIGHTS);
      // A consumer's basket size: log-normal around 60.00.
      const basket = 6000 * Math.exp(0.6 * (rand() + rand() + rand() - 1.5));
      let boughtAtFirst = false;
      for (let k = 0; k < count; k++) {
        const seller = rand() < 0.7 ? favourite : Math.floor(rand() * SELLER_WEIGHTS.length);
        boughtAtFirst ||= seller === 0;
        const daysAgo = HISTORY_DAYS * rand() ** 1.3;
        const at = new Date(now.getTime() - daysAgo * DAY_MS);
        const s = rand();
        const status =
          daysAgo < 14
            ? ['PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED'][Math.floor(daysAgo / 3.5)]!
            : s < 0.06
              ? 'CANCELLED'
              : s < 0.08
                ? 'EXPIRED'
                : s < 0.1
                  ? 'REFUSED'
                  : 'DELIVERED';
        const items = Math.max(500, Math.round(basket * (0.5 + rand())));
        const fee = 500;
        orders += 1;
        orderRows.push([
          at,
          at,
          `S${FIXTURE_VERSION}-${String(orders).padStart(9, '0')}`,
          orders,
          userId,
          sellerIds[seller],
          status,
          'CASH_ON_DELIVERY',
          config.platformCurrency,
          items,
          fee,
          items + fee,
          ...ADDRESS,
        ]);
      }
      if (rand() < 0.25) tagRows.push([0, 'CONSUMER', userId, 'newsletter', 0]);
      if (rand() < 0.05) tagRows.push([0, 'CONSUMER', userId, 'vip', 0]);
      if (boughtAtFirst && rand() < 0.33) {
        tagRows.push([sellerIds[0], 'CONSUMER', userId, 'newsletter', 0]);
      }
    }
    for (let i = 0; i < orderRows.length; i += CHUNK) {
      await q(
        'INSERT INTO customer_order (createdAt, updatedAt, number, checkoutId, userId, sellerId, ' +
          'status, paymentMethod, currency, itemsAmount, codFeeAmount, totalAmount, shipName, ' +
          'shipPhone, shipProvince, shipCity, shipDistrict, shipLine1, shipPostalcode) VALUES ?',
        [orderRows.slice(i, i + CHUNK)],
      );
    }
    if (tagRows.length > 0) {
      await q(
        'INSERT INTO account_tag (ownerId, accountType, accountId, tag, createdByUserId) VALUES ?',
        [tagRows],
      );
    }
    process.stdout.write(`  ${from + size} consumers, ${orders} orders\r`);
  }
  process.stdout.write('\n');
  await q('SET unique_checks = 1, foreign_key_checks = 1');
  await q('ANALYZE TABLE user, customer_order, account_tag');
  return orders;
}
