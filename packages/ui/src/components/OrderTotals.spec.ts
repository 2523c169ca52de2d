import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import OrderTotals from './OrderTotals.vue';

const money = (amount: number) => ({ amount, currency: 'CNY' });

describe('OrderTotals', () => {
  it('shows items, cash-on-delivery fee and total in the current locale', () => {
    const wrapper = mount(OrderTotals, {
      props: { itemsTotal: money(2600), codFee: money(200), total: money(2800) },
      global: withPlugins('zh-CN').global,
    });
    const terms = wrapper.findAll('dt').map((dt) => dt.text());
    expect(terms).toEqual(['商品金额', '货到付款手续费', '订单合计']);
    expect(wrapper.get('[data-testid="order-total"]').text()).toBe('¥28.00');
  });

  it('names the total as its reader knows it', () => {
    const wrapper = mount(OrderTotals, {
      props: {
        itemsTotal: money(2600),
        codFee: money(200),
        total: money(2800),
        totalLabel: 'Total due at the door',
      },
      global: withPlugins('en').global,
    });
    expect(wrapper.findAll('dt').at(-1)?.text()).toBe('Total due at the door');
  });
});
