import type {
  ContentStatus,
  MilestoneStatus,
  OrderStatus,
  PaymentStatus,
  ProductStatus,
  RemittanceStatus,
} from '@marketgate/graphql-client';

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

/** On sale stands out as done; a draft is still being worked on; archived is out of the way. */
export function productStatusTone(status: ProductStatus): StatusTone {
  switch (status) {
    case 'ACTIVE':
      return 'done';
    case 'DRAFT':
      return 'active';
    case 'ARCHIVED':
      return 'stopped';
  }
}

/** A block showing stands out as done; a draft is still being worked on; archived is out of the way. */
export function contentStatusTone(status: ContentStatus): StatusTone {
  switch (status) {
    case 'ACTIVE':
      return 'done';
    case 'DRAFT':
      return 'active';
    case 'ARCHIVED':
      return 'stopped';
  }
}

/** An overdue installment stands out; one waiting for its trigger is quiet. */
export function milestoneStatusTone(status: MilestoneStatus): StatusTone {
  switch (status) {
    case 'PAID':
      return 'done';
    case 'OVERDUE':
      return 'attention';
    case 'SCHEDULED':
      return 'stopped';
    case 'DUE':
    case 'PARTIALLY_PAID':
      return 'active';
  }
}
