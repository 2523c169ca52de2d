import type { DataSource } from 'typeorm';
import { createContext } from '../../api/context.js';
import { logger } from '../../api/logger.js';
import type { Services } from '../../api/services.js';
import type { Config } from '../../config/config.js';

/**
 * Expires unconfirmed orders every `orderExpirySweepSeconds` in this process. Every gateway
 * process may run it: the transition is conditional, so an order expires exactly once.
 * Returns the function that stops it.
 */
export function startExpirySweep(
  config: Config,
  dataSource: DataSource,
  services: Services,
): () => Promise<void> {
  if (config.orderExpirySweepSeconds === 0) return async () => {};
  let running: Promise<void> = Promise.resolve();
  const sweep = async () => {
    try {
      const ctx = await createContext({ config, dataSource, services, token: null, clientIp: '' });
      const expired = await services.ordering.expireOverdue(ctx);
      if (expired > 0) logger.info({ expired }, 'expired unconfirmed orders');
    } catch (error) {
      logger.error({ err: error }, 'order expiry sweep failed');
    }
  };
  const timer = setInterval(() => {
    running = running.then(sweep);
  }, config.orderExpirySweepSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
