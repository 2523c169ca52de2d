import { describe, expect, it } from 'vitest';
import { AccountType, LifecycleStage } from './audience.entity.js';
import {
  MAX_RULES,
  normaliseRule,
  normaliseTag,
  proposeStage,
  SegmentRuleKind as K,
  type SegmentRuleFields,
} from './segment-rule.js';

const problemsOf = (rule: SegmentRuleFields, type = AccountType.COMPANY) => {
  const checked = normaliseRule(rule, type, 'rule');
  return 'problems' in checked ? checked.problems : [];
};

describe('normaliseTag', () => {
  it('folds case, width and spaces', () => {
    expect(normaliseTag('  VIP   Gold ')).toBe('vip gold');
    expect(normaliseTag('ＶＩＰ')).toBe('vip');
    expect(normaliseTag('重要客户')).toBe('重要客户');
    expect(normaliseTag('b2b/east-region_2026')).toBe('b2b/east-region_2026');
  });

  it('refuses what is no tag', () => {
    for (const text of ['', '   ', '-vip', 'vip.', 'a!b', 'x'.repeat(41), 'nul\u0000here']) {
      expect(normaliseTag(text), JSON.stringify(text)).toBeNull();
    }
    expect(normaliseTag('x'.repeat(40))).toBe('x'.repeat(40));
  });
});

describe('normaliseRule', () => {
  it('keeps only the parameters of each kind, tags normalised', () => {
    const checked = normaliseRule(
      {
        kind: K.ALL,
        days: null,
        rules: [
          { kind: K.REPEAT_BUYER, count: 2, days: 30, tag: null, stage: undefined },
          { kind: K.HAS_TAG, tag: ' Key Account ' },
          {
            kind: K.ANY,
            rules: [
              { kind: K.OPEN_RFQ },
              { kind: K.LIFECYCLE_STAGE, stage: LifecycleStage.GROWTH },
            ],
          },
        ],
      },
      AccountType.COMPANY,
      'rule',
    );
    expect(checked).toEqual({
      rule: {
        kind: K.ALL,
        rules: [
          { kind: K.REPEAT_BUYER, count: 2, days: 30 },
          { kind: K.HAS_TAG, tag: 'key account' },
          {
            kind: K.ANY,
            rules: [{ kind: K.OPEN_RFQ }, { kind: K.LIFECYCLE_STAGE, stage: 'GROWTH' }],
          },
        ],
      },
    });
  });

  it('reports every problem at its path', () => {
    expect(
      problemsOf(
        {
          kind: K.ANY,
          rules: [
            { kind: K.HIGH_VALUE, amount: 1.5, days: 3651 },
            { kind: K.LAPSED },
            { kind: K.FIRST_TIME_BUYER, rules: [] },
          ],
        },
        AccountType.CONSUMER,
      ),
    ).toEqual([
      {
        path: 'rule.rules.0.days',
        message: 'days must be from 1 to 3650',
        code: 'RANGE',
        params: { min: 1, max: 3650 },
      },
      {
        path: 'rule.rules.0.amount',
        message: 'amount must be from 1 to 2000000000',
        code: 'RANGE',
        params: { min: 1, max: 2000000000 },
      },
      { path: 'rule.rules.1.days', message: 'LAPSED needs days', code: 'REQUIRED' },
      {
        path: 'rule.rules.2.rules',
        message: 'FIRST_TIME_BUYER takes no rules',
        code: 'NOT_APPLICABLE',
      },
    ]);
  });

  it('keeps company kinds to company segments', () => {
    for (const kind of [K.LIFECYCLE_STAGE, K.CONTRACT_ENDING, K.QUOTE_LOST, K.OPEN_RFQ]) {
      const paths = problemsOf({ kind }, AccountType.CONSUMER).map((p) => p.path);
      expect(paths).toContain('rule.kind');
    }
    expect(problemsOf({ kind: K.REPEAT_BUYER, count: 1, days: 1 })).toEqual([
      {
        path: 'rule.count',
        message: 'count must be from 2 to 1000',
        code: 'RANGE',
        params: { min: 2, max: 1000 },
      },
    ]);
  });

  it('bounds groups: size, depth and the rules in all', () => {
    expect(problemsOf({ kind: K.ALL, rules: Array(11).fill({ kind: K.OPEN_RFQ }) })).toEqual([
      {
        path: 'rule.rules',
        message: 'A group holds 1 to 10 rules',
        code: 'ITEMS_RANGE',
        params: { min: 1, max: 10 },
      },
    ]);
    const nest = (depth: number): SegmentRuleFields =>
      depth === 0 ? { kind: K.OPEN_RFQ } : { kind: K.ANY, rules: [nest(depth - 1)] };
    expect(problemsOf(nest(3))).toEqual([]);
    expect(problemsOf(nest(4))).toEqual([
      {
        path: 'rule.rules.0.rules.0.rules',
        message: 'Groups nest at most 3 deep',
        code: 'NESTING',
        params: { max: 3 },
      },
    ]);
    const wide = {
      kind: K.ALL,
      rules: Array(10).fill({ kind: K.ANY, rules: Array(3).fill({ kind: K.OPEN_RFQ }) }),
    };
    expect(problemsOf(wide)).toEqual([
      {
        path: 'rule',
        message: `A segment has at most ${MAX_RULES} rules in all`,
        code: 'MAX_ITEMS',
        params: { max: MAX_RULES },
      },
    ]);
  });
});

describe('proposeStage', () => {
  const thresholds = { growthSpend: 100, matureSpend: 1_000 };
  it('proposes by spend, each threshold included', () => {
    expect(proposeStage(0, thresholds)).toBe('STARTUP');
    expect(proposeStage(99, thresholds)).toBe('STARTUP');
    expect(proposeStage(100, thresholds)).toBe('GROWTH');
    expect(proposeStage(999, thresholds)).toBe('GROWTH');
    expect(proposeStage(1_000, thresholds)).toBe('MATURE');
  });
});
