// Starts the gateway (embedded database, demo data on first start) and both frontends.
// `node scripts/start.mjs` serves the built apps; `--dev` runs everything in watch mode.
import { spawn } from 'node:child_process';

const dev = process.argv.includes('--dev');
const gatewayPort = process.env.PORT ?? '4000';
const env = {
  ...process.env,
  PORT: gatewayPort,
  SEED_DEMO: process.env.SEED_DEMO ?? 'true',
  DATA_DIR: process.env.DATA_DIR ?? new URL('../data', import.meta.url).pathname,
  GATEWAY_URL: `http://127.0.0.1:${gatewayPort}`,
};

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
  ['storefront', 'pnpm', ['--filter', '@marketgate/storefront-b2c', dev ? 'dev' : 'preview']],
  ['portal', 'pnpm', ['--filter', '@marketgate/portal-b2b', dev ? 'dev' : 'preview']],
];

const children = processes.map(([name, command, args]) => {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      process.stderr.write(`[${name}] exited with ${code}; stopping\n`);
      stop(code);
    }
  });
  return child;
});

function stop(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

setTimeout(() => {
  process.stdout.write(
    [
      '',
      'Marketgate is starting:',
      `  GraphQL gateway   http://localhost:${gatewayPort}/graphql  (open in a browser for the IDE)`,
      '  Storefront (B2C)  http://localhost:5173',
      '  Portal (B2B)      http://localhost:5174',
      '  Demo accounts: see README.md (password demo-pass-123)',
      '',
    ].join('\n'),
  );
}, 4000);
