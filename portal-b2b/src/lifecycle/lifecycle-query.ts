import type { FunnelBucket, LifecycleFunnelInput } from '@marketgate/graphql-client';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/** The longest range the gateway takes, in days. */
export const MAX_RANGE_DAYS = 731;
const DAY_MS = 86_400_000;
const isDay = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard as its URL keeps it (`?from=2026-01-01&to=2026-06-30&bucket=WEEK`), in UTC days. */
export interface LifecycleQuery {
  from: string;
  /** The last day shown (inclusive). */
  to: string;
  bucket: FunnelBucket;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const valid = (day: unknown): day is string =>
  typeof day === 'string' && isDay.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`));

/** The default: the last twelve months by month, up to `today`. */
export function defaultLifecycleQuery(today: Date): LifecycleQuery {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  return { from: dayOf(from), to: dayOf(today), bucket: 'MONTH' };
}

export function parseLifecycleQuery(query: LocationQuery, today: Date): LifecycleQuery {
  const fallback = defaultLifecycleQuery(today);
  return {
    from: valid(query.from) ? query.from : fallback.from,
    to: valid(query.to) ? query.to : fallback.to,
    bucket: query.bucket === 'WEEK' ? 'WEEK' : 'MONTH',
  };
}

export function toLifecycleRouteQuery(query: LifecycleQuery): LocationQueryRaw {
  return { from: query.from, to: query.to, bucket: query.bucket };
}

/** Why the range cannot be asked for, or null: `order` (ends before it starts) or `span`. */
export function rangeProblem(query: LifecycleQuery): 'order' | 'span' | null {
  const { from, to } = toFunnelInput(query);
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) return 'order';
  return span > MAX_RANGE_DAYS * DAY_MS ? 'span' : null;
}

/** The gateway's input: from the first day's start to the end of the last day. */
export function toFunnelInput(query: LifecycleQuery): LifecycleFunnelInput {
  const to = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS);
  return { from: `${query.from}T00:00:00.000Z`, to: to.toISOString(), bucket: query.bucket };
}
