import type { ContractsMilestoneFragment } from '@marketgate/graphql-client';
import { createMarketgateI18n } from '@marketgate/ui';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { formatDay, milestoneName, nextMilestone, sharePercent } from './contract-view';

const cny = (amount: number) => ({ amount, currency: 'CNY' });

function milestone(
  id: string,
  status: ContractsMilestoneFragment['status'],
  dueAt: string | null,
): ContractsMilestoneFragment {
  return {
    id,
    label: id,
    status,
    trigger: 'ON_DELIVERY',
    netDays: 0,
    dueDate: null,
    dueAt,
    triggeredAt: dueAt,
    paidAt: null,
    callOff: null,
    amount: cny(100),
    paid: cny(0),
    outstanding: cny(100),
  };
}

describe('nextMilestone', () => {
  it('is the open installment due soonest, overdue ones included', () => {
    const next = nextMilestone([
      milestone('paid', 'PAID', '2026-01-01T00:00:00Z'),
      milestone('later', 'DUE', '2026-03-01T00:00:00Z'),
      milestone('overdue', 'OVERDUE', '2026-02-01T00:00:00Z'),
      milestone('waiting', 'SCHEDULED', null),
    ]);
    expect(next?.id).toBe('overdue');
  });

  it('falls back to the first one waiting for its trigger, and is null when all are paid', () => {
    expect(
      nextMilestone([milestone('paid', 'PAID', null), milestone('waiting', 'SCHEDULED', null)])?.id,
    ).toBe('waiting');
    expect(nextMilestone([milestone('paid', 'PAID', '2026-01-01T00:00:00Z')])).toBeNull();
  });
});

describe('sharePercent', () => {
  it('is the drawn share of the committed quantity, within 0-100', () => {
    expect(sharePercent(25, 100)).toBe(25);
    expect(sharePercent(150, 100)).toBe(100);
    expect(sharePercent(5, 0)).toBe(0);
  });
});

describe('formatDay', () => {
  it('writes a calendar day in the reader’s language whatever the time zone', () => {
    expect(formatDay('2027-03-01', 'en')).toBe('Mar 1, 2027');
    expect(formatDay('2027-03-01', 'zh-CN')).toBe('2027年3月1日');
  });

  it('names an installment by its label and a framework’s bill by its call-off order, in the reader’s language', () => {
    const bill = { label: 'Call-off CO-000003', callOff: { id: '3', number: 'CO-000003' } };
    const installment = { label: '定金', callOff: null };
    const zh = createMarketgateI18n(messages, 'zh-CN').global.t;
    const en = createMarketgateI18n(messages, 'en').global.t;
    expect(milestoneName(bill, zh)).toBe('订货单 CO-000003');
    expect(milestoneName(bill, en)).toBe('Call-off CO-000003');
    expect(milestoneName(installment, en)).toBe('定金');
  });
});
