// Starts the gateway (embedded database, demo data on first start) and both frontends.
// `node scripts/start.mjs` serves the built apps; `--dev` runs everything in watch mode.
// Ports: PORT (gateway, 4000), STOREFRONT_PORT (5173), PORTAL_PORT (5174).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';

const dev = process.argv.includes('--dev');
const gatewayPort = process.env.PORT ?? '4000';
const storefrontPort = process.env.STOREFRONT_PORT ?? '5173';
const portalPort = process.env.PORTAL_PORT ?? '5174';
const env = {
  ...process.env,
  PORT: gatewayPort,
  SEED_DEMO: process.env.SEED_DEMO ?? 'true',
  DATA_DIR: process.env.DATA_DIR ?? new URL('../data', import.meta.url).pathname,
  GATEWAY_URL: `http://127.0.0.1:${gatewayPort}`,
};

/**
 * What each server prints once it listens: the gateway's log line, Vite's URL. Vite colours its
 * output when it runs under CI (the `CI` variable) or a terminal, so lines are matched without
 * their escape codes.
 */
const readyLine = { gateway: 'gateway ready', storefront: 'Local:', portal: 'Local:' };
const ready = new Set();

const processes = [
  dev
    ? ['gateway', 'pnpm', ['--filter', '@marketgate/gateway', 'dev']]
    : [
        'gateway',
        'node',
        // The production flags come from the built gateway (`pnpm start` builds first).
        [
          ...(await import('../gateway/dist/runtime-flags.js')).gatewayNodeFlags,
          'gateway/dist/main.js',
        ],
      ],
  [
    'storefront',
    'pnpm',
    ['--filter', '@marketgate/storefront-b2c', dev ? 'dev' : 'preview', '--port', storefrontPort],
  ],
  [
    'portal',
    'pnpm',
    ['--filter', '@marketgate/portal-b2b', dev ? 'dev' : 'preview', '--port', portalPort],
  ],
];

const children = processes.map(([name, command, args]) => {
  // A process group of its own: stopping signals the whole group, so the servers that pnpm
  // starts through a shell (`vite preview`) stop too instead of living on, holding their ports.
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // Line by line, so a line that arrives in two chunks is still prefixed and recognised whole.
  createInterface({ input: child.stdout }).on('line', (line) => {
    process.stdout.write(`[${name}] ${line}\n`);
    if (!ready.has(name) && stripVTControlCharacters(line).includes(readyLine[name])) {
      ready.add(name);
      if (ready.size === processes.length) printUrls();
    }
  });
  createInterface({ input: child.stderr }).on('line', (line) =>
    process.stderr.write(`[${name}] ${line}\n`),
  );
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      process.stderr.write(`[${name}] exited with ${code}; stopping\n`);
      stop(code);
    }
  });
  return child;
});

function stop(code = 0) {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // That group is gone already.
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

function printUrls() {
  process.stdout.write(
    [
      '',
      'Marketgate is ready:',
      `  GraphQL gateway   http://localhost:${gatewayPort}/graphql  (open in a browser for the IDE)`,
      `  Storefront (B2C)  http://localhost:${storefrontPort}`,
      `  Portal (B2B)      http://localhost:${portalPort}`,
      '  Demo accounts: see README.md (password demo-pass-123)',
      '',
    ].join('\n'),
  );
}
