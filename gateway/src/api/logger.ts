import { pino } from 'pino';

/** Structured JSON logs on stdout (one line per event). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'gateway' },
});
