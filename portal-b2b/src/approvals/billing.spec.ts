import type { ApprovalsBillFragment } from '@marketgate/graphql-client';
import { describe, expect, it } from 'vitest';
import { isCallOffInvoice, isOverdue } from './billing';
import { parseBillListQuery, toBillListRouteQuery, type BillListQuery } from './list-query';

function bill(id: string, status: ApprovalsBillFragment['status'] = 'DUE'): ApprovalsBillFragment {
  const money = { amount: 100, currency: 'CNY' };
  return {
    id,
    label: id,
    status,
    trigger: 'ON_SIGNING',
    dueAt: '2026-12-01T00:00:00Z',
    callOff: id.startsWith('inv') ? { id: `co-${id}`, number: 'CO-000001' } : null,
    amount: money,
    paid: { amount: 0, currency: 'CNY' },
    outstanding: money,
    contract: {
      id: '7',
      number: 'C-7',
      kind: 'ONE_OFF',
      company: { id: 'c1', name: 'Acme Trading Co.' },
      seller: { id: 's1', name: 'North Dairy' },
    },
  };
}

describe('billing', () => {
  it('tells call-off invoices from installments, and overdue bills by their status', () => {
    expect(isCallOffInvoice(bill('inv-3'))).toBe(true);
    expect(isCallOffInvoice(bill('deposit'))).toBe(false);
    expect(isOverdue(bill('deposit', 'OVERDUE'))).toBe(true);
    expect(isOverdue(bill('deposit', 'PARTIALLY_PAID'))).toBe(false);
  });

  it('keeps the list in the address, only what differs from the default', () => {
    const list: BillListQuery = {
      overdueOnly: true,
      companyId: 'c1',
      contractId: '7',
      sort: 'OUTSTANDING_DESC',
    };
    const query = toBillListRouteQuery(list);
    expect(query).toEqual({ overdue: '1', company: 'c1', contract: '7', sort: 'OUTSTANDING_DESC' });
    expect(parseBillListQuery(query as Record<string, string>)).toEqual(list);
    expect(parseBillListQuery({ sort: 'SIDEWAYS', contract: ['7', '8'] })).toEqual({
      overdueOnly: false,
      companyId: null,
      contractId: null,
      sort: 'DUE_ASC',
    });
    expect(toBillListRouteQuery(parseBillListQuery({}))).toEqual({});
  });
});
