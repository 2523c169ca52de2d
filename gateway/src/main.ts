import 'reflect-metadata';
import { startGateway } from './app.js';
import { logger } from './api/logger.js';
import { ConfigError, loadConfig } from './config/config.js';
import { seedDemoIfEmpty } from './db/seed/demo.js';
import { seedDemoHistory } from './db/seed/demo-history.js';

try {
  const config = loadConfig();
  const gateway = await startGateway(config);
  if (config.seedDemo && (await seedDemoIfEmpty(gateway.dataSource))) {
    if (config.seedDemoHistory) await seedDemoHistory(config, gateway.dataSource);
    logger.info('loaded the demo catalog and accounts (password demo-pass-123)');
  }
  logger.info(
    { url: gateway.url, database: config.database.type },
    `gateway ready at ${gateway.url}`,
  );
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}
