const en = {
  app: {
    name: 'Marketgate',
    business: 'Business',
  },
  login: {
    title: 'Sign in to your business account',
    subtitle: 'Volume prices for verified companies, in one catalog.',
    email: 'Work email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    invalidCredentials: 'The email or password is not correct.',
    tooManyAttempts: 'Too many attempts. Try again in {seconds} seconds.',
    failed: 'We could not sign you in. Check your connection and try again.',
    pitchTitle: 'Buy for your company',
    pitch: {
      tiers: 'Volume prices as soon as your company is verified',
      sellers: 'Independent sellers, one catalog',
      team: 'Buyers, approvers and admins on one account',
    },
  },
  session: {
    account: 'Account',
    signOut: 'Sign out',
    pending: 'Verification pending',
    pendingNotice:
      '{company} is not verified yet, so you see list prices. Volume prices apply once it is verified.',
  },
  catalog: {
    title: 'Catalog',
    allProducts: 'All products',
    categories: 'Categories',
    quantity: 'Prices for quantity',
    empty: 'No products match',
    emptyHint: 'Try another category or loosen the filters.',
    notFound: 'Category not found',
    notFoundHint: 'It may have been renamed or removed.',
  },
  price: {
    source: {
      LIST: 'List price',
      TIER: 'Volume price',
      CONTRACT: 'Contract price',
    },
    yourPrice: 'Your price',
    perUnit: 'per unit',
    total: 'Total for {count}',
    listPrice: 'List price {price}',
    updating: 'Updating prices…',
    tiers: 'Volume prices',
    tierQuantity: 'Quantity',
    tierUnitPrice: 'Unit price',
    tierFrom: '{count}+',
    useTier: 'Price for {count} units',
  },
  product: {
    notFound: 'Product not found',
    notFoundHint: 'It may have been archived by the seller.',
    soldBy: 'Sold by',
    options: 'Options',
    quantity: 'Quantity',
    minimumOrder: 'Minimum order {count}, in steps of {step}',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist.',
  },
  backToCatalog: 'Back to the catalog',
};

export type PortalMessages = typeof en;

const zhCN: PortalMessages = {
  app: {
    name: 'Marketgate',
    business: '企业版',
  },
  login: {
    title: '登录企业账户',
    subtitle: '认证企业专享阶梯价，一个目录采购所需。',
    email: '工作邮箱',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    invalidCredentials: '邮箱或密码不正确。',
    tooManyAttempts: '尝试次数过多，请在 {seconds} 秒后重试。',
    failed: '登录失败，请检查网络后重试。',
    pitchTitle: '为企业采购',
    pitch: {
      tiers: '企业认证后即享阶梯价',
      sellers: '众多独立商家，一个目录',
      team: '采购、审批、管理员共用一个企业账户',
    },
  },
  session: {
    account: '账户',
    signOut: '退出登录',
    pending: '待认证',
    pendingNotice: '{company} 尚未通过认证，目前显示标准价；认证通过后即可享受阶梯价。',
  },
  catalog: {
    title: '商品目录',
    allProducts: '全部商品',
    categories: '商品分类',
    quantity: '按数量报价',
    empty: '没有符合条件的商品',
    emptyHint: '试试其他分类，或放宽筛选条件。',
    notFound: '未找到该分类',
    notFoundHint: '该分类可能已更名或被删除。',
  },
  price: {
    source: {
      LIST: '标准价',
      TIER: '阶梯价',
      CONTRACT: '合同价',
    },
    yourPrice: '您的价格',
    perUnit: '单价',
    total: '{count} 件合计',
    listPrice: '标准价 {price}',
    updating: '正在更新价格…',
    tiers: '阶梯价格',
    tierQuantity: '数量',
    tierUnitPrice: '单价',
    tierFrom: '{count} 件起',
    useTier: '查看 {count} 件的价格',
  },
  product: {
    notFound: '未找到该商品',
    notFoundHint: '该商品可能已被商家下架。',
    soldBy: '商家',
    options: '规格',
    quantity: '数量',
    minimumOrder: '起订量 {count}，按 {step} 的倍数递增',
  },
  notFound: {
    title: '页面不存在',
    text: '你访问的页面不存在。',
  },
  backToCatalog: '返回商品目录',
};

export const messages = { en, 'zh-CN': zhCN };
