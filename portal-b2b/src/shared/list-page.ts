import type { LocationQueryValue } from 'vue-router';

/** The page number the address bar asks for: a whole number above 1, else the first page. */
export function parsePage(value: LocationQueryValue | LocationQueryValue[] | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/**
 * For lists the gateway answers whole (unsorted beyond its own order, unpaged): sorts them here
 * and cuts out one page; a page past the end shows the last one.
 */
export function sortedPage<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  page: number,
  pageSize: number,
): { rows: T[]; page: number; pageCount: number } {
  const sorted = [...items].sort(compare);
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const shown = Math.min(page, pageCount);
  return { rows: sorted.slice((shown - 1) * pageSize, shown * pageSize), page: shown, pageCount };
}
