import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { gatewayNodeFlags } from '../runtime-flags.js';

/** A target or helper the benchmark runs as a child process. */
export interface Child {
  url: string;
  process: ChildProcess;
  /** The child's output lines so far (the gateway logs as JSON on stdout, SQL on stderr). */
  stdout: string[];
  stderr: string[];
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

function collectLines(stream: NodeJS.ReadableStream, into: string[], onLine?: (l: string) => void) {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    into.push(...lines);
    if (onLine) lines.forEach(onLine);
  });
}

/** Starts the built gateway (`dist/main.js`) and waits for its "ready" log line. */
export function startGatewayProcess(
  env: Record<string, string>,
  profileDir?: string,
): Promise<Child> {
  const main = fileURLToPath(new URL('../main.js', import.meta.url));
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/gateway`] : [];
  const child = spawn(process.execPath, [...gatewayNodeFlags, ...flags, main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  const stdout: string[] = [];
  collectLines(child.stderr, stderr);
  return new Promise((resolve, reject) => {
    collectLines(child.stdout, stdout, (line) => {
      if (!line.includes('gateway ready')) return;
      const { url } = JSON.parse(line) as { url: string };
      resolve({ url, process: child, stderr, stdout, stop: stopper(child) });
    });
    child.once('exit', (code) =>
      reject(
        new Error(`the gateway exited with ${code}:\n${stdout.join('\n')}\n${stderr.join('\n')}`),
      ),
    );
  });
}

/**
 * Forks a baseline module (`./checkout-baseline.js`, `./baseline.js`): it gets `options` over
 * IPC and answers its address.
 */
export function forkBaseline(
  module: string,
  options: unknown,
  profileDir?: string,
): Promise<Child> {
  const child = fork(fileURLToPath(new URL(module, import.meta.url)), {
    env: { ...process.env, NODE_ENV: 'production' },
    execArgv: [
      ...gatewayNodeFlags,
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/baseline`] : []),
    ],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) =>
      resolve({
        url: (m as { url: string }).url,
        process: child,
        stdout: [],
        stderr: [],
        stop: stopper(child),
      }),
    );
    child.once('exit', (code) => reject(new Error(`the baseline exited with ${code}`)));
    child.send(options as object);
  });
}

/** CPU seconds (user + system) a process has used so far; NaN where /proc cannot tell. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The database server's process id, when it runs on this machine and says where it is. */
export async function databasePid(dataSource: DataSource): Promise<number | undefined> {
  try {
    const [row] = (await dataSource.query('SELECT @@pid_file AS f')) as { f: string }[];
    const pid = Number(readFileSync(row!.f, 'utf8').trim());
    return Number.isFinite(cpuSeconds(pid)) ? pid : undefined;
  } catch {
    return undefined;
  }
}
