import { describe, expect, it } from 'vitest';
import {
  changeKind,
  kindsFor,
  newCondition,
  newGroup,
  toDraft,
  toRuleInput,
  type StoredRule,
} from './rule-draft';

describe('the rule builder’s draft', () => {
  it('maps nested groups to SegmentRuleInput, each kind with exactly its parameters', () => {
    const tag = { ...newCondition('HAS_TAG', 'CNY'), tag: 'vip', days: '7' };
    const ending = newCondition('CONTRACT_ENDING', 'CNY');
    const spend = { ...newCondition('HIGH_VALUE', 'CNY'), amount: '5,000.50', days: '365' };
    const repeat = { ...newCondition('REPEAT_BUYER', 'CNY'), count: '3', days: ' 60 ' };
    const stage = { ...newCondition('LIFECYCLE_STAGE', 'CNY'), stage: 'GROWTH' as const };
    const root = newGroup('ANY', [
      tag,
      ending,
      newGroup('ALL', [spend, repeat, stage, newCondition('OPEN_RFQ', 'CNY')]),
    ]);

    expect(toRuleInput(root)).toEqual({
      problems: {},
      input: {
        kind: 'ANY',
        rules: [
          { kind: 'HAS_TAG', tag: 'vip' },
          { kind: 'CONTRACT_ENDING', days: 90 },
          {
            kind: 'ALL',
            rules: [
              { kind: 'HIGH_VALUE', amount: 500050, days: 365 },
              { kind: 'REPEAT_BUYER', count: 3, days: 60 },
              { kind: 'LIFECYCLE_STAGE', stage: 'GROWTH' },
              { kind: 'OPEN_RFQ' },
            ],
          },
        ],
      },
    });
  });

  it('sends an empty number as null for the gateway to require, and keeps text that is no number', () => {
    const empty = { ...newCondition('LAPSED', 'CNY'), days: '' };
    const words = { ...newCondition('REPEAT_BUYER', 'CNY'), count: 'two' };
    const amount = { ...newCondition('HIGH_VALUE', 'CNY'), amount: '12.345' };
    expect(toRuleInput(newGroup('ALL', [empty])).input).toEqual({
      kind: 'ALL',
      rules: [{ kind: 'LAPSED', days: null }],
    });
    expect(toRuleInput(newGroup('ALL', [empty, newGroup('ANY', [words, amount])]))).toEqual({
      input: null,
      problems: {
        'rule.rules.1.rules.0.count': 'wholeNumber',
        'rule.rules.1.rules.1.amount': 'amount',
      },
    });
  });

  it('reads a stored rule back, a single condition as the one rule of an ALL group', () => {
    const stored: StoredRule = {
      kind: 'ANY',
      rules: [
        { kind: 'HIGH_VALUE', amount: { amount: 120000, currency: 'CNY' }, days: 90 },
        { kind: 'ALL', rules: [{ kind: 'HAS_TAG', tag: 'key account' }] },
      ],
    };
    expect(toRuleInput(toDraft(stored, 'CNY')).input).toEqual({
      kind: 'ANY',
      rules: [
        { kind: 'HIGH_VALUE', amount: 120000, days: 90 },
        { kind: 'ALL', rules: [{ kind: 'HAS_TAG', tag: 'key account' }] },
      ],
    });
    const draft = toDraft({ kind: 'QUOTE_LOST', days: 30 }, 'CNY');
    expect(draft.kind).toBe('ALL');
    expect(toRuleInput(draft).input).toEqual({
      kind: 'ALL',
      rules: [{ kind: 'QUOTE_LOST', days: 30 }],
    });
  });

  it('reads a high-value amount in the platform currency’s minor units', () => {
    const yen = { ...newCondition('HIGH_VALUE', 'JPY'), amount: '5000', days: '30' };
    expect(toRuleInput(newGroup('ALL', [yen])).input).toEqual({
      kind: 'ALL',
      rules: [{ kind: 'HIGH_VALUE', amount: 5000, days: 30 }],
    });
    const yuan = { ...newCondition('HIGH_VALUE', 'CNY'), amount: '5000', days: '30' };
    expect(toRuleInput(newGroup('ALL', [yuan])).input).toEqual({
      kind: 'ALL',
      rules: [{ kind: 'HIGH_VALUE', amount: 500000, days: 30 }],
    });
  });

  it('keeps what was typed when a condition changes kind, and takes the new kind’s defaults', () => {
    const rule = { ...newCondition('LAPSED', 'CNY'), count: '5' };
    changeKind(rule, 'CONTRACT_ENDING');
    expect(rule).toMatchObject({ kind: 'CONTRACT_ENDING', days: '90', count: '5' });
    rule.days = '45';
    changeKind(rule, 'QUOTE_LOST');
    expect(rule).toMatchObject({ kind: 'QUOTE_LOST', days: '45' });
  });

  it('offers the company-only conditions for company segments only', () => {
    expect(kindsFor('CONSUMER')).toEqual([
      'FIRST_TIME_BUYER',
      'REPEAT_BUYER',
      'LAPSED',
      'HIGH_VALUE',
      'HAS_TAG',
    ]);
    expect(kindsFor('COMPANY')).toEqual([
      ...kindsFor('CONSUMER'),
      'LIFECYCLE_STAGE',
      'CONTRACT_ENDING',
      'QUOTE_LOST',
      'OPEN_RFQ',
    ]);
  });
});
