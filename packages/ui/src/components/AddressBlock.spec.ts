import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AddressBlock from './AddressBlock.vue';

describe('AddressBlock', () => {
  it('shows recipient and phone, then the region, then the street and postal code', () => {
    const wrapper = mount(AddressBlock, {
      props: {
        address: {
          name: 'Lin Wei',
          phone: '13800138000',
          province: 'Zhejiang',
          city: 'Hangzhou',
          district: 'Xihu',
          line1: '18 Wensan Road',
          postalCode: '310000',
        },
      },
    });
    const lines = wrapper
      .get('address')
      .element.innerHTML.split(/<br[^>]*>/)
      .map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual([
      'Lin Wei · 13800138000',
      'Zhejiang Hangzhou Xihu',
      '18 Wensan Road 310000',
    ]);
  });
});
