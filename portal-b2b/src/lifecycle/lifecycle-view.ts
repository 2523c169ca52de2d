import type { FunnelBucket } from '@marketgate/graphql-client';

/** Where a period starts, as its reader names it: a month ("Mar 2026") or a week's Monday. */
export function formatPeriod(start: string, bucket: FunnelBucket, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'MONTH'
      ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
      : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(start));
}

/** A conversion (0 to 1) as a percentage with at most one decimal. */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}
