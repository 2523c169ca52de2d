import type { OrderStatus, PaymentStatus, RemittanceStatus } from '@marketgate/graphql-client';

/** How a status badge looks: still moving, finished well, needing someone's attention, or ended. */
export type StatusTone = 'active' | 'done' | 'attention' | 'stopped';

export function orderStatusTone(status: OrderStatus): StatusTone {
  switch (status) {
    case 'DELIVERED':
      return 'done';
    case 'REFUSED':
      return 'attention';
    case 'CANCELLED':
    case 'EXPIRED':
    case 'RETURNED':
      return 'stopped';
    default:
      return 'active';
  }
}

export function paymentStatusTone(status: PaymentStatus): StatusTone {
  switch (status) {
    case 'RECONCILED':
      return 'done';
    case 'DISPUTED':
      return 'attention';
    case 'VOIDED':
      return 'stopped';
    default:
      return 'active';
  }
}

/** A short or excess remittance is never quietly accepted: it stands out. */
export function remittanceStatusTone(status: RemittanceStatus): StatusTone {
  return status === 'MATCHED' ? 'done' : 'attention';
}
