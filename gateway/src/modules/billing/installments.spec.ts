import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueAt,
  scheduleProblems,
  scheduleSplit,
  splitInstallments,
  type MilestoneSpec,
  type MilestoneTrigger,
} from './installments.js';

function pct(percentBp: number, extra: Partial<MilestoneSpec> = {}): MilestoneSpec {
  return {
    label: 'Stage',
    percentBp,
    amount: null,
    trigger: 'ON_SIGNING',
    dueDate: null,
    netDays: 0,
    ...extra,
  };
}

function fixed(amount: number, extra: Partial<MilestoneSpec> = {}): MilestoneSpec {
  return { ...pct(0), percentBp: null, amount, ...extra };
}

function onDate(dueDate: string | null, netDays = 0): MilestoneSpec {
  return pct(10_000, { trigger: 'ON_DATE', dueDate, netDays });
}

/** The single problem a schedule has, so each test pins both the index and the rule. */
function onlyProblem(total: number, milestones: MilestoneSpec[]) {
  const problems = scheduleProblems(total, milestones);
  expect(problems).toHaveLength(1);
  return problems[0];
}

function sum(parts: number[]): bigint {
  return parts.reduce((acc, p) => acc + BigInt(p), 0n);
}

describe('splitInstallments', () => {
  it('splits 30/40/30 of 1000 exactly', () => {
    expect(splitInstallments(1000, [pct(3000), pct(4000), pct(3000)])).toEqual([300, 400, 300]);
  });

  it('gives the rounding remainder to the last percentage milestone', () => {
    const parts = splitInstallments(100, [pct(3333), pct(3333), pct(3334)]);
    expect(parts).toEqual([33, 33, 34]);
    expect(sum(parts)).toBe(100n);
  });

  it('takes fixed amounts first and splits the rest by percentage', () => {
    expect(splitInstallments(100_001, [fixed(5000), pct(5000), pct(5000)])).toEqual([
      5000, 47_500, 47_501,
    ]);
  });

  it('gives the remainder to the last percentage milestone even when a fixed one follows it', () => {
    expect(splitInstallments(4, [pct(5000), pct(5000), fixed(1)])).toEqual([1, 2, 1]);
  });

  it('pays fixed-only schedules as given', () => {
    expect(splitInstallments(1000, [fixed(300), fixed(700)])).toEqual([300, 700]);
    expect(splitInstallments(42, [fixed(42)])).toEqual([42]);
  });

  it('lets a share floor to 0 when the total is too small', () => {
    expect(splitInstallments(0, [pct(10_000)])).toEqual([0]);
    expect(splitInstallments(1, [pct(1), pct(1), pct(9998)])).toEqual([0, 0, 1]);
    expect(splitInstallments(500, [fixed(500), pct(10_000)])).toEqual([500, 0]);
  });

  it('stays exact for totals up to Number.MAX_SAFE_INTEGER', () => {
    const total = Number.MAX_SAFE_INTEGER;
    const parts = splitInstallments(total, [pct(3333), pct(3333), pct(3334)]);
    const floor = (BigInt(total) * 3333n) / 10_000n;
    expect(parts.slice(0, 2).map(BigInt)).toEqual([floor, floor]);
    expect(sum(parts)).toBe(BigInt(total));
  });

  it('throws on an invalid schedule, naming the problem', () => {
    expect(() => splitInstallments(1000, [pct(3000), pct(3000)])).toThrow(/6000 bp/);
    expect(() => splitInstallments(1000, [])).toThrow(/at least one milestone/);
  });
});

describe('scheduleProblems', () => {
  it('accepts a valid mixed schedule', () => {
    expect(
      scheduleProblems(10_000, [
        fixed(1000, { label: ' Deposit ', netDays: 365 }),
        pct(6000, { trigger: 'ON_DELIVERY', netDays: 30 }),
        pct(4000, { trigger: 'ON_DATE', dueDate: '2024-02-29' }),
      ]),
    ).toEqual([]);
  });

  it('rejects an invalid total', () => {
    for (const total of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(onlyProblem(total, [pct(10_000)])).toEqual({
        index: null,
        code: 'INVALID_TOTAL',
        message: expect.stringMatching(/total/),
      });
    }
  });

  it('needs 1 to 12 milestones', () => {
    expect(onlyProblem(100, [])).toEqual({
      index: null,
      code: 'NO_MILESTONES',
      message: expect.stringMatching(/least/),
    });
    const thirteen = Array.from({ length: 13 }, () => fixed(1));
    expect(onlyProblem(13, thirteen)).toEqual({
      index: null,
      code: 'TOO_MANY_MILESTONES',
      message: expect.stringMatching(/at most 12/),
    });
    expect(scheduleProblems(12, thirteen.slice(1))).toEqual([]);
  });

  it('needs a label of 1 to 80 characters after trimming', () => {
    for (const label of ['', '   ', 'x'.repeat(81)]) {
      expect(onlyProblem(100, [fixed(50), fixed(50, { label })])).toEqual({
        index: 1,
        code: 'LABEL',
        message: expect.stringMatching(/label/),
      });
    }
    expect(scheduleProblems(100, [fixed(100, { label: ` ${'x'.repeat(80)} ` })])).toEqual([]);
  });

  it('needs netDays to be an integer from 0 to 365', () => {
    for (const netDays of [-1, 366, 1.5, Number.NaN]) {
      expect(onlyProblem(100, [fixed(50), fixed(50, { netDays })])).toEqual({
        index: 1,
        code: 'NET_DAYS',
        message: expect.stringMatching(/netDays/),
      });
    }
  });

  it('needs exactly one of percentBp and amount', () => {
    const both = { ...pct(5000), amount: 50 };
    const neither = { ...pct(5000), percentBp: null };
    for (const m of [both, neither]) {
      expect(onlyProblem(100, [pct(10_000), m])).toEqual({
        index: 1,
        code: 'ONE_SHARE',
        message: expect.stringMatching(/Exactly one of percentBp and amount/),
      });
    }
  });

  it('needs percentBp to be an integer from 1 to 10000', () => {
    for (const bp of [0, -1, 10_001, 12.5]) {
      expect(onlyProblem(100, [fixed(100), pct(bp)])).toEqual({
        index: 1,
        code: 'PERCENT',
        message: expect.stringMatching(/percentBp/),
      });
    }
  });

  it('needs amount to be a safe integer of at least 1', () => {
    for (const amount of [0, -5, 1.5, 2 ** 53]) {
      expect(onlyProblem(100, [pct(10_000), fixed(amount)])).toEqual({
        index: 1,
        code: 'AMOUNT',
        message: expect.stringMatching(/amount/),
      });
    }
  });

  it('needs a real calendar dueDate on ON_DATE milestones', () => {
    for (const dueDate of [
      null,
      '2025-02-30',
      '2023-02-29',
      '2025-13-01',
      '2025-1-05',
      '0000-01-01',
    ]) {
      expect(onlyProblem(100, [onDate(dueDate)])).toEqual({
        index: 0,
        code: 'DUE_DATE',
        message: expect.stringMatching(/dueDate/),
      });
    }
    for (const dueDate of ['2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01']) {
      expect(scheduleProblems(100, [onDate(dueDate)])).toEqual([]);
    }
  });

  it('takes a dueDate only on ON_DATE milestones', () => {
    expect(
      onlyProblem(100, [
        fixed(50),
        pct(10_000, { trigger: 'ON_ACCEPTANCE', dueDate: '2025-06-01' }),
      ]),
    ).toEqual({
      index: 1,
      code: 'DUE_DATE_NOT_ON_DATE',
      message: expect.stringMatching(/Only ON_DATE/),
    });
  });

  it('rejects an unknown trigger', () => {
    const trigger = 'ON_WHIM' as unknown as MilestoneTrigger;
    expect(onlyProblem(100, [pct(10_000, { trigger })])).toEqual({
      index: 0,
      code: 'TRIGGER',
      message: expect.stringMatching(/Unknown trigger/),
    });
  });

  it('rejects fixed amounts above the total', () => {
    expect(onlyProblem(100, [fixed(60), fixed(41), pct(10_000)])).toEqual({
      index: null,
      code: 'FIXED_OVER_TOTAL',
      message: expect.stringMatching(/more than the total/),
    });
  });

  it('needs percentages to add up to exactly 10000 bp', () => {
    for (const bps of [[5000, 4999], [5000, 5001], [3000]]) {
      expect(
        onlyProblem(
          100,
          bps.map((bp) => pct(bp)),
        ),
      ).toEqual({
        index: null,
        code: 'PERCENT_SUM',
        message: expect.stringMatching(/10000 bp/),
      });
    }
  });

  it('needs fixed-only schedules to add up to the total', () => {
    expect(onlyProblem(100, [fixed(30), fixed(60)])).toEqual({
      index: null,
      code: 'FIXED_SUM',
      message: expect.stringMatching(/must add up to the total/),
    });
  });

  it('reports every problem of every milestone, in milestone order', () => {
    const problems = scheduleProblems(100, [fixed(0, { label: '' }), pct(5000, { netDays: 400 })]);
    expect(problems.map((p) => p.index)).toEqual([0, 0, 1]);
  });
});

describe('scheduleSplit', () => {
  it('answers the amounts of a sound schedule, as splitInstallments splits it', () => {
    const milestones = [pct(3333), pct(3333), pct(3334)];
    expect(scheduleSplit(100_001, milestones)).toEqual({
      problems: [],
      amounts: splitInstallments(100_001, milestones),
      percentBp: 10_000,
    });
    expect(scheduleSplit(100_001, milestones).amounts).toEqual([33_330, 33_330, 33_341]);
  });

  it('answers the problems scheduleProblems finds and no amounts otherwise', () => {
    const milestones = [pct(5000), pct(4000), fixed(0)];
    expect(scheduleSplit(100, milestones)).toEqual({
      problems: scheduleProblems(100, milestones),
      amounts: null,
      percentBp: 9000,
    });
    expect(scheduleSplit(100, [pct(5000), pct(4000)]).problems[0]?.code).toBe('PERCENT_SUM');
  });
});

/** k >= 1 basis-point shares, each >= 1, adding up to 10000 (cut points on 1..9999). */
const percentBps = fc
  .integer({ min: 1, max: 8 })
  .chain((k) =>
    fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: k - 1, maxLength: k - 1 }),
  )
  .map((cuts) => differences([...cuts, 10_000]));

/** Up to 4 fixed amounts, each >= 1, adding up to at most the total (sometimes exactly it). */
function fixedAmounts(total: number): fc.Arbitrary<number[]> {
  if (total === 0) return fc.constant([]);
  return fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: total }), { maxLength: 3 }), fc.boolean())
    .map(([cuts, upToTotal]) =>
      differences(upToTotal && !cuts.includes(total) ? [...cuts, total] : cuts),
    );
}

/** Gaps between sorted distinct cut points, starting from 0. */
function differences(cuts: number[]): number[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.map((c, i) => c - (i === 0 ? 0 : (sorted[i - 1] ?? 0)));
}

const schedules = fc.integer({ min: 0, max: 1e12 }).chain((total) =>
  fc.tuple(percentBps, fixedAmounts(total)).chain(([bps, amounts]) => {
    const milestones = [...bps.map((bp) => pct(bp)), ...amounts.map((a) => fixed(a))];
    return fc
      .shuffledSubarray(milestones, { minLength: milestones.length, maxLength: milestones.length })
      .map((shuffled) => ({ total, milestones: shuffled }));
  }),
);

describe('splitInstallments properties', () => {
  it('splits any valid schedule exactly, deterministically, with fixed amounts unchanged', () => {
    fc.assert(
      fc.property(schedules, ({ total, milestones }) => {
        const before = structuredClone(milestones);
        expect(scheduleProblems(total, milestones)).toEqual([]);
        const parts = splitInstallments(total, milestones);

        expect(parts).toHaveLength(milestones.length);
        expect(sum(parts)).toBe(BigInt(total));
        for (const p of parts) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);

        milestones.forEach((m, i) => {
          if (m.amount !== null) expect(parts[i]).toBe(m.amount);
        });
        // Percentage parts sit on their floors, but for the last one, which takes the leftover:
        // each floor loses less than 1, so k of them leave at most k - 1.
        const fixedSum = milestones.reduce((acc, m) => acc + BigInt(m.amount ?? 0), 0n);
        const remaining = BigInt(total) - fixedSum;
        const overFloor = milestones.flatMap((m, i) =>
          m.percentBp === null
            ? []
            : [BigInt(parts[i] ?? 0) - (remaining * BigInt(m.percentBp)) / 10_000n],
        );
        const leftover = overFloor.pop() ?? 0n;
        expect(overFloor.every((x) => x === 0n)).toBe(true);
        expect(leftover >= 0n && leftover <= BigInt(overFloor.length)).toBe(true);

        expect(splitInstallments(total, milestones)).toEqual(parts);
        expect(milestones).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays exact for percentage schedules of any safe total', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), percentBps, (total, bps) => {
        const parts = splitInstallments(
          total,
          bps.map((bp) => pct(bp)),
        );
        expect(sum(parts)).toBe(BigInt(total));
        expect(parts.every((p) => p >= 0 && p <= total)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('dueAt', () => {
  const signedAt = new Date('2025-01-10T08:30:00Z');

  it('dates ON_DATE milestones from dueDate, to the end of the day, ignoring triggeredAt', () => {
    expect(dueAt(onDate('2025-03-01', 30), null)).toEqual(new Date('2025-03-31T23:59:59.999Z'));
    expect(dueAt(onDate('2025-03-01', 30), signedAt)).toEqual(new Date('2025-03-31T23:59:59.999Z'));
    expect(dueAt(onDate('2024-02-28', 1), null)).toEqual(new Date('2024-02-29T23:59:59.999Z'));
    expect(dueAt(onDate('0050-06-15'), null)?.toISOString()).toBe('0050-06-15T23:59:59.999Z');
  });

  it('is unknown until a non-dated milestone is triggered', () => {
    expect(dueAt(pct(10_000, { trigger: 'ON_DELIVERY', netDays: 10 }), null)).toBeNull();
  });

  it('runs to the end of the day netDays after the trigger', () => {
    expect(dueAt(pct(10_000, { netDays: 15 }), signedAt)).toEqual(
      new Date('2025-01-25T23:59:59.999Z'),
    );
    expect(dueAt(pct(10_000, { trigger: 'ON_ACCEPTANCE' }), signedAt)).toEqual(
      new Date('2025-01-10T23:59:59.999Z'),
    );
  });

  it('throws when no due time can be computed', () => {
    expect(() => dueAt(onDate('2025-02-30'), null)).toThrow(/dueDate/);
    expect(() => dueAt(pct(10_000, { netDays: 400 }), signedAt)).toThrow(/netDays/);
    expect(() => dueAt(pct(10_000), new Date(Number.NaN))).toThrow(/triggeredAt/);
  });
});
