import type { ApprovalsBillFragment } from '@marketgate/graphql-client';
import { add, type Money } from '@marketgate/money';

/** How the billing screen lists what is owed: one section per contract, or one row per bill. */
export type BillGrouping = 'contract' | 'invoice';

export const billGroupings: readonly BillGrouping[] = ['contract', 'invoice'];

/** One contract's bills (installments, or call-off invoices of a framework agreement). */
export interface ContractBills {
  contract: ApprovalsBillFragment['contract'];
  bills: ApprovalsBillFragment[];
  /** What is still to pay on them, per currency. */
  outstanding: Money[];
  hasOverdue: boolean;
}

/** A framework agreement bills each call-off order with an invoice of its own. */
export function isCallOffInvoice(bill: ApprovalsBillFragment): boolean {
  return bill.callOffId !== null;
}

export function isOverdue(bill: ApprovalsBillFragment): boolean {
  return bill.status === 'OVERDUE';
}

/**
 * Adds the gateway's amounts up per currency (amounts in different currencies are never added
 * together), in alphabetical order of the currency.
 */
export function totalsByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<string, Money>();
  for (const amount of amounts) {
    const sum = totals.get(amount.currency);
    totals.set(amount.currency, sum ? add(sum, amount) : amount);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * The bills by contract, contracts in the order of their first bill (the gateway answers the
 * earliest due first), each contract's bills in that same order.
 */
export function billsByContract(bills: readonly ApprovalsBillFragment[]): ContractBills[] {
  const groups = new Map<string, ApprovalsBillFragment[]>();
  for (const bill of bills) {
    const group = groups.get(bill.contract.id);
    if (group) group.push(bill);
    else groups.set(bill.contract.id, [bill]);
  }
  return [...groups.values()].map((group) => ({
    contract: (group[0] as ApprovalsBillFragment).contract,
    bills: group,
    outstanding: totalsByCurrency(group.map((bill) => bill.outstanding)),
    hasOverdue: group.some(isOverdue),
  }));
}

/** What the screen's summary shows: all that is due, and the overdue part of it. */
export function billingSummary(bills: readonly ApprovalsBillFragment[]): {
  outstanding: Money[];
  overdue: Money[];
  overdueCount: number;
} {
  const overdue = bills.filter(isOverdue);
  return {
    outstanding: totalsByCurrency(bills.map((bill) => bill.outstanding)),
    overdue: totalsByCurrency(overdue.map((bill) => bill.outstanding)),
    overdueCount: overdue.length,
  };
}
