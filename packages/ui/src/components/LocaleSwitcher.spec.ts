import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import LocaleSwitcher from './LocaleSwitcher.vue';

describe('LocaleSwitcher', () => {
  it('switches the global locale, remembers it and updates <html lang>', async () => {
    const { i18n, global } = withPlugins('en');
    const wrapper = mount(LocaleSwitcher, { global });
    const chinese = wrapper.get('button[lang="zh-CN"]');
    expect(chinese.text()).toBe('中文');
    expect(chinese.attributes('aria-pressed')).toBe('false');

    await chinese.trigger('click');
    expect(i18n.global.locale.value).toBe('zh-CN');
    expect(chinese.attributes('aria-pressed')).toBe('true');
    expect(localStorage.getItem('marketgate.locale')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
