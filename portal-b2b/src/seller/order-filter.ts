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
  /** First day placed, `YYYY-MM-DD` as the user's calendar has it, or '' for no limit. */
  placedFrom: string;
  /** Last day placed, the whole day included; `YYYY-MM-DD` or '' for no limit. */
  placedTo: string;
}

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text : '';
}

/** The start of a `YYYY-MM-DD` day in the user's time zone; null unless the text is such a day. */
function startOfDay(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  // Without an offset the time is local. A day that does not exist (02-30) rolls over: refused.
  const start = new Date(`${day}T00:00:00`);
  const [year, month, date] = day.split('-').map(Number);
  return start.getFullYear() === year && start.getMonth() + 1 === month && start.getDate() === date
    ? start
    : null;
}

/** The start of the day after `day`: days are not always 24 hours long (daylight saving). */
function startOfNextDay(day: string): Date | null {
  const next = startOfDay(day);
  if (!next) return null;
  next.setDate(next.getDate() + 1);
  next.setHours(0, 0, 0, 0);
  return next;
}

/** Reads the filters from the route's query; anything unknown means "any". */
export function parseOrderListQuery(query: LocationQuery): OrderListQuery {
  const status = first(query.status);
  const payment = first(query.payment);
  const from = first(query.from);
  const to = first(query.to);
  return {
    status:
      status === 'OPEN' || orderStatuses.includes(status as OrderStatus)
        ? (status as OrderStatus | 'OPEN')
        : '',
    payment: paymentStatuses.includes(payment as PaymentStatus) ? (payment as PaymentStatus) : '',
    search: first(query.q).trim(),
    placedFrom: startOfDay(from) ? from : '',
    placedTo: startOfDay(to) ? to : '',
  };
}

/** The route query for the filters, leaving out the ones that are not set. */
export function toRouteQuery(list: OrderListQuery): Record<string, string> {
  return Object.fromEntries(
    [
      ['status', list.status],
      ['payment', list.payment],
      ['q', list.search.trim()],
      ['from', list.placedFrom],
      ['to', list.placedTo],
    ].filter(([, value]) => value !== ''),
  );
}

/** The gateway's filter for the list; the days become instants in the user's time zone. */
export function toSellerOrderFilter(list: OrderListQuery): SellerOrderFilter {
  return {
    status: list.status === 'OPEN' ? [...openStatuses] : list.status ? [list.status] : null,
    paymentStatus: list.payment ? [list.payment] : null,
    search: list.search.trim() || null,
    placedFrom: startOfDay(list.placedFrom)?.toISOString() ?? null,
    placedBefore: startOfNextDay(list.placedTo)?.toISOString() ?? null,
  };
}
