import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, KeepAlive, nextTick, ref, shallowRef } from 'vue';
import { usePageTitle } from './use-page-title';

const label = ref('Tea');

const CategoryPage = defineComponent({
  name: 'CategoryPage',
  setup() {
    usePageTitle(() => label.value, 'Shop');
    return () => h('p', 'category');
  },
});

const ProductPage = defineComponent({
  setup() {
    usePageTitle('Longjing', 'Shop');
    return () => h('p', 'product');
  },
});

describe('usePageTitle', () => {
  it('titles the active page and ignores pages kept alive in the background', async () => {
    const page = shallowRef<typeof CategoryPage | typeof ProductPage>(CategoryPage);
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
