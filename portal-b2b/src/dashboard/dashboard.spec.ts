import type {
  CompanyRecommendationsQuery,
  DashboardRenewalsQuery,
  MeQuery,
  PlacedContentQuery,
  RecommendationCardFragment,
} from '@marketgate/graphql-client';
import { createMarketgateI18n } from '@marketgate/ui';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '../messages';
import { buyer, renderApp } from '../test-utils';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

const twoCompanies: NonNullable<MeQuery['me']> = {
  ...buyer,
  memberships: [
    ...buyer.memberships,
    {
      id: 'm2',
      roles: ['APPROVER'],
      department: null,
      company: { id: 'c2', name: 'Acme Logistics', status: 'VERIFIED' },
    },
  ],
};

function recommendation(
  reason: RecommendationCardFragment['reason'],
  name: string,
  facts: Partial<RecommendationCardFragment> = {},
): RecommendationCardFragment {
  return {
    reason,
    count: 3,
    lastOrderedAt: null,
    tierQuantity: null,
    tierUnitPrice: null,
    product: {
      id: `p-${name}`,
      slug: name.toLowerCase().replaceAll(' ', '-'),
      name,
      imageUrls: [],
      priceFrom: null,
    },
    variant: null,
    basedOn: null,
    ...facts,
  };
}

const renewals: DashboardRenewalsQuery = {
  contractsNearingEnd: [
    {
      id: 'k1',
      number: 'CT-2026-0007',
      endsOn: '2027-01-31',
      allowedActions: ['RENEW', 'PLACE_CALL_OFF'],
      company: { id: 'c1' },
      seller: { id: 's1', name: 'Office Hub' },
      renewalAdditions: [recommendation('RENEWAL_ADDITIONS', 'Toner', { count: 2 })],
    },
    {
      id: 'k2',
      number: 'CT-2026-0009',
      endsOn: '2027-02-10',
      allowedActions: [],
      company: { id: 'c2' },
      seller: { id: 's1', name: 'Office Hub' },
      renewalAdditions: [],
    },
  ],
};

const recommendations: CompanyRecommendationsQuery = {
  companies: [
    {
      id: 'c1',
      name: 'Acme Trading Co.',
      reorders: [
        recommendation('REORDER', 'Copy Paper', {
          count: 4,
          lastOrderedAt: '2026-11-20T09:30:00Z',
          variant: { id: 'v1', sku: 'CP-A4', name: 'A4' },
        }),
      ],
      similarCompaniesBuy: [recommendation('SIMILAR_COMPANIES_BUY', 'Desk Lamp', { count: 1 })],
    },
    { id: 'c2', name: 'Acme Logistics', reorders: [], similarCompaniesBuy: [] },
  ],
};

function content(companyId: unknown): PlacedContentQuery {
  if (companyId !== 'c1') return { placedContent: [] };
  return {
    placedContent: [
      {
        id: 'b1',
        kind: 'BANNER',
        title: 'Renew before your contract ends',
        body: 'Keep your contract prices.',
        imageUrl: null,
        linkUrl: '/contracts',
        callToAction: 'See my contracts',
        products: [],
      },
      {
        id: 'b2',
        kind: 'PRODUCT_SLOT',
        title: 'For your warehouse',
        body: null,
        imageUrl: null,
        linkUrl: null,
        callToAction: null,
        products: [{ id: 'p9', name: 'Pallet Wrap', slug: 'pallet-wrap', imageUrls: [] }],
      },
    ],
  };
}

async function render(path: string, handlers: Parameters<typeof renderApp>[1], me = twoCompanies) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, {
    Me: () => ({ me }),
    PlacedContent: (variables) => content(variables.companyId),
    DashboardRenewals: () => renewals,
    CompanyRecommendations: () => recommendations,
    ...handlers,
  });
  current = rendered.wrapper;
  await flushPromises();
  return rendered;
}

const texts = (wrapper: VueWrapper, testid: string) =>
  wrapper.findAll(`[data-testid="${testid}"]`).map((item) => item.text());

describe('buyer dashboard', () => {
  it('is the first tab of the company workspace', async () => {
    const { wrapper } = await render('/dashboard', {});
    const tabs = wrapper.findAll('nav a').map((link) => link.text());
    expect(tabs[0]).toBe('Dashboard');
    expect(wrapper.get('nav a[aria-current="page"]').text()).toBe('Dashboard');
  });

  it('shows the company’s content, renewals due and recommendations with their reasons', async () => {
    const { wrapper, gateway } = await render('/dashboard', {});

    expect(wrapper.get('h1').text()).toBe('Acme Trading Co.: dashboard');
    const banner = wrapper.get('[data-testid="dashboard-banner"]');
    expect(banner.text()).toContain('Renew before your contract ends');
    expect(banner.get('a').attributes('href')).toBe('/contracts');
    expect(banner.get('a').text()).toBe('See my contracts');
    expect(wrapper.get('[data-testid="dashboard-slot"] a').attributes('href')).toBe(
      '/p/pallet-wrap',
    );

    expect(texts(wrapper, 'dashboard-renewal')).toHaveLength(1);
    const renewal = wrapper.get('[data-testid="dashboard-renewal"]');
    expect(renewal.text()).toContain('Contract CT-2026-0007');
    expect(renewal.text()).toContain('Ends on Jan 31, 2027');
    const renew = renewal.get('[data-testid="dashboard-renew"]');
    expect(renew.text()).toBe('Review and renew');
    expect(renew.attributes('href')).toBe('/contracts/k1');
    expect(texts(wrapper, 'dashboard-addition')[0]).toContain(
      'Bought from this seller under 2 other contracts',
    );

    const reorder = texts(wrapper, 'dashboard-reorder')[0];
    expect(reorder).toContain('Copy Paper');
    expect(reorder).toContain('SKU CP-A4');
    expect(reorder).toContain('Ordered in 4 call-offs, last on Nov 20, 2026');
    expect(texts(wrapper, 'dashboard-similar-product')[0]).toContain(
      '1 similar company buys it under contract',
    );

    const placed = gateway.requests.find((r) => r.operationName === 'PlacedContent');
    expect(placed?.variables).toMatchObject({ placement: 'PORTAL_DASHBOARD', companyId: 'c1' });
    expect(
      gateway.requests.find((r) => r.operationName === 'DashboardRenewals')?.variables,
    ).toEqual(expect.objectContaining({ withinDays: 90 }));
  });

  it('switches company, kept in the address, with its own content and empty states', async () => {
    const { wrapper, router, gateway } = await render('/dashboard', {});

    await wrapper.get('[data-testid="dashboard-company-picker"]').setValue('c2');
    await flushPromises();

    expect(router.currentRoute.value.query.company).toBe('c2');
    expect(wrapper.get('h1').text()).toBe('Acme Logistics: dashboard');
    expect(wrapper.find('[data-testid="dashboard-banner"]').exists()).toBe(false);
    const renewal = wrapper.get('[data-testid="dashboard-renewal"]');
    expect(renewal.text()).toContain('CT-2026-0009');
    expect(renewal.get('[data-testid="dashboard-renew"]').text()).toBe('Open contract');
    expect(renewal.text()).toContain('Nothing to add from your other contracts.');
    expect(wrapper.find('[data-testid="dashboard-reorders-empty"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="dashboard-similar-empty"]').exists()).toBe(true);
    const placed = gateway.requests.filter((r) => r.operationName === 'PlacedContent');
    expect(placed.at(-1)?.variables.companyId).toBe('c2');
  });

  it('says so when no contract ends within 90 days', async () => {
    const { wrapper } = await render('/dashboard', {
      DashboardRenewals: () => ({ contractsNearingEnd: [] }),
    });
    expect(wrapper.get('[data-testid="dashboard-renewals-empty"]').text()).toContain(
      'No contract ends within 90 days',
    );
  });

  it('shows an error with a retry that loads again', async () => {
    let fail = true;
    const { wrapper } = await render('/dashboard', {
      CompanyRecommendations: () => {
        if (fail) throw new Error('down');
        return recommendations;
      },
    });
    const section = wrapper.get('[data-testid="dashboard-reorders"]');
    expect(section.find('[role="alert"]').exists()).toBe(true);

    fail = false;
    await section.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(texts(wrapper, 'dashboard-reorder')[0]).toContain('Copy Paper');
  });

  it('tells someone without a company that the dashboard is for members', async () => {
    const { wrapper } = await render('/dashboard', {}, { ...buyer, memberships: [] });
    expect(wrapper.find('[data-testid="dashboard-unavailable"]').exists()).toBe(true);
  });

  it('words the reasons in Chinese too', () => {
    const { t } = createMarketgateI18n(messages, 'zh-CN').global;
    expect(t('dashboard.reason.SIMILAR_COMPANIES_BUY', { count: 3 }, 3)).toBe(
      '3 家同类企业在合同下采购',
    );
    expect(t('dashboard.reason.RENEWAL_ADDITIONS', { count: 1 }, 1)).toBe(
      '已在另外 1 份合同中向该商家采购',
    );
    expect(t('dashboard.reason.REORDER', { count: 4, date: '2026年11月20日' })).toBe(
      '已在 4 次订货中采购，最近一次为 2026年11月20日',
    );
  });
});
