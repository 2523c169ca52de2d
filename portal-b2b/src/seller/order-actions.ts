import type { OrderStatus } from '@marketgate/graphql-client';

/** What seller staff can do to a consumer order. */
export type OrderAction =
  'confirm' | 'ship' | 'recordDelivery' | 'recordRefusal' | 'receiveReturn' | 'cancel';

/**
 * The moves the gateway's order lifecycle offers the seller from each status, in the order the
 * screen shows them. The gateway still decides: an action offered here on a stale order answers
 * `InvalidStateError`, and cancelling follows the order's own `canCancel`.
 */
const actionsByStatus: Record<OrderStatus, readonly OrderAction[]> = {
  PLACED: ['confirm', 'cancel'],
  CONFIRMED: ['ship', 'cancel'],
  SHIPPED: ['recordDelivery', 'recordRefusal'],
  REFUSED: ['receiveReturn'],
  DELIVERED: [],
  RETURNED: [],
  CANCELLED: [],
  EXPIRED: [],
};

export function sellerActionsFor(order: {
  status: OrderStatus;
  canCancel: boolean;
}): OrderAction[] {
  return actionsByStatus[order.status].filter((action) => action !== 'cancel' || order.canCancel);
}

/** Actions that open a small form first; the others need only a click. */
export type FormAction = Exclude<OrderAction, 'confirm' | 'receiveReturn'>;

export function needsForm(action: OrderAction): action is FormAction {
  return action !== 'confirm' && action !== 'receiveReturn';
}
