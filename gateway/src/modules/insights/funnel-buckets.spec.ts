import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts, FunnelBucket } from './funnel-buckets.js';

const at = (iso: string) => new Date(iso);
const isos = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10));

describe('funnel buckets', () => {
  it('weeks start on Monday 00:00 UTC', () => {
    expect(bucketStart(at('2026-03-04T13:00:00Z'), FunnelBucket.WEEK)).toEqual(
      at('2026-03-02T00:00:00Z'),
    );
    expect(bucketStart(at('2026-03-08T23:59:59Z'), FunnelBucket.WEEK)).toEqual(
      at('2026-03-02T00:00:00Z'),
    );
    expect(bucketStart(at('2026-03-09T00:00:00Z'), FunnelBucket.WEEK)).toEqual(
      at('2026-03-09T00:00:00Z'),
    );
  });

  it('months start on the 1st 00:00 UTC', () => {
    expect(bucketStart(at('2026-02-28T23:59:59Z'), FunnelBucket.MONTH)).toEqual(
      at('2026-02-01T00:00:00Z'),
    );
  });

  it('covers the range, the first bucket holding its start and none starting at its end', () => {
    expect(
      isos(
        bucketStarts(at('2026-01-15T00:00:00Z'), at('2026-04-01T00:00:00Z'), FunnelBucket.MONTH),
      ),
    ).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(
      isos(bucketStarts(at('2026-12-30T00:00:00Z'), at('2027-01-12T00:00:00Z'), FunnelBucket.WEEK)),
    ).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
  });
});
