import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import StockStatus from './StockStatus.vue';

describe('StockStatus', () => {
  it.each([
    [{ available: 40, inStock: true }, 'In stock'],
    [{ available: 3, inStock: true }, 'Only 3 left'],
    [{ available: 0, inStock: false }, 'Out of stock'],
  ])('shows %o as "%s"', (props, text) => {
    const wrapper = mount(StockStatus, { props, global: withPlugins('en').global });
    expect(wrapper.text()).toBe(text);
  });
});
