import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function requireBuilt(path: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build first (pnpm build at the repository root)`);
  }
}

/** Starts a child process and keeps its recent output for error messages. */
export function launch(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, output: () => output };
}

/** Waits until `url` answers 2xx; fails when `child` exits first or time runs out. */
export async function waitForOk(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${url}: the server exited with ${child.exitCode}\n${output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The built gateway on a free port, with a fresh data directory seeded with the demo catalog. */
export async function startGateway(): Promise<RunningServer> {
  const main = join(repoRoot, 'gateway/dist/main.js');
  requireBuilt(main);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'marketgate-e2e-data-'));
  const { child, output } = launch(process.execPath, [main], repoRoot, {
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${url}/health`, child, output, 120_000);
  } catch (error) {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    async stop() {
      await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `vite preview` of a built app on a free port, proxying `/graphql` to the gateway. */
export async function startPreview(app: string, gatewayUrl: string): Promise<RunningServer> {
  const appDir = join(repoRoot, app);
  requireBuilt(join(appDir, 'dist/index.html'));
  const port = await freePort();
  const vite = join(appDir, 'node_modules/vite/bin/vite.js');
  const { child, output } = launch(
    process.execPath,
    // --bypass-lock: a developer's own `vite preview` of the same app must not stop the suite.
    [
      vite,
      'preview',
      '--bypass-lock',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    appDir,
    { GATEWAY_URL: gatewayUrl },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(url, child, output, 60_000);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url, stop: () => stopProcess(child) };
}
