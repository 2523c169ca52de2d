import { describe, expect, it } from 'vitest';
import { parseOrderListQuery, toRouteQuery, toSellerOrderFilter } from './order-filter';

describe('order list filters', () => {
  it('reads the filters from the address bar, ignoring unknown values', () => {
    expect(parseOrderListQuery({ status: 'SHIPPED', payment: 'COLLECTED', q: ' 1380 ' })).toEqual({
      status: 'SHIPPED',
      payment: 'COLLECTED',
      search: '1380',
    });
    expect(parseOrderListQuery({ status: 'LOST', payment: ['PAID'] })).toEqual({
      status: '',
      payment: '',
      search: '',
    });
    expect(parseOrderListQuery({ status: ['OPEN', 'PLACED'] }).status).toBe('OPEN');
  });

  it('writes only the filters that are set', () => {
    expect(toRouteQuery({ status: 'PLACED', payment: '', search: '  ' })).toEqual({
      status: 'PLACED',
    });
  });

  it('asks the gateway for one status, every open one, or any', () => {
    expect(toSellerOrderFilter({ status: 'DELIVERED', payment: 'COLLECTED', search: '' })).toEqual({
      status: ['DELIVERED'],
      paymentStatus: ['COLLECTED'],
      search: null,
    });
    expect(toSellerOrderFilter({ status: 'OPEN', payment: '', search: 'MG-1' })).toEqual({
      status: ['PLACED', 'CONFIRMED', 'SHIPPED', 'REFUSED'],
      paymentStatus: null,
      search: 'MG-1',
    });
    expect(toSellerOrderFilter({ status: '', payment: '', search: '' })).toEqual({
      status: null,
      paymentStatus: null,
      search: null,
    });
  });
});
