import { describe, expect, it } from 'vitest';
import { parsePage, sortedPage } from './list-page';

describe('parsePage', () => {
  it('reads whole page numbers above 1 and falls back to the first page', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage('0')).toBe(1);
    expect(parsePage('2.5')).toBe(1);
    expect(parsePage('two')).toBe(1);
  });
});

describe('sortedPage', () => {
  const byValue = (a: number, b: number): number => a - b;

  it('sorts the whole list and cuts out the page asked for', () => {
    expect(sortedPage([5, 1, 4, 2, 3], byValue, 2, 2)).toEqual({
      rows: [3, 4],
      page: 2,
      pageCount: 3,
    });
  });

  it('shows the last page for a page past the end, and one empty page for no items', () => {
    expect(sortedPage([2, 1, 3], byValue, 9, 2)).toEqual({ rows: [3], page: 2, pageCount: 2 });
    expect(sortedPage([], byValue, 1, 2)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });
});
