const en = {
  app: {
    name: 'Marketgate',
    footer: 'Independent sellers, one checkout. Cash on delivery across the country.',
  },
  nav: {
    home: 'Home',
    categories: 'Categories',
  },
  search: {
    label: 'Search products',
    placeholder: 'Search tea, paper, tools…',
    submit: 'Search',
    title: 'Search',
    resultsFor: 'Results for “{query}”',
    prompt: 'What are you looking for?',
    promptHint: 'Search by product name, or browse the categories.',
    noResults: 'No products match “{query}”',
    noResultsHint: 'Check the spelling or try a broader word.',
  },
  home: {
    heroTitle: 'Good things from sellers you can trust',
    heroText: 'Browse a curated marketplace of independent shops and pay in cash when it arrives.',
    heroCta: 'Start browsing',
    perks: {
      cash: { title: 'Pay on delivery', text: 'Pay in cash when your order arrives.' },
      sellers: { title: 'Independent sellers', text: 'Shops from all over, in one place.' },
      languages: { title: '中文 and English', text: 'Shop in the language you prefer.' },
    },
    categories: 'Shop by category',
    noCategories: 'No categories yet',
    featured: 'Featured products',
    noProducts: 'No products yet',
    noProductsHint: 'Sellers are still stocking their shelves. Come back soon.',
  },
  category: {
    notFound: 'Category not found',
    notFoundHint: 'It may have been renamed or removed.',
    empty: 'No products here yet',
    emptyHint: 'Try another category or loosen the filters.',
    subcategories: 'Subcategories',
  },
  product: {
    notFound: 'Product not found',
    notFoundHint: 'It may have sold out for good or been removed by the seller.',
    soldBy: 'Sold by',
    options: 'Options',
    quantity: 'Quantity',
    unitPrice: 'per item',
    total: 'Total for {count}',
    updatingPrice: 'Updating price…',
    minimumOrder: 'Minimum order {count}, in steps of {step}',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist.',
  },
  backHome: 'Back to home',
};

export type StorefrontMessages = typeof en;

const zhCN: StorefrontMessages = {
  app: {
    name: 'Marketgate',
    footer: '汇集独立商家，一站式购物，全国货到付款。',
  },
  nav: {
    home: '首页',
    categories: '分类',
  },
  search: {
    label: '搜索商品',
    placeholder: '搜索茶叶、纸品、工具…',
    submit: '搜索',
    title: '搜索',
    resultsFor: '“{query}”的搜索结果',
    prompt: '想找什么？',
    promptHint: '输入商品名称搜索，或浏览商品分类。',
    noResults: '没有找到与“{query}”相关的商品',
    noResultsHint: '请检查拼写，或换个更宽泛的词试试。',
  },
  home: {
    heroTitle: '好物，来自值得信赖的商家',
    heroText: '精选独立商家好物，送货上门，货到付款。',
    heroCta: '开始逛逛',
    perks: {
      cash: { title: '货到付款', text: '收到商品再付现金。' },
      sellers: { title: '独立商家', text: '各地好店，一站汇集。' },
      languages: { title: '中文与 English', text: '选择你习惯的语言购物。' },
    },
    categories: '按分类选购',
    noCategories: '暂无分类',
    featured: '精选商品',
    noProducts: '暂无商品',
    noProductsHint: '商家正在上架商品，敬请期待。',
  },
  category: {
    notFound: '未找到该分类',
    notFoundHint: '该分类可能已更名或被删除。',
    empty: '该分类下暂无商品',
    emptyHint: '试试其他分类，或放宽筛选条件。',
    subcategories: '子分类',
  },
  product: {
    notFound: '未找到该商品',
    notFoundHint: '该商品可能已下架。',
    soldBy: '商家',
    options: '规格',
    quantity: '数量',
    unitPrice: '单价',
    total: '{count} 件合计',
    updatingPrice: '正在更新价格…',
    minimumOrder: '起订量 {count}，按 {step} 的倍数递增',
  },
  notFound: {
    title: '页面不存在',
    text: '你访问的页面不存在。',
  },
  backHome: '返回首页',
};

export const messages = { en, 'zh-CN': zhCN };
