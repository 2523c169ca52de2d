const en = {
  ui: {
    loading: 'Loading…',
    updating: 'Updating…',
    retry: 'Try again',
    errorTitle: 'Something went wrong',
    errorMessage: 'We could not load this. Check your connection and try again.',
    emptyTitle: 'Nothing here yet',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {page} of {count}',
    pagination: 'Pagination',
    inStock: 'In stock',
    lowStock: 'Only {count} left',
    outOfStock: 'Out of stock',
    priceFrom: 'From {price}',
    wasPrice: 'Was {price}',
    decrease: 'Decrease',
    increase: 'Increase',
    language: 'Language',
    noImage: 'No image',
  },
};

export type UiMessages = typeof en;

const zhCN: UiMessages = {
  ui: {
    loading: '加载中…',
    updating: '更新中…',
    retry: '重试',
    errorTitle: '出错了',
    errorMessage: '内容加载失败，请检查网络后重试。',
    emptyTitle: '暂无内容',
    previous: '上一页',
    next: '下一页',
    pageOf: '第 {page} 页，共 {count} 页',
    pagination: '分页',
    inStock: '有货',
    lowStock: '仅剩 {count} 件',
    outOfStock: '缺货',
    priceFrom: '{price} 起',
    wasPrice: '原价 {price}',
    decrease: '减少',
    increase: '增加',
    language: '语言',
    noImage: '暂无图片',
  },
};

export const uiMessages: Record<'en' | 'zh-CN', UiMessages> = { en, 'zh-CN': zhCN };
