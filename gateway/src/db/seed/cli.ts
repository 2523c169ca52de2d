import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/config.js';
import { User } from '../../modules/identity/user.entity.js';
import { createDataSource } from '../data-source.js';
import { DEMO_PRODUCTS } from './demo.js';
import { seedDemoHistory } from './demo-history.js';
import { seedCatalog } from './seed-catalog.js';

const usage = `usage: pnpm seed [--products N] [--reset]

Loads the demo accounts, sellers, categories and a generated catalog into the configured
database (DATABASE_URL, or the embedded database in DATA_DIR).

  --products N   generate N products (default ${DEMO_PRODUCTS})
  --reset        drop every table first, then migrate and seed
`;

function parseCount(text: string | undefined): number {
  if (text === undefined) return DEMO_PRODUCTS;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new ConfigError(`--products: not a count: ${text}`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      products: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const products = parseCount(values.products);
  const config = loadConfig();
  const dataSource = createDataSource(config.database, config.logSql);
  await dataSource.initialize();
  try {
    if (values.reset) await dataSource.dropDatabase();
    await dataSource.runMigrations({ transaction: 'each' });
    const users = await dataSource.manager.count(User);
    if (users > 0) {
      process.stderr.write(
        `The database already has ${users} user(s), so it was left as it is.\n` +
          'Run `pnpm seed --reset` to drop every table and load the demo afresh.\n',
      );
      return 1;
    }
    const bar = new SingleBar(
      { format: 'products {bar} {value}/{total} {percentage}% | {duration_formatted}' },
      Presets.shades_classic,
    );
    bar.start(products, 0);
    const summary = await seedCatalog(dataSource, products, (done) => bar.update(done));
    bar.stop();
    if (config.seedDemoHistory) await seedDemoHistory(config, dataSource);
    process.stdout.write(
      `Seeded ${summary.products} products and ${summary.variants} variants ` +
        `into ${config.database.type} in ${summary.seconds.toFixed(1)} s.\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (
    error instanceof ConfigError ||
    (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
  } else throw error;
}
