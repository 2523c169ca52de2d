import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  parseOrderListQuery,
  toRouteQuery,
  toSellerOrderFilter,
  type OrderListQuery,
} from './order-filter';

const anyOrder: OrderListQuery = {
  status: '',
  payment: '',
  search: '',
  placedFrom: '',
  placedTo: '',
};

describe('order list filters', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads the filters from the address bar, ignoring unknown values', () => {
    expect(
      parseOrderListQuery({
        status: 'SHIPPED',
        payment: 'COLLECTED',
        q: ' 1380 ',
        from: '2026-11-01',
        to: '2026-11-28',
      }),
    ).toEqual({
      status: 'SHIPPED',
      payment: 'COLLECTED',
      search: '1380',
      placedFrom: '2026-11-01',
      placedTo: '2026-11-28',
    });
    expect(
      parseOrderListQuery({ status: 'LOST', payment: ['PAID'], from: '2026-02-30', to: 'today' }),
    ).toEqual(anyOrder);
    expect(parseOrderListQuery({ status: ['OPEN', 'PLACED'] }).status).toBe('OPEN');
  });

  it('writes only the filters that are set', () => {
    expect(toRouteQuery({ ...anyOrder, status: 'PLACED', search: '  ' })).toEqual({
      status: 'PLACED',
    });
    expect(toRouteQuery({ ...anyOrder, placedFrom: '2026-11-01', placedTo: '2026-11-28' })).toEqual(
      { from: '2026-11-01', to: '2026-11-28' },
    );
  });

  it('asks the gateway for one status, every open one, or any', () => {
    expect(toSellerOrderFilter({ ...anyOrder, status: 'DELIVERED', payment: 'COLLECTED' })).toEqual(
      {
        status: ['DELIVERED'],
        paymentStatus: ['COLLECTED'],
        search: null,
        placedFrom: null,
        placedBefore: null,
      },
    );
    expect(toSellerOrderFilter({ ...anyOrder, status: 'OPEN', search: 'MG-1' })).toEqual({
      status: ['PLACED', 'CONFIRMED', 'SHIPPED', 'REFUSED'],
      paymentStatus: null,
      search: 'MG-1',
      placedFrom: null,
      placedBefore: null,
    });
    expect(toSellerOrderFilter(anyOrder)).toEqual({
      status: null,
      paymentStatus: null,
      search: null,
      placedFrom: null,
      placedBefore: null,
    });
  });

  it('asks for the placing days as the user’s time zone has them, the last day included', () => {
    vi.stubEnv('TZ', 'Asia/Shanghai');
    expect(
      toSellerOrderFilter({ ...anyOrder, placedFrom: '2026-11-01', placedTo: '2026-11-28' }),
    ).toMatchObject({
      placedFrom: '2026-10-31T16:00:00.000Z',
      placedBefore: '2026-11-28T16:00:00.000Z',
    });

    // New York leaves daylight saving time on 1 November 2026: that day lasts 25 hours.
    vi.stubEnv('TZ', 'America/New_York');
    expect(
      toSellerOrderFilter({ ...anyOrder, placedFrom: '2026-11-01', placedTo: '2026-11-01' }),
    ).toMatchObject({
      placedFrom: '2026-11-01T04:00:00.000Z',
      placedBefore: '2026-11-02T05:00:00.000Z',
    });
  });
});
