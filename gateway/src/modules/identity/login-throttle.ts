import {
  RateLimiterMySQL,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config/config.js';

/**
 * Counts failed logins per email and per client address in the database (table
 * `login_rate_limit`, created and pruned by rate-limiter-flexible), so the limit holds across
 * every gateway process. Past the limit, logins for that key are refused for the window.
 */
export class LoginThrottle {
  private constructor(
    private readonly byEmail: RateLimiterAbstract,
    private readonly byIp: RateLimiterAbstract,
  ) {}

  static async create(dataSource: DataSource, config: Config): Promise<LoginThrottle> {
    const make = async (keyPrefix: string, points: number): Promise<RateLimiterAbstract> => {
      const options = {
        keyPrefix,
        points,
        duration: config.loginWindowSeconds,
        blockDuration: config.loginWindowSeconds,
        tableName: 'login_rate_limit',
      };
      return new Promise((resolve, reject) => {
        const done = (err?: unknown) => (err ? reject(err) : resolve(limiter));
        let limiter: RateLimiterAbstract;
        if (dataSource.options.type === 'better-sqlite3') {
          const driver = dataSource.driver as unknown as { databaseConnection: unknown };
          limiter = new RateLimiterSQLite(
            { ...options, storeClient: driver.databaseConnection, storeType: 'better-sqlite3' },
            done,
          );
        } else {
          const driver = dataSource.driver as unknown as { pool: unknown; database: string };
          limiter = new RateLimiterMySQL(
            { ...options, storeClient: driver.pool, storeType: 'pool', dbName: driver.database },
            done,
          );
        }
      });
    };
    return new LoginThrottle(
      await make('login_email', config.loginMaxAttempts),
      await make('login_ip', config.loginMaxAttempts * 5),
    );
  }

  /** Seconds to wait before trying again, or 0 when a login may be tried now. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const [e, i] = await Promise.all([this.byEmail.get(email), this.byIp.get(ip)]);
    const blocked = [e, i].filter(
      (r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0 && r.msBeforeNext > 0,
    );
    return blocked.length === 0
      ? 0
      : Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.penalty(email, 1), this.byIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
