import { registerEnumType } from 'type-graphql';

export enum FunnelBucket {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(FunnelBucket, {
  name: 'FunnelBucket',
  description: 'How a funnel is split over time, in UTC.',
  valuesConfig: {
    WEEK: { description: 'ISO weeks, from Monday 00:00 UTC.' },
    MONTH: { description: 'Calendar months, from the 1st 00:00 UTC.' },
  },
});

/** The longest range a funnel covers: two years and a leap day. */
export const MAX_RANGE_DAYS = 731;

/** Where the UTC bucket holding `at` starts: its ISO week's Monday, or its month's 1st. */
export function bucketStart(at: Date, bucket: FunnelBucket): Date {
  if (bucket === FunnelBucket.MONTH) {
    return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  }
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * 86_400_000);
}

/** The starts of the buckets covering [from, to), in order: the first holds `from`. */
export function bucketStarts(from: Date, to: Date, bucket: FunnelBucket): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStart(from, bucket); start < to; start = next(start, bucket)) {
    starts.push(start);
  }
  return starts;
}

function next(start: Date, bucket: FunnelBucket): Date {
  return bucket === FunnelBucket.MONTH
    ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    : new Date(start.getTime() + 7 * 86_400_000);
}
