import { describe, expect, it } from 'vitest';
import { newOrderNumber } from './ordering.service.js';

describe('newOrderNumber', () => {
  it('is the day and eight Crockford base-32 characters', () => {
    expect(newOrderNumber(new Date('2026-11-28T23:59:59Z'))).toMatch(
      /^MG261128-[0-9A-HJKMNP-TV-Z]{8}$/,
    );
  });

  it('draws every character at every position', () => {
    // 2000 draws miss a given character at a given position with a chance of (31/32)^2000.
    const seen = Array.from({ length: 8 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const suffix = newOrderNumber(new Date()).slice(-8);
      [...suffix].forEach((c, position) => seen[position]!.add(c));
    }
    expect(seen.map((s) => s.size)).toEqual(Array(8).fill(32));
  });
});
