import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import VariantPicker from './VariantPicker.vue';

describe('VariantPicker', () => {
  it('is a radio group bound to the selected variant id', async () => {
    const wrapper = mount(VariantPicker, {
      props: {
        legend: 'Size',
        choices: [
          { id: 'v1', label: 'S', detail: 'SKU-S' },
          { id: 'v2', label: 'M', unavailable: true },
        ],
        modelValue: 'v1',
        'onUpdate:modelValue': async (value: string) => {
          await wrapper.setProps({ modelValue: value });
        },
      },
    });
    expect(wrapper.get('legend').text()).toBe('Size');
    const radios = wrapper.findAll<HTMLInputElement>('input[type="radio"]');
    expect(radios.map((radio) => radio.element.checked)).toEqual([true, false]);

    await radios[1]?.setValue(true);
    expect(wrapper.props('modelValue')).toBe('v2');
    expect(wrapper.findAll('label')[1]?.classes()).toContain('variant-picker__choice--selected');
  });
});
