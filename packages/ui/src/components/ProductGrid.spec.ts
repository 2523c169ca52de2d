import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import ProductGrid from './ProductGrid.vue';

const items = [
  { id: 'a', name: 'Apple' },
  { id: 'b', name: 'Banana' },
];

function mountGrid(state: 'loading' | 'error' | 'empty' | 'ready') {
  return mount(ProductGrid<{ id: string; name: string }>, {
    props: { items, state, emptyTitle: 'No products' },
    slots: { item: `<template #item="{ item }">{{ item.name }}</template>` },
    global: withPlugins('en').global,
  });
}

describe('ProductGrid', () => {
  it('renders one cell per item when ready', () => {
    const wrapper = mountGrid('ready');
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['Apple', 'Banana']);
  });

  it('has a loading, an empty and an error state with retry', async () => {
    expect(mountGrid('loading').get('[role="status"]').text()).toContain('Loading');
    expect(mountGrid('empty').text()).toContain('No products');

    const failed = mountGrid('error');
    expect(failed.get('[role="alert"]').text()).toContain('Something went wrong');
    await failed.get('button').trigger('click');
    expect(failed.emitted('retry')).toHaveLength(1);
  });
});
