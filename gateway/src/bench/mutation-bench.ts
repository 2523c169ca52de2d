import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import type { MutationLoadJob, MutationLoadResult } from './mutation-load.js';
import { pairedRatio } from './ratio.js';

/**
 * What the mutation benchmarks (checkout, call-off orders) share: the load process, the
 * database's lock counters and quiet moments, the statement shape two targets must agree on,
 * and the results table.
 */

export async function scalar(dataSource: DataSource, sql: string, params: unknown[] = []) {
  const [row] = (await dataSource.query(sql, params)) as Record<string, unknown>[];
  return Number(Object.values(row ?? {})[0] ?? 0);
}

/** Whether the database ran a migration this code does not have (a regenerated one). */

/** InnoDB's counters of deadlocks and row lock waits (milliseconds waited in all). */
export async function lockCounters(dataSource: DataSource): Promise<Record<string, number>> {
  const rows = (await dataSource.query(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_deadlocks', 'Innodb_row_lock_time', 'Innodb_row_lock_waits')",
  )) as { Variable_name: string; Value: string }[];
  return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the servers finished what was in flight when the load stopped (their statements
 * are gone from the process list), so a round neither consumes the next round's carts nor
 * shares its time with the last.
 */
export async function settle(dataSource: DataSource): Promise<void> {
  await sleep(500);
  for (let i = 0; i < 100; i++) {
    const busy = await scalar(
      dataSource,
      `SELECT COUNT(*) FROM information_schema.PROCESSLIST
       WHERE DB = DATABASE() AND COMMAND <> 'Sleep' AND ID <> CONNECTION_ID()`,
    );
    if (busy === 0) return;
    await sleep(100);
  }
}

export function load(job: MutationLoadJob): Promise<MutationLoadResult> {
  const child = fork(fileURLToPath(new URL('./mutation-load.js', import.meta.url)));
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as MutationLoadResult));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    child.send(job);
  });
}

/** A statement reduced to what it does: verb, table, joins, locking. */
export function shape(sql: string): string {
  const verb = /^\s*(\w+(?: TRANSACTION)?)/i.exec(sql)?.[1]?.toUpperCase() ?? '?';
  const table = /(?:FROM|INTO|UPDATE)\s+`(\w+)`/i.exec(sql)?.[1] ?? '';
  const joins = (sql.match(/\bJOIN\b/gi) ?? []).length;
  return [
    verb,
    /SELECT DISTINCT/i.test(sql) ? 'DISTINCT' : '',
    table,
    joins ? `${joins} joins` : '',
    /FOR UPDATE\s*$/i.test(sql) ? 'FOR UPDATE' : '',
    /RETURNING/i.test(sql) ? 'RETURNING' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export interface Measured {
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  failures: number;
  outcomes: Record<string, number>;
  exhausted: number;
  sample: string | null;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function summarize(results: MutationLoadResult[]): Measured {
  const sum = (f: (r: MutationLoadResult) => number) => results.reduce((t, r) => t + f(r), 0);
  const latencies = Float64Array.from(results.flatMap((r) => r.latencies)).sort();
  const outcomes: Record<string, number> = {};
  for (const r of results) {
    for (const [k, v] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  }
  return {
    reqPerSec: sum((r) => r.requests) / sum((r) => r.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: sum((r) => r.requests),
    failures: sum((r) => r.failures),
    outcomes,
    exhausted: results.filter((r) => r.exhausted).length,
    sample: results.find((r) => r.sample)?.sample ?? null,
  };
}

export interface Row {
  workload: string;
  target: 'gateway' | 'baseline';
  result: Measured;
  /** CPU milliseconds per request served (warm-up included) of the server and of MariaDB. */
  serverCpuMs: number;
  databaseCpuMs: number;
  /** Row lock wait per request (InnoDB), and deadlocks (each retried by the server). */
  lockWaitMs: number;
  deadlocks: number;
  /** Requests per second of each round. */
  rounds: number[];
}

/** Requests per second of each round of one target. */
export const roundRates = (results: MutationLoadResult[]) =>
  results.map((r) => r.requests / r.seconds);

export function table(
  rows: Row[],
  connections: number,
  statements: number,
  success: string,
  unit: string,
): string {
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
    'db CPU ms/req',
    'lock wait ms/req',
    'deadlocks',
  ];
  const lines = rows.map((r) => {
    const base = rows.find((b) => b.workload === r.workload && b.target === 'baseline');
    const ratio =
      r.target === 'gateway' && base ? `${pairedRatio(r.rounds, base.rounds).toFixed(2)}x` : '';
    const failed = r.result.requests - (r.result.outcomes[success] ?? 0);
    return [
      r.workload,
      r.target,
      String(connections),
      r.result.reqPerSec.toFixed(0),
      r.result.p50.toFixed(1),
      r.result.p95.toFixed(1),
      r.result.p99.toFixed(1),
      String(statements),
      r.serverCpuMs.toFixed(2),
      r.databaseCpuMs.toFixed(2),
      r.lockWaitMs.toFixed(1),
      String(r.deadlocks),
      ratio,
      [
        r.result.failures > 0 ? `${r.result.failures} failed` : '',
        failed > 0 ? `${failed} not ${success}` : '',
        r.result.exhausted > 0 ? `${unit} ran out in ${r.result.exhausted} round(s)` : '',
      ]
        .filter(Boolean)
        .join(', '),
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
