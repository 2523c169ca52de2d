import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import CatalogToolbar from './CatalogToolbar.vue';

describe('CatalogToolbar', () => {
  it('counts results, changes sort and filters by seller', async () => {
    const wrapper = mount(CatalogToolbar, {
      props: {
        resultCount: 12,
        sellers: [
          { id: 's1', name: 'Tea House', count: 7 },
          { id: 's2', name: 'Paper Mill', count: 5 },
        ],
        sort: 'RELEVANCE',
        inStockOnly: false,
        sellerId: null,
      },
      global: withPlugins('en').global,
    });
    expect(wrapper.text()).toContain('12 products');

    await wrapper.get('select').setValue('PRICE_ASC');
    expect(wrapper.emitted('update:sort')).toEqual([['PRICE_ASC']]);

    await wrapper.get('input[type="checkbox"]').setValue(true);
    expect(wrapper.emitted('update:inStockOnly')).toEqual([[true]]);

    const paperMill = wrapper.findAll('button').find((b) => b.text().startsWith('Paper Mill'));
    await paperMill?.trigger('click');
    expect(wrapper.emitted('update:sellerId')).toEqual([['s2']]);
  });
});
