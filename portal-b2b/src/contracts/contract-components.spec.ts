import type {
  ContractsDetailFragment,
  ContractsMilestoneFragment,
  ContractsPaymentFragment,
  ContractsPlaceCallOffMutation,
  ContractsRecordPaymentMutation,
} from '@marketgate/graphql-client';
import { createFakeGateway, type FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import { createMarketgateI18n } from '@marketgate/ui';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { messages } from '../messages';
import CallOffForm from './CallOffForm.vue';
import ContractCallOffs from './ContractCallOffs.vue';
import MilestoneTimeline from './MilestoneTimeline.vue';
import RecordPaymentForm from './RecordPaymentForm.vue';

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

/** The app's plugins around one component, talking to a fake gateway. */
function plugins(handlers: Record<string, FakeGatewayHandler> = {}) {
  const gateway = createFakeGateway(handlers);
  vi.stubGlobal('fetch', gateway.fetch);
  const empty = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: empty },
      { path: '/approvals/:id', name: 'approval', component: empty },
    ],
  });
  return {
    gateway,
    global: { plugins: [createPinia(), createMarketgateI18n(messages, 'en'), router] },
  };
}

function milestone(over: Partial<ContractsMilestoneFragment> = {}): ContractsMilestoneFragment {
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

const schedule: ContractsMilestoneFragment[] = [
  milestone({
    id: 'm1',
    label: 'Deposit',
    status: 'PAID',
    paid: cny(30_000),
    outstanding: cny(0),
    paidAt: '2026-12-02T09:00:00Z',
  }),
  milestone({
    id: 'm2',
    label: 'Mid-term',
    status: 'OVERDUE',
    trigger: 'ON_DELIVERY',
    netDays: 15,
    dueAt: '2026-12-20T08:00:00Z',
    amount: cny(40_000),
    paid: cny(10_000),
    outstanding: cny(30_000),
  }),
  milestone({
    id: 'm3',
    label: 'Final',
    status: 'SCHEDULED',
    trigger: 'ON_ACCEPTANCE',
    netDays: 30,
    dueAt: null,
    triggeredAt: null,
  }),
];

const payments: ContractsPaymentFragment[] = [
  {
    id: 'p1',
    milestoneId: 'm1',
    reference: 'BANK-001',
    recordedAt: '2026-12-02T09:00:00Z',
    amount: cny(30_000),
  },
];

function field(wrapper: VueWrapper, testId: string) {
  return wrapper.get(`[data-testid="${testId}"]`);
}

describe('the payment schedule timeline', () => {
  function render(canRecordPayment: boolean) {
    const { global } = plugins();
    current = mount(MilestoneTimeline, {
      props: { kind: 'ONE_OFF', milestones: schedule, payments, canRecordPayment },
      global,
    });
    return current;
  }

  it('shows each installment with the status the gateway gives it and when it falls due', () => {
    const wrapper = render(false);
    const items = wrapper.findAll('[data-testid="milestone"]');
    expect(items.map((item) => item.get('[data-testid="milestone-status"]').text())).toEqual([
      'Paid',
      'Overdue',
      'Scheduled',
    ]);
    expect(items[0]?.text()).toContain('Paid in full on Dec 2, 2026');
    expect(items[0]?.text()).toContain(
      'CN¥300.00 received Dec 2, 2026, 9:00 AM · reference BANK-001',
    );
    expect(items[2]?.get('[data-testid="milestone-due"]').text()).toBe(
      'Falls due 30 days after acceptance of the delivery',
    );
  });

  it('highlights an overdue installment with what is still outstanding', () => {
    const wrapper = render(false);
    const overdue = wrapper.get('[data-milestone-label="Mid-term"]');
    expect(overdue.classes()).toContain('milestone-timeline__item--overdue');
    expect(overdue.get('[data-testid="milestone-due"]').text()).toBe(
      'Overdue since Dec 20, 2026, 8:00 AM',
    );
    expect(overdue.text()).toContain('Outstanding');
    expect(overdue.text()).toContain('CN¥300.00');
    expect(wrapper.findAll('.milestone-timeline__item--overdue')).toHaveLength(1);
  });

  it('offers to record payments only where the gateway allows it and money is outstanding', () => {
    expect(render(false).find('[data-testid="record-payment"]').exists()).toBe(false);
    current?.unmount();
    const buttons = render(true).findAll('[data-testid="record-payment"]');
    expect(buttons.map((b) => b.attributes('aria-label'))).toEqual([
      'Record a payment against Mid-term',
      'Record a payment against Final',
    ]);
  });

  it('opens the payment form for one installment and closes it with Escape', async () => {
    const wrapper = render(true);
    const button = wrapper.get('[data-milestone-label="Mid-term"] [data-testid="record-payment"]');
    await button.trigger('click');
    expect(button.attributes('aria-expanded')).toBe('true');
    const form = wrapper.get('[data-testid="record-payment-form"]');
    expect((form.get('input').element as HTMLInputElement).value).toBe('300.00');
    await form.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="record-payment-form"]').exists()).toBe(false);
  });
});

describe('the record-payment form', () => {
  function render(answer: () => ContractsRecordPaymentMutation) {
    const { gateway, global } = plugins({ ContractsRecordPayment: answer });
    current = mount(RecordPaymentForm, {
      props: { milestone: milestone({ outstanding: cny(20_000) }) },
      global,
      attachTo: document.body,
    });
    return { wrapper: current, gateway };
  }

  const recorded: ContractsRecordPaymentMutation = {
    recordContractPayment: {
      __typename: 'ContractPayment',
      id: 'p9',
      milestoneId: 'm1',
      reference: 'BANK-42',
      recordedAt: '2026-12-03T10:00:00Z',
      amount: cny(15_050),
    },
  };

  it('sends the installment, the amount in minor units and the trimmed bank reference', async () => {
    const { wrapper, gateway } = render(() => recorded);
    expect(document.activeElement).toBe(field(wrapper, 'payment-amount').get('input').element);
    await field(wrapper, 'payment-amount').get('input').setValue('150.50');
    await field(wrapper, 'payment-reference').get('input').setValue('  BANK-42 ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(gateway.requests.map((r) => r.variables)).toEqual([
      { input: { milestoneId: 'm1', amount: 15_050, reference: 'BANK-42' } },
    ]);
    expect(wrapper.emitted('recorded')?.[0]).toEqual([recorded.recordContractPayment]);
  });

  it('checks the fields as you type and sends nothing until they are right', async () => {
    const { wrapper, gateway } = render(() => recorded);
    const amount = field(wrapper, 'payment-amount');
    expect(amount.text()).toContain('Outstanding: CN¥200.00');
    await amount.get('input').setValue('12,5.5.5');
    expect(amount.text()).toContain('Enter an amount such as 1280.50');
    await amount.get('input').setValue('0');
    expect(amount.text()).toContain('Enter an amount above zero');
    await amount.get('input').setValue('100');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(field(wrapper, 'payment-reference').text()).toContain('Required');
    expect(field(wrapper, 'payment-reference').get('input').attributes('aria-invalid')).toBe(
      'true',
    );
    expect(gateway.requests).toHaveLength(0);
  });

  it('shows an overpayment next to the amount, with what is outstanding', async () => {
    const { wrapper } = render(() => ({
      recordContractPayment: {
        __typename: 'OverpaymentError',
        errorCode: 'OVERPAYMENT',
        message: 'The payment is more than what is outstanding',
        outstanding: cny(20_000),
      },
    }));
    await field(wrapper, 'payment-amount').get('input').setValue('250');
    await field(wrapper, 'payment-reference').get('input').setValue('BANK-43');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const amount = field(wrapper, 'payment-amount');
    expect(amount.get('.base-text-field__error').text()).toBe(
      'That is more than is outstanding on this installment (CN¥200.00).',
    );
    expect(amount.get('input').attributes('aria-invalid')).toBe('true');
    expect(wrapper.emitted('recorded')).toBeUndefined();

    await amount.get('input').setValue('200');
    expect(amount.find('.base-text-field__error').exists()).toBe(false);
  });

  it('shows a bank reference recorded for another payment next to the reference', async () => {
    const { wrapper } = render(() => ({
      recordContractPayment: {
        __typename: 'AlreadyExistsError',
        errorCode: 'ALREADY_EXISTS',
        message: 'This bank reference was recorded for another payment',
        field: 'reference',
      },
    }));
    await field(wrapper, 'payment-reference').get('input').setValue('BANK-001');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(field(wrapper, 'payment-reference').get('.base-text-field__error').text()).toBe(
      'This bank reference is already recorded for another payment.',
    );
    expect(field(wrapper, 'payment-amount').find('.base-text-field__error').exists()).toBe(false);
  });

  it('says so when the gateway cannot be reached', async () => {
    const { wrapper } = render(() => {
      throw new Error('down');
    });
    await field(wrapper, 'payment-reference').get('input').setValue('BANK-44');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'That did not go through. Check your connection and try again.',
    );
  });
});

const framework: ContractsDetailFragment = {
  id: 'c7',
  number: 'C-000007',
  kind: 'FRAMEWORK',
  status: 'ACTIVE',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  termMonths: 12,
  total: cny(1_000_000),
  company: { id: 'co1', name: 'Acme Trading Co.' },
  seller: { id: 's1', name: 'North Dairy' },
  milestones: [],
  quoteId: 'q7',
  createdAt: '2025-12-20T08:00:00Z',
  allowedActions: ['PLACE_CALL_OFF', 'RENEW'],
  buyerSignedAt: '2025-12-30T08:00:00Z',
  buyerSignedBy: 'Acme Admin',
  sellerSignedAt: '2026-01-01T08:00:00Z',
  sellerSignedBy: 'North Dairy Sales',
  deliveredAt: null,
  acceptedAt: null,
  disputeNote: null,
  paymentTerms: { kind: 'NET', netDays: 30 },
  lines: [
    {
      id: 'l1',
      description: 'Fresh Milk, 1 L',
      quantity: 500,
      drawnQuantity: 100,
      remainingQuantity: 400,
      unitPrice: cny(900),
    },
    {
      id: 'l2',
      description: 'Cold-chain delivery per drop',
      quantity: 50,
      drawnQuantity: 50,
      remainingQuantity: 0,
      unitPrice: cny(2_000),
    },
    {
      id: 'l3',
      description: 'Yoghurt, 500 g',
      quantity: 200,
      drawnQuantity: 0,
      remainingQuantity: 200,
      unitPrice: cny(600),
    },
  ],
  payments: [],
  callOffs: [],
};

const quote = {
  id: 'q7',
  number: 'RFQ-000007',
  deliveryAddress: {
    name: 'Acme Receiving',
    phone: '13800138000',
    province: 'Zhejiang',
    city: 'Hangzhou',
    district: 'Xihu',
    line1: '18 Wensan Road',
    postalCode: '310000',
  },
};

type CallOffAnswer = ContractsPlaceCallOffMutation['placeCallOff'];

const placed = (status: 'PLACED' | 'PENDING_APPROVAL'): CallOffAnswer => ({
  __typename: 'CallOff',
  id: 'co9',
  number: 'CO-000009',
  status,
  approvalRequestId: status === 'PENDING_APPROVAL' ? 'ar5' : null,
  total: cny(54_000),
});

describe('the call-off form', () => {
  function render(answer: () => CallOffAnswer) {
    const { gateway, global } = plugins({
      ContractsPlaceCallOff: () => ({ placeCallOff: answer() }),
    });
    current = mount(CallOffForm, { props: { contract: framework, quote }, global });
    return { wrapper: current, gateway };
  }

  function quantity(wrapper: VueWrapper, lineId: string) {
    return wrapper.get(`[data-line-id="${lineId}"]`);
  }

  it('sends the chosen lines with a key that makes a retry safe', async () => {
    let fail = true;
    const { wrapper, gateway } = render(() => {
      if (fail) throw new Error('lost');
      return placed('PLACED');
    });
    expect(wrapper.text()).toContain('18 Wensan Road');
    expect(wrapper.text()).toContain('The delivery address agreed in quote RFQ-000007.');
    expect(quantity(wrapper, 'l2').text()).toContain('All drawn down');
    await quantity(wrapper, 'l1').get('input').setValue('60');
    await quantity(wrapper, 'l3').get('input').setValue(' 5 ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="call-off-error"]').text()).toBe(
      'That did not go through. Check your connection and try again.',
    );

    fail = false;
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const [first, retry] = gateway.requests.map(
      (r) => r.variables.input as Record<string, unknown>,
    );
    expect(first).toEqual({
      contractId: 'c7',
      idempotencyKey: expect.stringMatching(/^call-off-[0-9a-f]{32}$/),
      lines: [
        { contractLineId: 'l1', quantity: 60 },
        { contractLineId: 'l3', quantity: 5 },
      ],
    });
    expect(retry?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(wrapper.emitted('placed')?.[0]).toEqual([placed('PLACED')]);

    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const next = gateway.requests[2]?.variables.input as Record<string, unknown>;
    expect(next.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it('checks quantities against what remains as you type and sends nothing wrong', async () => {
    const { wrapper, gateway } = render(() => placed('PLACED'));
    const line = quantity(wrapper, 'l1');
    await line.get('input').setValue('401');
    expect(line.text()).toContain('Only 400 remain');
    expect(line.get('input').attributes('aria-invalid')).toBe('true');
    await line.get('input').setValue('1.5');
    expect(line.text()).toContain('Enter a whole number');
    await wrapper.get('form').trigger('submit');
    await line.get('input').setValue('');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[data-testid="call-off-error"]').text()).toBe(
      'Enter a quantity for at least one line.',
    );
    expect(gateway.requests).toHaveLength(0);
  });

  it('shows a quantity the gateway no longer has next to its line and asks for a reload', async () => {
    const { wrapper } = render(() => ({
      __typename: 'CommittedQuantityExceededError',
      errorCode: 'COMMITTED_QUANTITY_EXCEEDED',
      message: 'Only 30 remain of the quantity agreed on this line',
      contractLineId: 'l3',
      remaining: 30,
    }));
    await quantity(wrapper, 'l3').get('input').setValue('40');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(quantity(wrapper, 'l3').get('.base-text-field__error').text()).toBe(
      'Only 30 remain of the committed quantity',
    );
    expect(wrapper.find('[data-testid="call-off-error"]').exists()).toBe(false);
    expect(wrapper.emitted('stale')).toHaveLength(1);
  });

  it('explains a credit limit the order would exceed, with the gateway’s amounts', async () => {
    const { wrapper } = render(() => ({
      __typename: 'CreditLimitExceededError',
      errorCode: 'CREDIT_LIMIT_EXCEEDED',
      message: 'This order would take you past your credit limit',
      limit: cny(500_000),
      exposure: cny(480_000),
      requested: cny(54_000),
    }));
    await quantity(wrapper, 'l1').get('input').setValue('60');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="call-off-error"]').text()).toBe(
      'This order of CN¥540.00 would take you past your credit limit with North Dairy: the limit is CN¥5,000.00 and CN¥4,800.00 is already owed or held.',
    );
  });

  it('names the department that has no approver', async () => {
    const { wrapper } = render(() => ({
      __typename: 'NoApproverError',
      errorCode: 'NO_APPROVER',
      message: 'No approver',
      department: 'FINANCE',
    }));
    await quantity(wrapper, 'l1').get('input').setValue('60');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="call-off-error"]').text()).toContain(
      'needs approval by Finance',
    );
  });
});

describe("a framework agreement's call-off orders", () => {
  function render(contract: ContractsDetailFragment, answer: () => unknown) {
    const { gateway, global } = plugins({
      ContractsPlaceCallOff: () => ({ placeCallOff: answer() }),
      ContractsDeliverCallOff: answer,
    });
    current = mount(ContractCallOffs, {
      props: { contract, quote },
      global,
      attachTo: document.body,
    });
    return { wrapper: current, gateway };
  }

  it('tells the buyer an order is held for approval and links to the approval', async () => {
    const { wrapper } = render(framework, () => placed('PENDING_APPROVAL'));
    await wrapper.get('[data-testid="open-call-off"]').trigger('click');
    await wrapper.get('[data-line-id="l1"] input').setValue('60');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="call-off-form"]').exists()).toBe(false);
    const held = wrapper.get('[data-testid="call-off-held"]');
    expect(held.text()).toContain(
      'Call-off order CO-000009 (CN¥540.00) is held for your company’s approval.',
    );
    expect(held.get('a').attributes('href')).toBe('/approvals/ar5');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="call-off-result"]').element);
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it('lists the orders with their status and invoice, and lets the seller deliver one', async () => {
    const invoice = milestone({
      id: 'inv1',
      label: 'Call-off CO-000003',
      callOff: { id: 'co3', number: 'CO-000003' },
      trigger: 'ON_DATE',
      dueAt: '2027-01-30T08:00:00Z',
      amount: cny(45_000),
      outstanding: cny(45_000),
    });
    const contract: ContractsDetailFragment = {
      ...framework,
      allowedActions: ['RECORD_PAYMENT'],
      callOffs: [
        {
          id: 'co3',
          number: 'CO-000003',
          status: 'PLACED',
          createdAt: '2026-12-31T08:00:00Z',
          approvalRequestId: null,
          canDeliver: true,
          total: cny(45_000),
          lines: [{ id: 'col1', contractLineId: 'l1', quantity: 50 }],
          invoice,
        },
      ],
    };
    const { wrapper, gateway } = render(contract, () => ({
      deliverCallOff: { __typename: 'CallOff', id: 'co3', status: 'DELIVERED', canDeliver: false },
    }));
    expect(wrapper.find('[data-testid="open-call-off"]').exists()).toBe(false);
    const row = wrapper.get('[data-call-off-number="CO-000003"]');
    expect(row.text()).toContain('Fresh Milk, 1 L × 50');
    expect(row.get('[data-testid="call-off-status"]').text()).toBe('Placed');
    expect(row.text()).toContain('due Jan 30, 2027, 8:00 AM · CN¥450.00 outstanding');
    await row.get('[data-testid="deliver-call-off"]').trigger('click');
    await flushPromises();
    expect(gateway.requests.at(-1)?.variables).toEqual({ id: 'co3' });
    expect(wrapper.get('[data-testid="call-off-result"]').text()).toBe(
      'CO-000003 delivered; its stock has shipped.',
    );
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });
});
