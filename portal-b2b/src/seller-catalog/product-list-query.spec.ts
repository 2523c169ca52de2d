import { describe, expect, it } from 'vitest';
import {
  parseProductListQuery,
  toProductFilter,
  toProductSort,
  toRouteQuery,
} from './product-list-query';

describe('seller product list filters', () => {
  it('reads the filters from the address bar, ignoring unknown values', () => {
    expect(parseProductListQuery({ q: ' skyr ', status: 'DRAFT', sort: 'PRICE_ASC' })).toEqual({
      search: 'skyr',
      status: 'DRAFT',
      sort: 'PRICE_ASC',
    });
    expect(parseProductListQuery({ q: ['a', 'b'], status: 'SOLD', sort: 'NAME' })).toEqual({
      search: 'a',
      status: '',
      sort: '',
    });
  });

  it('keeps only the filters that are set in the address bar', () => {
    expect(toRouteQuery({ search: ' ', status: '', sort: '' })).toEqual({});
    expect(toRouteQuery({ search: 'milk', status: 'ARCHIVED', sort: 'NEWEST' })).toEqual({
      q: 'milk',
      status: 'ARCHIVED',
      sort: 'NEWEST',
    });
  });

  it("asks for the shop's whole catalog unless one status is chosen", () => {
    expect(toProductFilter({ search: '', status: '', sort: '' }, 's1')).toEqual({
      sellerId: 's1',
      statuses: ['DRAFT', 'ACTIVE', 'ARCHIVED'],
      search: null,
    });
    expect(toProductFilter({ search: ' milk ', status: 'DRAFT', sort: '' }, 's1')).toEqual({
      sellerId: 's1',
      statuses: ['DRAFT'],
      search: 'milk',
    });
  });

  it('sorts by best match with a search and newest first without, unless one is chosen', () => {
    expect(toProductSort({ search: '', status: '', sort: '' })).toBe('NEWEST');
    expect(toProductSort({ search: 'milk', status: '', sort: '' })).toBe('RELEVANCE');
    expect(toProductSort({ search: 'milk', status: '', sort: 'PRICE_DESC' })).toBe('PRICE_DESC');
    expect(toProductSort({ search: '', status: '', sort: 'RELEVANCE' })).toBe('NEWEST');
  });
});
