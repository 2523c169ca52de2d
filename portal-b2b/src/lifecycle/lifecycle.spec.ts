import type {
  FunnelStage,
  LifecycleAtRiskQuery,
  LifecycleFunnelQuery,
  LifecycleFunnelViewFragment,
  MeQuery,
} from '@marketgate/graphql-client';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buyer, renderApp } from '../test-utils';
import { parseLifecycleQuery, rangeProblem, toFunnelInput } from './lifecycle-query';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

const sellerStaff: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u3',
  email: 'sales@north-dairy.example',
  name: 'North Dairy Sales',
  seller: { id: 's1', name: 'North Dairy' },
  memberships: [],
};
const platformAdmin: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u9',
  name: 'Platform Admin',
  isPlatformAdmin: true,
  memberships: [],
};

/** A funnel of two monthly periods from per-period counts, with the gateway's conversions. */
function funnel(stages: FunnelStage[], periods: number[][]): LifecycleFunnelViewFragment {
  const counted = (counts: number[]) =>
    stages.map((stage, i) => ({
      stage,
      accounts: counts[i] ?? 0,
      conversion: i > 0 && (counts[i - 1] ?? 0) > 0 ? (counts[i] ?? 0) / counts[i - 1]! : null,
    }));
  const whole = stages.map((_, i) => periods.reduce((sum, p) => sum + (p[i] ?? 0), 0));
  return {
    stages: counted(whole),
    periods: periods.map((counts, p) => ({
      start: `2026-0${p + 1}-01T00:00:00.000Z`,
      stages: counted(counts),
    })),
  };
}

const funnels = (
  b2b: number[][] = [
    [2, 2, 1, 1],
    [1, 0, 0, 0],
  ],
): LifecycleFunnelQuery => ({
  lifecycleFunnel: {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-03-01T00:00:00.000Z',
    bucket: 'MONTH',
    b2c: funnel(
      ['REGISTERED', 'FIRST_ORDER', 'REPEAT'],
      [
        [3, 2, 1],
        [0, 0, 0],
      ],
    ),
    b2b: funnel(['RFQ', 'QUOTED', 'CONTRACT', 'RENEWAL'], b2b),
  },
});

const atRisk: LifecycleAtRiskQuery = {
  renewalsAtRisk: {
    totalCount: 1,
    edges: [
      {
        node: {
          id: 'k7',
          number: 'C-000007',
          endsOn: '2027-01-15',
          company: { id: 'c1', name: 'Acme Trading Co.' },
          seller: { id: 's1', name: 'North Dairy' },
        },
      },
    ],
  },
  lapsedConsumers: { totalCount: 12, edges: [{ node: { id: 'u5', name: 'Lin Wei' } }] },
  lapsedCompanies: { totalCount: 0, edges: [] },
};

async function render(
  path: string,
  me: NonNullable<MeQuery['me']>,
  handlers: Parameters<typeof renderApp>[1] = {},
) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, {
    Me: () => ({ me }),
    LifecycleFunnel: () => funnels(),
    LifecycleAtRisk: () => atRisk,
    ...handlers,
  });
  current = rendered.wrapper;
  await flushPromises();
  return rendered;
}

const stages = (wrapper: VueWrapper, id: string) =>
  wrapper
    .get(`[data-testid="${id}"]`)
    .findAll('[data-testid="lifecycle-stage"]')
    .map((stage) =>
      stage
        .findAll('span, strong')
        .map((part) => part.text())
        .join(' '),
    );

describe('lifecycle range in the address', () => {
  const today = new Date('2026-12-01T10:00:00Z');

  it('defaults to twelve months by month and sends whole UTC days', () => {
    const query = parseLifecycleQuery({}, today);
    expect(query).toEqual({ from: '2026-01-01', to: '2026-12-01', bucket: 'MONTH' });
    expect(toFunnelInput(query)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
      bucket: 'MONTH',
    });
    expect(parseLifecycleQuery({ from: '2026-02-30x', bucket: 'DAY' }, today).bucket).toBe('MONTH');
  });

  it('names a reversed or too long range', () => {
    expect(rangeProblem({ from: '2026-02-01', to: '2026-01-31', bucket: 'WEEK' })).toBe('order');
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-01', bucket: 'WEEK' })).toBeNull();
    expect(rangeProblem({ from: '2024-01-01', to: '2026-01-01', bucket: 'WEEK' })).toBe('span');
  });
});

describe('seller lifecycle dashboard', () => {
  it('is a tab of the seller workspace with both funnels, their conversions and charts', async () => {
    const { wrapper, gateway } = await render(
      '/seller/lifecycle?from=2026-01-01&to=2026-02-28&bucket=MONTH',
      sellerStaff,
    );
    expect(wrapper.get('nav a[aria-current="page"]').text()).toBe('Customer lifecycle');
    expect(wrapper.get('h1').text()).toBe('Customer lifecycle');
    expect(gateway.requests.find((r) => r.operationName === 'LifecycleFunnel')?.variables).toEqual({
      input: { from: '2026-01-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', bucket: 'MONTH' },
    });
    expect(stages(wrapper, 'lifecycle-b2c')).toEqual([
      'New customers 3',
      'First order 2 66.7% of the previous stage',
      'Repeat order 1 50% of the previous stage',
    ]);
    expect(stages(wrapper, 'lifecycle-b2b')[1]).toBe('Quoted 2 66.7% of the previous stage');

    const b2c = wrapper.get('[data-testid="lifecycle-b2c"]');
    const svg = b2c.get('svg[role="img"]');
    expect(svg.get('title').text()).toBe('Consumers (B2C) over time');
    expect(svg.findAll('rect')).toHaveLength(6);
    const rows = b2c.findAll('table tbody tr').map((row) =>
      row
        .findAll('th, td')
        .map((cell) => cell.text())
        .join(' '),
    );
    expect(rows).toEqual(['Jan 2026 3 2 1', 'Feb 2026 0 0 0']);
  });

  it('lists the accounts at risk, agreements linking to their contract', async () => {
    const { wrapper } = await render('/seller/lifecycle', sellerStaff);
    const renewals = wrapper.get('[data-testid="lifecycle-renewals"]');
    expect(renewals.text()).toContain('Acme Trading Co. with North Dairy');
    expect(renewals.text()).toContain('Ends on Jan 15, 2027');
    expect(renewals.get('a').attributes('href')).toBe('/seller/contracts/k7');
    const consumers = wrapper.get('[data-testid="lifecycle-lapsed-consumers"]');
    expect(consumers.text()).toContain('Lin Wei');
    expect(consumers.text()).toContain('Showing 10 of 12');
    expect(wrapper.get('[data-testid="lifecycle-lapsed-companies"]').text()).toContain('None');
  });

  it('keeps the range and bucket in the address and asks again', async () => {
    const { wrapper, router, gateway } = await render(
      '/seller/lifecycle?from=2026-01-01&to=2026-02-28',
      sellerStaff,
    );
    await wrapper.get('select').setValue('WEEK');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({
      from: '2026-01-01',
      to: '2026-02-28',
      bucket: 'WEEK',
    });
    const asked = gateway.requests.filter((r) => r.operationName === 'LifecycleFunnel');
    expect(asked.at(-1)?.variables).toMatchObject({ input: { bucket: 'WEEK' } });

    await wrapper.get('input[type="date"]').setValue('2026-03-01');
    await flushPromises();
    expect(wrapper.text()).toContain('The range must end after it starts.');
    expect(gateway.requests.filter((r) => r.operationName === 'LifecycleFunnel')).toHaveLength(
      asked.length,
    );
  });

  it('shows an empty funnel and a failed request as such', async () => {
    const { wrapper } = await render('/seller/lifecycle', sellerStaff, {
      LifecycleFunnel: () =>
        funnels([
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ]),
      LifecycleAtRisk: () => {
        throw new Error('down');
      },
    });
    expect(wrapper.find('[data-testid="lifecycle-b2b-empty"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="lifecycle-b2c-empty"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="lifecycle-risk"]').text()).toContain('Try again');
  });
});

describe('admin lifecycle dashboard', () => {
  it('is a tab of the admin workspace, naming registrations and without contract links', async () => {
    const { wrapper } = await render('/admin/lifecycle', platformAdmin);
    expect(wrapper.get('nav a[aria-current="page"]').text()).toBe('Customer lifecycle');
    expect(stages(wrapper, 'lifecycle-b2c')[0]).toBe('Registered 3');
    expect(wrapper.get('[data-testid="lifecycle-renewals"]').find('a').exists()).toBe(false);
  });
});
