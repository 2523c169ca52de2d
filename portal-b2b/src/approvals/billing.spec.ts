import type { ApprovalsBillFragment } from '@marketgate/graphql-client';
import { describe, expect, it } from 'vitest';
import { billingSummary, billsByContract, isCallOffInvoice, totalsByCurrency } from './billing';

const money = (amount: number, currency = 'CNY') => ({ amount, currency });

function bill(
  id: string,
  contract: string,
  outstanding: number,
  status: ApprovalsBillFragment['status'] = 'DUE',
  currency = 'CNY',
): ApprovalsBillFragment {
  return {
    id,
    label: id,
    status,
    trigger: 'ON_SIGNING',
    dueAt: '2026-12-01T00:00:00Z',
    callOffId: id.startsWith('inv') ? `co-${id}` : null,
    amount: money(outstanding + 100, currency),
    paid: money(100, currency),
    outstanding: money(outstanding, currency),
    contract: {
      id: contract,
      number: `C-${contract}`,
      kind: 'ONE_OFF',
      company: { id: 'c1', name: 'Acme Trading Co.' },
      seller: { id: 's1', name: 'North Dairy' },
    },
  };
}

describe('billing', () => {
  it('groups bills by contract in the order the gateway answered them', () => {
    const groups = billsByContract([
      bill('deposit', '7', 3_000, 'OVERDUE'),
      bill('inv-1', '9', 900),
      bill('final', '7', 2_000),
    ]);
    expect(groups.map((g) => [g.contract.number, g.bills.map((b) => b.id)])).toEqual([
      ['C-7', ['deposit', 'final']],
      ['C-9', ['inv-1']],
    ]);
    expect(groups[0]?.outstanding).toEqual([money(5_000)]);
    expect(groups.map((g) => g.hasOverdue)).toEqual([true, false]);
  });

  it('totals per currency and never adds two currencies together', () => {
    expect(totalsByCurrency([money(100), money(5, 'USD'), money(250), money(7, 'USD')])).toEqual([
      money(350),
      money(12, 'USD'),
    ]);
    expect(totalsByCurrency([])).toEqual([]);
  });

  it('sums what is due and the overdue part of it', () => {
    const summary = billingSummary([
      bill('a', '1', 1_000, 'OVERDUE'),
      bill('b', '1', 2_000, 'PARTIALLY_PAID'),
      bill('c', '2', 40, 'OVERDUE', 'USD'),
    ]);
    expect(summary).toEqual({
      outstanding: [money(3_000), money(40, 'USD')],
      overdue: [money(1_000), money(40, 'USD')],
      overdueCount: 2,
    });
  });

  it('tells call-off invoices from installments', () => {
    expect(isCallOffInvoice(bill('inv-3', '1', 1))).toBe(true);
    expect(isCallOffInvoice(bill('deposit', '1', 1))).toBe(false);
  });
});
