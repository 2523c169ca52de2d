import { mount, RouterLinkStub } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import ProductCard from './ProductCard.vue';

describe('ProductCard', () => {
  it('links to the product and shows name, seller and a "from" price', () => {
    const wrapper = mount(ProductCard, {
      props: {
        to: '/p/green-tea',
        name: 'Green tea',
        sellerName: 'Hangzhou Tea Co.',
        price: { amount: 2990, currency: 'CNY' },
        priceIsFrom: true,
        inStock: true,
      },
      global: withPlugins('zh-CN').global,
    });
    expect(wrapper.getComponent(RouterLinkStub).props('to')).toBe('/p/green-tea');
    expect(wrapper.get('h3').text()).toBe('Green tea');
    expect(wrapper.text()).toContain('Hangzhou Tea Co.');
    expect(wrapper.get('.product-card__price').text()).toBe('¥29.90 起');
    expect(wrapper.find('.product-card__sold-out').exists()).toBe(false);
  });

  it('marks a product that is out of stock and shows a placeholder without image', () => {
    const wrapper = mount(ProductCard, {
      props: { to: '/p/x', name: 'Xylophone', inStock: false, badge: 'Volume price' },
      global: withPlugins('en').global,
    });
    expect(wrapper.get('.product-card__sold-out').text()).toBe('Out of stock');
    expect(wrapper.get('.product-card__badge').text()).toBe('Volume price');
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe('Xylophone');
  });
});
