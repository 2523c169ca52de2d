import type { RecommendationReason } from '@marketgate/graphql-client';

/** The reasons a company member sees on the dashboard. */
type DashboardReason = Extract<
  RecommendationReason,
  'REORDER' | 'SIMILAR_COMPANIES_BUY' | 'RENEWAL_ADDITIONS'
>;

const en = {
  title: 'Dashboard',
  heading: '{name}: dashboard',
  picker: 'Company',
  unavailable: 'The dashboard is for company members',
  unavailableHint: 'Ask an admin of your company to add you as a member.',
  loading: 'Loading…',
  content: {
    label: 'News for your company',
    products: 'Products',
  },
  renewals: {
    title: 'Renewals due',
    intro: 'Contracts of your company ending within the next 90 days.',
    empty: 'No contract ends within 90 days',
    emptyHint: 'Contracts close to their end appear here, with what to add when you renew.',
    contract: 'Contract {number}',
    endsOn: 'Ends on {date}',
    seller: 'With {seller}',
    renew: 'Review and renew',
    open: 'Open contract',
    additions: 'Worth adding at renewal',
    noAdditions: 'Nothing to add from your other contracts.',
  },
  reorders: {
    title: 'Recommended reorders',
    intro: 'What your company orders regularly under its contracts.',
    empty: 'No regular orders yet',
    emptyHint: 'Products your company draws in two call-offs or more appear here.',
    quickOrder: 'Reorder with quick order',
  },
  similar: {
    title: 'What similar companies buy',
    intro: 'Bought under contract by companies like yours, not yet by yours.',
    empty: 'Nothing to suggest yet',
    emptyHint: 'Suggestions come from companies sharing a tag or lifecycle stage with yours.',
  },
  reason: {
    REORDER: 'Ordered in {count} call-offs, last on {date}',
    SIMILAR_COMPANIES_BUY:
      'No similar company buys it under contract | 1 similar company buys it under contract | {count} similar companies buy it under contract',
    RENEWAL_ADDITIONS:
      'Bought from this seller under no other contract | Bought from this seller under 1 other contract | Bought from this seller under {count} other contracts',
  } satisfies Record<DashboardReason, string>,
  variant: 'SKU {sku}',
  view: 'View {name}',
};

export type DashboardMessages = typeof en;

const zhCN: DashboardMessages = {
  title: '采购概览',
  heading: '{name}：采购概览',
  picker: '企业',
  unavailable: '采购概览仅供企业成员使用',
  unavailableHint: '请联系企业管理员将你添加为成员。',
  loading: '正在加载…',
  content: {
    label: '企业专属资讯',
    products: '商品',
  },
  renewals: {
    title: '待续签合同',
    intro: '贵企业未来 90 天内到期的合同。',
    empty: '90 天内没有到期的合同',
    emptyHint: '即将到期的合同会显示在这里，并附上续签时值得加入的商品。',
    contract: '合同 {number}',
    endsOn: '{date} 到期',
    seller: '商家：{seller}',
    renew: '查看并续签',
    open: '查看合同',
    additions: '续签时值得加入',
    noAdditions: '其他合同中没有可加入的商品。',
  },
  reorders: {
    title: '推荐复购',
    intro: '贵企业在合同下经常采购的商品。',
    empty: '暂无常购商品',
    emptyHint: '在两次及以上订货中采购过的商品会显示在这里。',
    quickOrder: '用快速下单复购',
  },
  similar: {
    title: '同类企业在买',
    intro: '与贵企业相似的企业在合同下采购、而贵企业尚未采购的商品。',
    empty: '暂无推荐',
    emptyHint: '推荐来自与贵企业有相同标签或相同发展阶段的企业。',
  },
  reason: {
    REORDER: '已在 {count} 次订货中采购，最近一次为 {date}',
    SIMILAR_COMPANIES_BUY:
      '暂无同类企业在合同下采购 | 1 家同类企业在合同下采购 | {count} 家同类企业在合同下采购',
    RENEWAL_ADDITIONS:
      '未在其他合同中向该商家采购 | 已在另外 1 份合同中向该商家采购 | 已在另外 {count} 份合同中向该商家采购',
  },
  variant: '货号 {sku}',
  view: '查看 {name}',
};

export const dashboardMessages = { en, zhCN };
