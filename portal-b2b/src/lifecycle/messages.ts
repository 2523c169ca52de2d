import type { FunnelStage } from '@marketgate/graphql-client';

const en = {
  title: 'Customer lifecycle',
  intro: {
    seller:
      'How your customers move from their first order to repeat business, and which accounts need attention. Only your shop’s customers and business count.',
    admin:
      'How customers across the platform move from registering to repeat business, and which accounts need attention.',
  },
  range: {
    label: 'Range',
    from: 'From',
    to: 'To (inclusive)',
    bucket: 'Split by',
    WEEK: 'Week',
    MONTH: 'Month',
    order: 'The range must end after it starts.',
    span: 'A range covers {max} days at most.',
  },
  loading: 'Loading…',
  b2c: {
    title: 'Consumers (B2C)',
    intro: 'Consumers who joined within the range, and how far each has got so far.',
  },
  b2b: {
    title: 'Businesses (B2B)',
    intro:
      'Companies whose first request for quotation falls within the range, and how far each has got so far.',
  },
  stage: {
    REGISTERED: 'Registered',
    FIRST_ORDER: 'First order',
    REPEAT: 'Repeat order',
    RFQ: 'Request for quotation',
    QUOTED: 'Quoted',
    CONTRACT: 'Contract',
    RENEWAL: 'Renewal',
  } satisfies Record<FunnelStage, string>,
  registeredSeller: 'New customers',
  conversion: '{percent} of the previous stage',
  noConversion: 'No previous accounts to convert',
  accounts: 'No accounts | 1 account | {count} accounts',
  chart: {
    title: '{funnel} over time',
    summary: '{funnel}: accounts at each stage per {unit}, {periods} periods.',
    unit: { WEEK: 'week', MONTH: 'month' },
    table: 'Show as a table',
    period: 'Period starting',
  },
  empty: 'Nobody entered this funnel within the range',
  emptyHint: 'Choose a longer or earlier range.',
  atRisk: {
    title: 'Accounts at risk',
    renewals: 'Agreements ending within {days} days, not renewed',
    renewalsEmpty: 'No agreement ends unrenewed within {days} days',
    endsOn: 'Ends on {date}',
    with: '{company} with {seller}',
    lapsedConsumers: 'Consumers with no order for {days} days',
    lapsedCompanies: 'Companies with no purchase for {days} days',
    lapsedEmpty: 'None',
    more: 'Showing {shown} of {count}',
  },
};

export type LifecycleMessages = typeof en;

const zhCN: LifecycleMessages = {
  title: '客户生命周期',
  intro: {
    seller: '你的客户如何从首单走向复购，以及哪些客户需要关注。只统计本店的客户和业务。',
    admin: '平台客户如何从注册走向复购，以及哪些客户需要关注。',
  },
  range: {
    label: '时间范围',
    from: '开始日期',
    to: '结束日期（含）',
    bucket: '统计粒度',
    WEEK: '按周',
    MONTH: '按月',
    order: '结束日期必须晚于开始日期。',
    span: '时间范围最长 {max} 天。',
  },
  loading: '正在加载…',
  b2c: {
    title: '个人消费者（B2C）',
    intro: '在该时间范围内加入的消费者，以及他们目前走到了哪一步。',
  },
  b2b: {
    title: '企业客户（B2B）',
    intro: '首次询价落在该时间范围内的企业，以及它们目前走到了哪一步。',
  },
  stage: {
    REGISTERED: '注册',
    FIRST_ORDER: '首单',
    REPEAT: '复购',
    RFQ: '询价',
    QUOTED: '已报价',
    CONTRACT: '签约',
    RENEWAL: '续约',
  },
  registeredSeller: '新客户',
  conversion: '上一阶段的 {percent}',
  noConversion: '上一阶段没有客户',
  accounts: '没有客户 | 1 个客户 | {count} 个客户',
  chart: {
    title: '{funnel}趋势',
    summary: '{funnel}：每{unit}各阶段的客户数，共 {periods} 个周期。',
    unit: { WEEK: '周', MONTH: '月' },
    table: '以表格查看',
    period: '周期开始',
  },
  empty: '该时间范围内没有客户进入此漏斗',
  emptyHint: '请选择更长或更早的时间范围。',
  atRisk: {
    title: '风险客户',
    renewals: '{days} 天内到期且未续约的框架协议',
    renewalsEmpty: '{days} 天内没有到期未续约的协议',
    endsOn: '{date} 到期',
    with: '{company} 与 {seller}',
    lapsedConsumers: '{days} 天未下单的消费者',
    lapsedCompanies: '{days} 天未采购的企业',
    lapsedEmpty: '无',
    more: '显示 {shown} / 共 {count}',
  },
};

export const lifecycleMessages = { en, zhCN };
