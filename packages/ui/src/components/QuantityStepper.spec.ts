import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import QuantityStepper from './QuantityStepper.vue';

function mountStepper(modelValue: number) {
  const wrapper = mount(QuantityStepper, {
    props: {
      label: 'Quantity',
      min: 10,
      step: 5,
      modelValue,
      'onUpdate:modelValue': async (value: number) => {
        await wrapper.setProps({ modelValue: value });
      },
    },
    global: withPlugins('en').global,
  });
  return wrapper;
}

describe('QuantityStepper', () => {
  it('steps by the order increment and never below the minimum', async () => {
    const wrapper = mountStepper(10);
    const [decrease, increase] = wrapper.findAll('button');
    expect(decrease?.attributes()).toHaveProperty('disabled');

    await increase?.trigger('click');
    expect(wrapper.props('modelValue')).toBe(15);
    await decrease?.trigger('click');
    expect(wrapper.props('modelValue')).toBe(10);
  });

  it('snaps a typed quantity to an allowed one', async () => {
    const wrapper = mountStepper(10);
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'));

    await input.setValue('23');
    await input.trigger('change');
    expect(wrapper.props('modelValue')).toBe(25);
    expect(input.element.value).toBe('25');

    await input.setValue('3');
    await input.trigger('change');
    expect(wrapper.props('modelValue')).toBe(10);
  });
});
