import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import BasePagination from './BasePagination.vue';

describe('BasePagination', () => {
  it('shows the page and emits next and previous', async () => {
    const wrapper = mount(BasePagination, {
      props: { page: 2, pageCount: 5, hasPrevious: true, hasNext: true },
      global: withPlugins('en').global,
    });
    expect(wrapper.text()).toContain('Page 2 of 5');
    await wrapper.setProps({ pageCount: undefined });
    expect(wrapper.get('[aria-live]').text()).toBe('Page 2');

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await wrapper.get('[data-testid="pagination-previous"]').trigger('click');
    expect(Object.keys(wrapper.emitted())).toEqual(expect.arrayContaining(['next', 'previous']));
  });

  it('disables the buttons at the ends and while busy', async () => {
    const wrapper = mount(BasePagination, {
      props: { page: 1, pageCount: 1, hasPrevious: false, hasNext: true, busy: false },
      global: withPlugins('zh-CN').global,
    });
    expect(wrapper.get('nav').attributes('aria-label')).toBe('分页');
    expect(wrapper.get('[data-testid="pagination-previous"]').attributes()).toHaveProperty(
      'disabled',
    );
    expect(wrapper.get('[data-testid="pagination-next"]').attributes()).not.toHaveProperty(
      'disabled',
    );

    await wrapper.setProps({ busy: true });
    expect(wrapper.get('[data-testid="pagination-next"]').attributes()).toHaveProperty('disabled');
  });
});
