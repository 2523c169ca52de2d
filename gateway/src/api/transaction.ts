import type { QueryRunner } from 'typeorm';
import { isContext, type Context } from './context.js';
import { isErrorResult } from './errors.js';
import { createLoaders } from './loaders.js';

const MAX_ATTEMPTS = 3;

/** Thrown inside the transaction to roll it back while still answering the error result. */
class RollbackWithResult {
  constructor(readonly result: unknown) {}
}

/**
 * Thrown by a service that lost a race it can only see from inside (another request claimed
 * the same idempotency key or unique row first): the transaction is run again from the start,
 * and then sees the winner's committed work.
 */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(`transaction lost a race: ${reason}`);
  }
}

/** MySQL deadlock / lock wait timeout, SQLite busy, or a lost race: run the transaction again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof RetryTransaction) return true;
  const e = error as { code?: string; errno?: number; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return (
    code === 'ER_LOCK_DEADLOCK' ||
    code === 'ER_LOCK_WAIT_TIMEOUT' ||
    code === 'SQLITE_BUSY' ||
    e.errno === 1213
  );
}

/**
 * The embedded database has one connection, on which concurrent transactions would nest as
 * savepoints; its write transactions therefore run one at a time. (MySQL gets one pooled
 * connection per transaction and needs no such queue.)
 */
let sqliteQueue: Promise<unknown> = Promise.resolve();

function serialiseOnSqlite<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  if (ctx.dataSource.options.type !== 'better-sqlite3') return work();
  const run = sqliteQueue.then(work, work);
  sqliteQueue = run.catch(() => undefined);
  return run;
}

/**
 * The transactions a statement already committed on the server (`committedByStatement`), by
 * their query runner: `inTransaction` then sends no COMMIT of its own.
 */
const committedOnServer = new WeakSet<QueryRunner>();

/**
 * Says that the statement just run committed the request's transaction on the server (a MariaDB
 * block ending in COMMIT, see `CatalogService.reserveCheckoutStock`): the mutation must write
 * nothing more, and `inTransaction` skips its COMMIT.
 */
export function committedByStatement(ctx: Context): void {
  const runner = ctx.em.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('committedByStatement outside a transaction');
  committedOnServer.add(runner);
}

/**
 * Runs `work` in one database transaction bound to `ctx.em`. Rolls back when `work` throws or
 * returns an error result (which is then answered as usual), and runs again on a deadlock.
 * Loaders are rebuilt around it so nothing read before or inside leaks into what follows.
 */
export async function inTransaction<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serialiseOnSqlite(ctx, async () => {
        const runner = ctx.dataSource.createQueryRunner();
        try {
          await runner.startTransaction();
          ctx.em = runner.manager;
          ctx.loaders = createLoaders(ctx);
          const result = await work();
          if (isErrorResult(result)) throw new RollbackWithResult(result);
          if (!committedOnServer.has(runner)) await runner.commitTransaction();
          return result;
        } catch (error) {
          if (runner.isTransactionActive && !committedOnServer.has(runner)) {
            // The original error is the answer even if the rollback fails too.
            await runner.rollbackTransaction().catch(() => undefined);
          }
          throw error;
        } finally {
          await runner.release();
        }
      });
    } catch (error) {
      if (error instanceof RollbackWithResult) return error.result as T;
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
      throw error;
    } finally {
      ctx.em = ctx.dataSource.manager;
      ctx.loaders = createLoaders(ctx);
    }
  }
}

/**
 * `@Transaction()` on a mutation: one transaction per mutation, see `inTransaction`. It wraps
 * the resolver method itself (not a type-graphql middleware, whose `next` may run only once),
 * so a retry runs the whole resolver again. The method must take the request context (`@Ctx()`).
 */
export function Transaction(): MethodDecorator {
  return (_target, key, descriptor: PropertyDescriptor) => {
    const resolve = descriptor.value as (...args: unknown[]) => unknown;
    descriptor.value = function (this: unknown, ...args: unknown[]) {
      const ctx = args.find(isContext);
      if (!ctx) throw new Error(`@Transaction() on ${String(key)} needs a @Ctx() parameter`);
      return inTransaction(ctx, () => Promise.resolve(resolve.apply(this, args)));
    };
  };
}
