import type {
  ContractsAuditEntryFragment,
  ContractsDetailFragment,
  ContractsMilestoneFragment,
  ContractsSummaryFragment,
  MeQuery,
} from '@marketgate/graphql-client';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onePage } from '../shared/connection.testing';
import { buyer, renderApp } from '../test-utils';

const cny = (amount: number) => ({ amount, currency: 'CNY' });

let current: VueWrapper | undefined;

beforeEach(() => {
  vi.stubEnv('TZ', 'UTC');
  localStorage.setItem('marketgate.portal.token', 'token-1');
});

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
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

function deposit(over: Partial<ContractsMilestoneFragment> = {}): ContractsMilestoneFragment {
  return {
    id: 'm1',
    label: 'Deposit',
    status: 'DUE',
    trigger: 'ON_SIGNING',
    netDays: 0,
    dueDate: null,
    dueAt: '2026-12-01T08:00:00Z',
    triggeredAt: '2026-12-01T08:00:00Z',
    paidAt: null,
    callOff: null,
    amount: cny(30_000),
    paid: cny(0),
    outstanding: cny(30_000),
    ...over,
  };
}

const final: ContractsMilestoneFragment = {
  ...deposit(),
  id: 'm2',
  label: 'Final',
  status: 'SCHEDULED',
  trigger: 'ON_ACCEPTANCE',
  netDays: 30,
  dueAt: null,
  triggeredAt: null,
  amount: cny(70_000),
  outstanding: cny(70_000),
};

function oneOff(over: Partial<ContractsDetailFragment> = {}): ContractsDetailFragment {
  return {
    id: 'c1',
    number: 'C-000001',
    kind: 'ONE_OFF',
    status: 'PENDING_SIGNATURE',
    startsOn: null,
    endsOn: null,
    termMonths: null,
    total: cny(100_000),
    company: { id: 'co1', name: 'Acme Trading Co.' },
    seller: { id: 's1', name: 'North Dairy' },
    milestones: [],
    quoteId: 'q1',
    createdAt: '2026-11-30T08:00:00Z',
    allowedActions: ['SIGN', 'RECORD_PAYMENT'],
    buyerSignedAt: '2026-12-01T07:00:00Z',
    buyerSignedBy: 'Acme Admin',
    sellerSignedAt: null,
    sellerSignedBy: null,
    deliveredAt: null,
    acceptedAt: null,
    disputeNote: null,
    paymentTerms: { kind: 'INSTALLMENTS', netDays: null },
    lines: [
      {
        id: 'l1',
        description: 'Fresh Milk, 1 L',
        quantity: 100,
        drawnQuantity: 0,
        remainingQuantity: 100,
        unitPrice: cny(1_000),
      },
    ],
    payments: [],
    callOffs: [],
    ...over,
  };
}

const quoteData = {
  quoteRequest: {
    id: 'q1',
    number: 'RFQ-000001',
    deliveryAddress: {
      name: 'Acme Receiving',
      phone: '13800138000',
      province: 'Zhejiang',
      city: 'Hangzhou',
      district: 'Xihu',
      line1: '18 Wensan Road',
      postalCode: '310000',
    },
  },
};

const trail: ContractsAuditEntryFragment[] = [
  {
    at: '2026-11-30T08:00:00Z',
    actor: '',
    action: 'drawn up',
    fromState: null,
    toState: 'PENDING_SIGNATURE',
    details: '{"quoteId":1}',
  },
  {
    at: '2026-12-01T07:00:00Z',
    actor: 'Acme Admin',
    action: 'signed by buyer',
    fromState: 'PENDING_SIGNATURE',
    toState: 'PENDING_SIGNATURE',
    details: '{}',
  },
];

async function render(
  path: string,
  me: NonNullable<MeQuery['me']>,
  handlers: Parameters<typeof renderApp>[1],
) {
  const rendered = await renderApp(path, { Me: () => ({ me }), ...handlers });
  current = rendered.wrapper;
  return rendered;
}

function summary(over: Partial<ContractsSummaryFragment>): ContractsSummaryFragment {
  const { quoteId, createdAt, allowedActions, ...base } = oneOff();
  void quoteId;
  void createdAt;
  void allowedActions;
  return {
    id: base.id,
    number: base.number,
    kind: base.kind,
    status: base.status,
    startsOn: base.startsOn,
    endsOn: base.endsOn,
    termMonths: base.termMonths,
    total: base.total,
    company: base.company,
    seller: base.seller,
    milestones: base.milestones,
    ...over,
  };
}

describe('the contracts list', () => {
  const active = summary({
    id: 'c1',
    status: 'ACTIVE',
    startsOn: '2026-12-01',
    milestones: [deposit({ status: 'OVERDUE' }), final],
  });
  const ending = summary({
    id: 'c2',
    number: 'C-000002',
    kind: 'FRAMEWORK',
    status: 'ACTIVE',
    startsOn: '2026-01-10',
    endsOn: '2027-01-09',
    termMonths: 12,
  });

  it('asks the gateway for the chosen status, sort and page and marks agreements nearing their end', async () => {
    const { wrapper, gateway, router } = await render('/contracts?status=ACTIVE', buyer, {
      ContractsList: (variables) => ({
        contracts: {
          totalCount: 27,
          edges: [active, ending].map((node, index) => ({ cursor: `c${index}`, node })),
          pageInfo: { hasNextPage: !variables.after, endCursor: 'c1' },
        },
        contractsNearingEnd: [{ ...ending, allowedActions: ['PLACE_CALL_OFF', 'RENEW'] }],
      }),
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="contract-row"]')).toHaveLength(2));
    const listed = () => gateway.requests.filter((r) => r.operationName === 'ContractsList');
    expect(listed()[0]?.variables).toEqual({
      status: 'ACTIVE',
      sort: 'CREATED_DESC',
      first: 20,
      after: null,
    });
    expect(wrapper.get('[data-testid="contracts-count"]').text()).toBe('27 contracts');

    const [first, second] = wrapper.findAll('[data-testid="contract-row"]');
    expect(first?.text()).toContain('C-000001');
    expect(first?.text()).toContain('Acme Trading Co.');
    expect(first?.text()).toContain('One-off purchase');
    expect(first?.text()).toContain('From Dec 1, 2026');
    expect(first?.text()).toContain('CN¥1,000.00');
    expect(first?.text()).toContain('Deposit');
    expect(first?.text()).toContain('Overdue');
    expect(first?.find('[data-testid="contract-ends-soon"]').exists()).toBe(false);
    expect(second?.text()).toContain('Jan 10, 2026 – Jan 9, 2027');
    expect(second?.text()).toContain('Nothing scheduled yet');
    expect(second?.get('[data-testid="contract-ends-soon"]').text()).toBe('Ends soon');
    expect(wrapper.get('[data-testid="contracts-nearing-end"]').text()).toContain(
      'C-000002 · North Dairy · ends Jan 9, 2027',
    );
    expect(wrapper.get('[data-testid="contract-row"] a').attributes('href')).toBe('/contracts/c1');

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(listed().at(-1)?.variables.after).toBe('c1'));

    await wrapper.get('[data-testid="contracts-sort"] select').setValue('ENDS_ON_ASC');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ status: 'ACTIVE', sort: 'ENDS_ON_ASC' }),
    );
    await vi.waitFor(() =>
      expect(listed().at(-1)?.variables).toEqual({
        status: 'ACTIVE',
        sort: 'ENDS_ON_ASC',
        first: 20,
        after: null,
      }),
    );

    await wrapper.get('[data-testid="contracts-status-filter"] select').setValue('');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ sort: 'ENDS_ON_ASC' }),
    );
    await vi.waitFor(() =>
      expect(listed().at(-1)?.variables).toEqual({
        status: null,
        sort: 'ENDS_ON_ASC',
        first: 20,
        after: null,
      }),
    );
  });

  it('says when there are no contracts yet, and when none has the status', async () => {
    const { wrapper, router } = await render('/seller/contracts', sellerStaff, {
      ContractsList: () => ({ contracts: onePage([]), contractsNearingEnd: [] }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('No contracts yet'));
    await router.push('/seller/contracts?status=COMPLETED');
    await vi.waitFor(() => expect(wrapper.text()).toContain('No contracts with this status'));
  });
});

describe('a contract', () => {
  it('lets the seller sign, then record the deposit, which the timeline then shows paid', async () => {
    let contract = oneOff();
    const { wrapper, gateway } = await render('/seller/contracts/c1', sellerStaff, {
      ContractsDetail: () => ({ contract, contractsNearingEnd: [] }),
      ContractsQuote: () => quoteData,
      ContractsAuditTrail: () => ({ auditTrail: trail }),
      ContractsSign: () => {
        contract = oneOff({
          status: 'ACTIVE',
          startsOn: '2026-12-01',
          allowedActions: ['RECORD_DELIVERY', 'RECORD_PAYMENT'],
          sellerSignedAt: '2026-12-01T08:00:00Z',
          sellerSignedBy: 'North Dairy Sales',
          milestones: [deposit(), final],
        });
        return { signContract: { __typename: 'Contract', id: 'c1', status: 'ACTIVE' } };
      },
      ContractsRecordPayment: (variables) => {
        contract = {
          ...contract,
          milestones: [
            deposit({
              status: 'PAID',
              paid: cny(30_000),
              outstanding: cny(0),
              paidAt: '2026-12-02T08:00:00Z',
            }),
            final,
          ],
        };
        const input = variables.input as { reference: string };
        return {
          recordContractPayment: {
            __typename: 'ContractPayment',
            id: 'p1',
            milestoneId: 'm1',
            reference: input.reference,
            recordedAt: '2026-12-02T08:00:00Z',
            amount: cny(30_000),
          },
        };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="sign-contract"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="contract-status"]').text()).toBe('Awaiting signatures');
    expect(wrapper.get('[data-testid="signature-buyer"]').text()).toContain(
      'Signed by Acme Admin on Dec 1, 2026, 7:00 AM',
    );
    expect(wrapper.get('[data-testid="signature-seller"]').text()).toContain('Not signed yet');
    expect(wrapper.get('[data-testid="sign-contract"]').text()).toBe('Sign for North Dairy');
    expect(wrapper.text()).toContain('The installments are scheduled once both sides have signed.');
    expect(wrapper.findAll('[data-testid="audit-entry"]').map((e) => e.text())).toEqual([
      expect.stringContaining('Drawn up from the approved quote'),
      expect.stringContaining('Signed by the buyer'),
    ]);

    await wrapper.get('[data-testid="sign-contract"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="contract-status"]').text()).toBe('Active'),
    );
    expect(gateway.requests.find((r) => r.operationName === 'ContractsSign')?.variables).toEqual({
      id: 'c1',
    });
    expect(wrapper.get('[data-testid="sign-result"]').text()).toBe(
      'Signed. Both sides have signed: the contract is active.',
    );
    expect(wrapper.find('[data-testid="sign-contract"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="record-delivery"]').text()).toBe('Record delivery');

    const depositItem = () =>
      wrapper.get('[data-testid="milestone"][data-milestone-label="Deposit"]');
    expect(depositItem().get('[data-testid="milestone-status"]').text()).toBe('Due');
    await depositItem().get('[data-testid="record-payment"]').trigger('click');
    await depositItem().get('[data-testid="payment-reference"] input').setValue('BANK-2026-001');
    await depositItem().get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(depositItem().get('[data-testid="milestone-status"]').text()).toBe('Paid'),
    );
    expect(
      gateway.requests.find((r) => r.operationName === 'ContractsRecordPayment')?.variables,
    ).toEqual({ input: { milestoneId: 'm1', amount: 30_000, reference: 'BANK-2026-001' } });
    expect(wrapper.get('[data-testid="payment-recorded"]').text()).toBe(
      'Recorded CN¥300.00 against Deposit (reference BANK-2026-001).',
    );
    expect(depositItem().find('[data-testid="record-payment"]').exists()).toBe(false);
  });

  it('shows the buyer what the gateway allows: no signature, no audit trail, a renewal', async () => {
    const framework = oneOff({
      kind: 'FRAMEWORK',
      status: 'ACTIVE',
      startsOn: '2026-01-10',
      endsOn: '2027-01-09',
      termMonths: 12,
      allowedActions: ['PLACE_CALL_OFF', 'RENEW'],
      sellerSignedAt: '2026-01-10T08:00:00Z',
      sellerSignedBy: 'North Dairy Sales',
      paymentTerms: { kind: 'NET', netDays: 30 },
      lines: [
        {
          id: 'l1',
          description: 'Fresh Milk, 1 L',
          quantity: 500,
          drawnQuantity: 125,
          remainingQuantity: 375,
          unitPrice: cny(900),
        },
      ],
    });
    const { wrapper, gateway, router } = await render('/contracts/c1', buyer, {
      ContractsDetail: () => ({ contract: framework, contractsNearingEnd: [{ id: 'c1' }] }),
      ContractsQuote: () => quoteData,
      ContractsAuditTrail: () => ({ auditTrail: null }),
      ContractsRenew: () => ({
        renewContract: {
          __typename: 'QuoteRequest',
          id: 'q9',
          number: 'RFQ-000009',
          status: 'DRAFT',
        },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="contract-nearing-end"]').exists()).toBe(true),
    );
    expect(wrapper.text()).toContain('From quote RFQ-000001');
    expect(wrapper.get('[data-testid="contract-term"]').text()).toBe('Jan 10, 2026 – Jan 9, 2027');
    expect(wrapper.text()).toContain('Net 30 days after each call-off order');
    expect(wrapper.find('[data-testid="sign-contract"]').exists()).toBe(false);
    expect(wrapper.text()).toContain(
      'The audit trail is shown to company admins, management approvers and the seller.',
    );
    const bar = wrapper.get('[data-testid="contract-line"] svg');
    expect(bar.attributes('aria-label')).toBe('125 of 500 drawn down, 375 remaining');
    expect(bar.findAll('rect')[1]?.attributes('width')).toBe('25');
    expect(wrapper.find('[data-testid="open-call-off"]').exists()).toBe(true);

    await wrapper.get('[data-testid="renew-contract"]').trigger('click');
    await vi.waitFor(() =>
      expect(gateway.requests.some((r) => r.operationName === 'ContractsRenew')).toBe(true),
    );
    if (router.hasRoute('quote-request-edit')) {
      await vi.waitFor(() =>
        expect(router.currentRoute.value).toMatchObject({
          name: 'quote-request-edit',
          params: { id: 'q9' },
        }),
      );
    } else {
      await vi.waitFor(() =>
        expect(wrapper.text()).toContain('Draft request RFQ-000009 started from this agreement.'),
      );
    }
  });

  it('says so when the contract is not the viewer’s', async () => {
    const { wrapper } = await render('/contracts/c404', buyer, {
      ContractsDetail: () => ({ contract: null, contractsNearingEnd: [] }),
      ContractsAuditTrail: () => ({ auditTrail: null }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Contract not found'));
  });
});
