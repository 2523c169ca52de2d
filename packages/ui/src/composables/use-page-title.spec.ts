import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h, KeepAlive, nextTick, ref, shallowRef, type Component } from 'vue';
import { usePageTitle } from './use-page-title';

const label = ref('Tea');

const CategoryPage: Component = {
  name: 'CategoryPage',
  setup() {
    usePageTitle(() => label.value, 'Shop');
    return () => h('p', 'category');
  },
};

const ProductPage: Component = {
  setup() {
    usePageTitle('Longjing', 'Shop');
    return () => h('p', 'product');
  },
};

describe('usePageTitle', () => {
  it('titles the active page and ignores pages kept alive in the background', async () => {
    const page = shallowRef<Component>(CategoryPage);
    mount(() => h(KeepAlive, null, [h(page.value)]));
    expect(document.title).toBe('Tea · Shop');

    page.value = ProductPage;
    await nextTick();
    expect(document.title).toBe('Longjing · Shop');

    label.value = '茶叶';
    await nextTick();
    expect(document.title).toBe('Longjing · Shop');

    page.value = CategoryPage;
    await nextTick();
    expect(document.title).toBe('茶叶 · Shop');
  });
});
