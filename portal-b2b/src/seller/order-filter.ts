import type { OrderStatus, PaymentStatus, SellerOrderFilter } from '@marketgate/graphql-client';
import type { LocationQuery } from 'vue-router';

/**
 * Every status once, in lifecycle order, as the filters offer them. Keyed so that a status new in
 * the schema fails to compile here instead of going missing from the filter.
 */
const orderStatusOrder = {
  PLACED: true,
  CONFIRMED: true,
  SHIPPED: true,
  DELIVERED: true,
  REFUSED: true,
  RETURNED: true,
  CANCELLED: true,
  EXPIRED: true,
} satisfies Record<OrderStatus, true>;

const paymentStatusOrder = {
  PENDING: true,
  COLLECTED: true,
  RECONCILED: true,
  DISPUTED: true,
  VOIDED: true,
} satisfies Record<PaymentStatus, true>;

export const orderStatuses = Object.keys(orderStatusOrder) as OrderStatus[];
export const paymentStatuses = Object.keys(paymentStatusOrder) as PaymentStatus[];

/** Orders still waiting for one of the seller's steps. */
export const openStatuses: readonly OrderStatus[] = ['PLACED', 'CONFIRMED', 'SHIPPED', 'REFUSED'];

/** The list's filters as the address bar keeps them, so a link or "back" shows the same list. */
export interface OrderListQuery {
  /** One order status, `OPEN` for every status with a step left, or '' for any. */
  status: OrderStatus | 'OPEN' | '';
  payment: PaymentStatus | '';
  search: string;
}

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text : '';
}

/** Reads the filters from the route's query; anything unknown means "any". */
export function parseOrderListQuery(query: LocationQuery): OrderListQuery {
  const status = first(query.status);
  const payment = first(query.payment);
  return {
    status:
      status === 'OPEN' || orderStatuses.includes(status as OrderStatus)
        ? (status as OrderStatus | 'OPEN')
        : '',
    payment: paymentStatuses.includes(payment as PaymentStatus) ? (payment as PaymentStatus) : '',
    search: first(query.q).trim(),
  };
}

/** The route query for the filters, leaving out the ones that are not set. */
export function toRouteQuery(list: OrderListQuery): Record<string, string> {
  return Object.fromEntries(
    [
      ['status', list.status],
      ['payment', list.payment],
      ['q', list.search.trim()],
    ].filter(([, value]) => value !== ''),
  );
}

/** The gateway's filter for the list. */
export function toSellerOrderFilter(list: OrderListQuery): SellerOrderFilter {
  return {
    status: list.status === 'OPEN' ? [...openStatuses] : list.status ? [list.status] : null,
    paymentStatus: list.payment ? [list.payment] : null,
    search: list.search.trim() || null,
  };
}
