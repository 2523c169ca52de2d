import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

interface SqlCount {
  statements: number;
}

const current = new AsyncLocalStorage<SqlCount>();

/** Runs `fn` with a fresh statement counter; statements issued anywhere inside are counted. */
export function countSql<T>(fn: () => T): { result: T; counter: SqlCount } {
  const counter = { statements: 0 };
  return { result: current.run(counter, fn), counter };
}

/** The statement count of the request being served, if it is counted. */
export function currentSqlCount(): number | undefined {
  return current.getStore()?.statements;
}

/**
 * TypeORM logger that counts statements per request (for the statement-count tests and the
 * benchmark) and, when asked, prints them.
 */
export class SqlLogger implements Logger {
  constructor(private readonly print: boolean) {}

  logQuery(query: string, parameters?: unknown[]): void {
    const counter = current.getStore();
    if (counter) counter.statements += 1;
    if (this.print) process.stderr.write(`sql: ${query} ${JSON.stringify(parameters ?? [])}\n`);
  }

  logQueryError(error: string | Error, query: string): void {
    process.stderr.write(`sql error: ${String(error)} in ${query}\n`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.print) process.stderr.write(`slow sql (${time} ms): ${query}\n`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (this.print) process.stderr.write(`migration: ${message}\n`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') process.stderr.write(`typeorm: ${String(message)}\n`);
  }
}
