import { describe, expect, it } from 'vitest';
import { pairedRatio } from './ratio.js';

describe('pairedRatio', () => {
  it('is the median of the rounds’ ratios, so one round the machine slowed does not decide it', () => {
    // Round 2's baseline ran in a slow stretch: the pooled rates would say 0.53x.
    expect(pairedRatio([500, 500, 500], [1000, 500, 1000])).toBe(0.5);
    expect(pairedRatio([400, 600], [1000, 1000])).toBe(0.5);
  });
});
