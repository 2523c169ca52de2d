import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable the gateway reads, with its default. This is the only module
 * that touches `process.env`; everything else receives a typed `Config`.
 */
const envSchema = z.object({
  /** `development` serves the GraphQL IDE at `/graphql` (GET) and prints friendly logs. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port of the gateway. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface to listen on. */
  HOST: z.string().default('127.0.0.1'),
  /**
   * `mysql://user:pass@host:3306/db` selects MySQL, `mariadb://...` MariaDB. Unset selects the embedded SQLite
   * database in `DATA_DIR`, so a new user needs no database server.
   */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded database and of the generated auth secret. */
  DATA_DIR: z.string().default('data'),
  /** Runs pending migrations at start (embedded default: always). */
  MIGRATE_ON_START: bool.default(true),
  /** Loads the demo catalog and accounts when the database has no users yet. */
  SEED_DEMO: bool.default(false),
  /**
   * With the demo (SEED_DEMO or `pnpm seed`), also a few months of business made through the
   * gateway's operations: orders, a framework agreement nearing its end, a one-off deal.
   */
  SEED_DEMO_HISTORY: bool.default(true),
  /**
   * Secret that signs bearer tokens. Every gateway process behind one load balancer needs the
   * same one. Unset: a random secret is created once in `DATA_DIR/auth-secret`.
   */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Lifetime of a session token in hours. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 14),
  /** Deepest query nesting accepted. */
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(10),
  /** Highest query cost accepted (each field costs 1, list fields multiply by `first`). */
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().positive().default(20_000),
  /** Failed logins allowed per email (and per client address x 5) before a pause. */
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  /** Length of the login rate-limit window and of the pause after it is exceeded, in seconds. */
  LOGIN_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  /** Adds `extensions.sqlStatements` to responses: for tests and benchmarks, never production. */
  EXPOSE_SQL_COUNT: bool.default(false),
  /** Logs every SQL statement to stderr. */
  LOG_SQL: bool.default(false),
  /** Origins allowed by CORS (comma separated); the frontends use a same-origin proxy. */
  CORS_ORIGINS: z.string().default(''),
  /** Currency of the platform's own amounts (COD limit and fee) and of the orders COD accepts. */
  PLATFORM_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('CNY'),
  /** Largest order total (minor units, fee included) that may be paid cash on delivery. */
  COD_MAX_ORDER_AMOUNT: z.coerce.number().int().positive().default(500_000),
  /** Provinces cash on delivery serves (comma separated); empty serves everywhere. */
  COD_REGIONS: z.string().default(''),
  /** Platform default cash-on-delivery fee in minor units; a seller may set its own. */
  COD_FEE: z.coerce.number().int().min(0).default(500),
  /** Time a seller has to confirm a placed order before it expires and frees its stock. */
  ORDER_CONFIRM_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(48 * 3600),
  /** Guest carts untouched this long (seconds; default 30 days) are deleted. */
  GUEST_CART_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 86_400),
  /**
   * How often this process expires unconfirmed orders and deletes abandoned guest carts; 0 turns
   * its sweep off (another process must then run it).
   */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  /**
   * A company's lifecycle stage with a seller, as proposed from what it bought from the seller
   * over the last 365 days (call-off orders and one-off contracts, minor units of
   * PLATFORM_CURRENCY): GROWTH from this spend on...
   */
  LIFECYCLE_GROWTH_SPEND: z.coerce.number().int().positive().default(5_000_000),
  /** ...and MATURE from this one on (greater than LIFECYCLE_GROWTH_SPEND); STARTUP below both. */
  LIFECYCLE_MATURE_SPEND: z.coerce.number().int().positive().default(50_000_000),
});

export type DatabaseConfig =
  { type: 'sqlite'; file: string } | { type: 'mysql' | 'mariadb'; url: string };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  dataDir: string;
  migrateOnStart: boolean;
  seedDemo: boolean;
  seedDemoHistory: boolean;
  authSecret: string;
  sessionTtlHours: number;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  exposeSqlCount: boolean;
  logSql: boolean;
  corsOrigins: string[];
  platformCurrency: string;
  cashOnDelivery: { maxOrderAmount: number; regions: string[]; defaultFee: number };
  orderConfirmTimeoutSeconds: number;
  guestCartTtlSeconds: number;
  sweepIntervalSeconds: number;
  /** Spend (minor units of the platform currency, last 365 days) from which a stage is proposed. */
  lifecycle: { growthSpend: number; matureSpend: number };
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let database: DatabaseConfig;
  if (e.DATABASE_URL === undefined) {
    database = { type: 'sqlite', file: path.join(dataDir, 'marketgate.sqlite') };
  } else if (/^(mysql|mariadb):\/\//.test(e.DATABASE_URL)) {
    // TypeORM reads MariaDB's catalog differently (column defaults): name the server you run.
    const type = e.DATABASE_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql';
    database = { type, url: e.DATABASE_URL.replace(/^mariadb:/, 'mysql:') };
  } else {
    throw new ConfigError(
      'DATABASE_URL must start with mysql:// or mariadb:// (or be unset for the embedded database)',
    );
  }
  if (e.LIFECYCLE_MATURE_SPEND <= e.LIFECYCLE_GROWTH_SPEND) {
    throw new ConfigError('LIFECYCLE_MATURE_SPEND must be greater than LIFECYCLE_GROWTH_SPEND');
  }
  if (e.NODE_ENV === 'production' && e.EXPOSE_SQL_COUNT) {
    throw new ConfigError('EXPOSE_SQL_COUNT must not be enabled in production');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    migrateOnStart: e.MIGRATE_ON_START,
    seedDemo: e.SEED_DEMO,
    seedDemoHistory: e.SEED_DEMO_HISTORY,
    authSecret: e.AUTH_SECRET ?? persistentSecret(dataDir),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    maxQueryDepth: e.MAX_QUERY_DEPTH,
    maxQueryComplexity: e.MAX_QUERY_COMPLEXITY,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    exposeSqlCount: e.EXPOSE_SQL_COUNT,
    logSql: e.LOG_SQL,
    corsOrigins: list(e.CORS_ORIGINS),
    platformCurrency: e.PLATFORM_CURRENCY,
    cashOnDelivery: {
      maxOrderAmount: e.COD_MAX_ORDER_AMOUNT,
      regions: list(e.COD_REGIONS),
      defaultFee: e.COD_FEE,
    },
    orderConfirmTimeoutSeconds: e.ORDER_CONFIRM_TIMEOUT_SECONDS,
    guestCartTtlSeconds: e.GUEST_CART_TTL_SECONDS,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    lifecycle: { growthSpend: e.LIFECYCLE_GROWTH_SPEND, matureSpend: e.LIFECYCLE_MATURE_SPEND },
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
