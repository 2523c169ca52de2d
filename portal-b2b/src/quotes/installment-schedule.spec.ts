import { describe, expect, it } from 'vitest';
import {
  checkMilestones,
  draftsOf,
  milestoneDraft,
  parsePercent,
  percentText,
} from './installment-schedule';

describe('percentages as typed', () => {
  it.each([
    ['30', 3000],
    ['12.5', 1250],
    ['33.33', 3333],
    ['0.01', 1],
    ['100', 10_000],
    [' 7 ', 700],
  ])('reads %j as %i bp', (text, bp) => {
    expect(parsePercent(text)).toBe(bp);
  });

  it.each(['', '0', '100.01', '101', '33.333', '-5', '1e2', '30%', 'abc'])('refuses %j', (text) => {
    expect(parsePercent(text)).toBeNull();
  });

  it.each([3000, 1250, 3333, 3305, 1, 10_000])('writes %i bp back as it reads', (bp) => {
    expect(parsePercent(percentText(bp))).toBe(bp);
  });
});

describe('checkMilestones', () => {
  it('builds the milestones the gateway takes once every field reads right', () => {
    const check = checkMilestones(
      [
        milestoneDraft({ label: ' Deposit ', share: 'fixed', value: '100' }),
        milestoneDraft({ label: 'Delivery', value: '50', trigger: 'ON_DELIVERY' }),
        milestoneDraft({
          label: 'Final',
          value: '50',
          trigger: 'ON_DATE',
          dueDate: '2027-02-28',
          netDays: '15',
        }),
      ],
      'CNY',
    );
    expect(check.milestones.map((m) => m.problems)).toEqual([{}, {}, {}]);
    expect(check.inputs).toEqual([
      {
        label: 'Deposit',
        percentBp: null,
        amount: 10_000,
        trigger: 'ON_SIGNING',
        dueDate: null,
        netDays: 0,
      },
      {
        label: 'Delivery',
        percentBp: 5000,
        amount: null,
        trigger: 'ON_DELIVERY',
        dueDate: null,
        netDays: 0,
      },
      {
        label: 'Final',
        percentBp: 5000,
        amount: null,
        trigger: 'ON_DATE',
        dueDate: '2027-02-28',
        netDays: 15,
      },
    ]);
  });

  it('names what it cannot read, and builds nothing until every milestone reads right', () => {
    const check = checkMilestones(
      [
        milestoneDraft({ label: 'A', value: '100', trigger: 'ON_DATE', dueDate: '2027-02-30' }),
        milestoneDraft({ label: '', share: 'fixed', value: '12.345', netDays: '366' }),
        milestoneDraft({ label: 'C', value: '60' }),
      ],
      'CNY',
    );
    expect(check.milestones.map((m) => m.problems)).toEqual([
      { dueDate: { key: 'date' } },
      {
        label: { key: 'required' },
        value: { key: 'amount' },
        netDays: { key: 'netDays', params: { max: 365 } },
      },
      {},
    ]);
    expect(check.inputs).toBeNull();
    // Whether percentages make 100% is the gateway's to say.
    expect(
      checkMilestones([milestoneDraft({ label: 'C', value: '60' })], 'CNY').inputs,
    ).toHaveLength(1);
    expect(checkMilestones([], 'CNY').inputs).toEqual([]);
  });

  it('reads back a schedule the gateway sent', () => {
    const drafts = draftsOf(
      [
        {
          label: 'Deposit',
          percentBp: 2500,
          amount: null,
          trigger: 'ON_SIGNING',
          dueDate: null,
          netDays: 0,
        },
        {
          label: 'Rest',
          percentBp: null,
          amount: 12_345,
          trigger: 'ON_DATE',
          dueDate: '2027-01-31',
          netDays: 30,
        },
      ],
      'CNY',
    );
    expect(drafts.map((d) => [d.label, d.share, d.value, d.trigger, d.dueDate, d.netDays])).toEqual(
      [
        ['Deposit', 'percent', '25', 'ON_SIGNING', '', '0'],
        ['Rest', 'fixed', '123.45', 'ON_DATE', '2027-01-31', '30'],
      ],
    );
  });
});
