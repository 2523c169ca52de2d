import type { DataSource } from 'typeorm';
import { createContext } from '../api/context.js';
import { logger } from '../api/logger.js';
import type { Services } from '../api/services.js';
import type { Config } from '../config/config.js';

/**
 * Periodic housekeeping in this process, every `sweepIntervalSeconds`: expires orders left
 * unconfirmed (freeing their stock) and deletes guest carts nobody touched for
 * `guestCartTtlSeconds`. Every gateway process may run it: each step is a conditional write, so
 * an order expires exactly once. Returns the function that stops it.
 */
export function startSweep(
  config: Config,
  dataSource: DataSource,
  services: Services,
): () => Promise<void> {
  if (config.sweepIntervalSeconds === 0) return async () => {};
  let running: Promise<void> = Promise.resolve();
  const sweep = async () => {
    try {
      const ctx = await createContext({
        config,
        dataSource,
        services,
        token: null,
        clientIp: '',
        fixedNow: null,
      });
      const expired = await services.ordering.expireOverdue(ctx);
      const carts = await services.cart.deleteAbandonedGuestCarts(ctx);
      if (expired > 0 || carts > 0)
        logger.info({ expired, carts }, 'sweep: expired orders, deleted guest carts');
    } catch (error) {
      logger.error({ err: error }, 'sweep failed');
    }
  };
  const timer = setInterval(() => {
    running = running.then(sweep);
  }, config.sweepIntervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
