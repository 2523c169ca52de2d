import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import BasePrice from './BasePrice.vue';

describe('BasePrice', () => {
  it('formats minor units in the current locale and follows a locale switch', async () => {
    const { i18n, global } = withPlugins('en');
    const wrapper = mount(BasePrice, {
      props: { money: { amount: 123450, currency: 'CNY' } },
      global,
    });
    expect(wrapper.get('[data-testid="price"]').text()).toBe('CN¥1,234.50');

    i18n.global.locale.value = 'zh-CN';
    await nextTick();
    expect(wrapper.get('[data-testid="price"]').text()).toBe('¥1,234.50');
  });

  it('strikes through a higher compare-at price only', async () => {
    const { global } = withPlugins('en');
    const wrapper = mount(BasePrice, {
      props: {
        money: { amount: 900, currency: 'USD' },
        compareAt: { amount: 1200, currency: 'USD' },
      },
      global,
    });
    expect(wrapper.get('s').text()).toContain('$12.00');

    await wrapper.setProps({ compareAt: { amount: 800, currency: 'USD' } });
    expect(wrapper.find('s').exists()).toBe(false);
  });
});
