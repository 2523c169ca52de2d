import type { ApprovalsBillFragment } from '@marketgate/graphql-client';

/** A framework agreement bills each call-off order with an invoice of its own. */
export function isCallOffInvoice(bill: ApprovalsBillFragment): boolean {
  return bill.callOff !== null;
}

export function isOverdue(bill: ApprovalsBillFragment): boolean {
  return bill.status === 'OVERDUE';
}
