import type {
  ApprovalsBillFragment,
  ApprovalsRequestDetailFragment,
  ApprovalsTaskFragment,
  MeQuery,
} from '@marketgate/graphql-client';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onePage } from '../shared/connection.testing';
import { buyer, renderApp } from '../test-utils';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'visibilityState');
  localStorage.clear();
});

const cny = (amount: number) => ({ amount, currency: 'CNY' });

const approver: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u2',
  email: 'sourcing@acme.example',
  name: 'Acme Sourcing',
  memberships: [
    {
      id: 'm2',
      roles: ['APPROVER'],
      department: 'SOURCING',
      company: { id: 'c1', name: 'Acme Trading Co.', status: 'VERIFIED' },
    },
  ],
};

const stages: ApprovalsTaskFragment['stages'] = [
  { department: 'SOURCING', mode: 'ANY', minAmount: null },
  { department: 'FINANCE', mode: 'ALL', minAmount: 1_000_000 },
];

function task(id: string, overrides: Partial<ApprovalsTaskFragment> = {}): ApprovalsTaskFragment {
  return {
    id,
    version: 0,
    status: 'PENDING',
    quoteId: 'q1',
    callOff: null,
    total: cny(1_250_000),
    company: { id: 'c1', name: 'Acme Trading Co.' },
    seller: { id: 's1', name: 'North Dairy' },
    requestedBy: 'Acme Buyer',
    currentStage: 0,
    currentDepartment: 'SOURCING',
    stages,
    canDecide: true,
    createdAt: '2026-11-28T08:00:00Z',
    updatedAt: '2026-11-28T08:00:00Z',
    ...overrides,
  };
}

type Decision = ApprovalsRequestDetailFragment['decisions'][number];

const decision = (
  approverName: string,
  stage: number,
  kind: Decision['decision'],
  comment = '',
): Decision => ({
  id: `${approverName}-${stage}`,
  stage,
  department: stages[stage]?.department ?? 'SOURCING',
  decision: kind,
  approver: approverName,
  comment,
  createdAt: '2026-11-28T09:00:00Z',
});

function detail(overrides: Partial<ApprovalsRequestDetailFragment> = {}) {
  return { ...task('r1', { version: 2 }), decisions: [], ...overrides };
}

/** The request once someone approved the sourcing stage: finance decides now. */
const atFinance = (approvedBy: string, comment = '') =>
  detail({
    version: 3,
    currentStage: 1,
    currentDepartment: 'FINANCE',
    canDecide: false,
    updatedAt: '2026-11-28T09:00:00Z',
    decisions: [decision(approvedBy, 0, 'APPROVE', comment)],
  });

async function render(path: string, handlers: Parameters<typeof renderApp>[1]) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, { Me: () => ({ me: approver }), ...handlers });
  current = rendered.wrapper;
  return rendered;
}

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('approval inbox', () => {
  const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="approval-task"]');

  it('lists my tasks with what is asked, and polls every 10 s only while the tab is visible', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let tasks = [task('r1')];
    const { wrapper, gateway } = await render('/approvals', {
      ApprovalsMyTasks: () => ({ myApprovalTasks: onePage(tasks) }),
    });
    const polls = () => gateway.requests.filter((r) => r.operationName === 'ApprovalsMyTasks');
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(1));
    const row = rows(wrapper)[0]?.text() ?? '';
    expect(row).toContain('Accept the offer from North Dairy');
    expect(row).toContain('CN¥12,500.00');
    expect(row).toContain('Acme Trading Co.');
    expect(row).toContain('Acme Buyer');
    expect(row).toContain('Stage 1 of 2: Sourcing');
    expect(wrapper.get('[data-testid="approval-task-count"]').text()).toBe(
      '1 task waiting for you',
    );
    expect(wrapper.get('[data-testid="approval-task-link"]').attributes('href')).toBe(
      '/approvals/r1',
    );
    expect(wrapper.find('[data-testid="approval-company"]').exists()).toBe(false);
    expect(polls()).toHaveLength(1);

    tasks = [
      task('r1'),
      task('r2', {
        quoteId: null,
        callOff: { id: 'o5', number: 'CO-000005', contractId: 'k2' },
        total: cny(90_000),
      }),
    ];
    await vi.advanceTimersByTimeAsync(9_000);
    expect(polls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(2));
    expect(rows(wrapper)[1]?.text()).toContain('Call-off order CO-000005 from North Dairy');
    expect(wrapper.get('[data-testid="approval-task-count"]').text()).toBe(
      '2 tasks waiting for you',
    );

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls()).toHaveLength(2);

    tasks = [];
    setVisibility('visible');
    await vi.waitFor(() => expect(polls()).toHaveLength(3));
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="approval-inbox-empty"]').exists()).toBe(true),
    );
    expect(wrapper.text()).toContain('Nothing waiting for your decision');
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(polls()).toHaveLength(4));

    current?.unmount();
    current = undefined;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls()).toHaveLength(4);
  });

  it('keeps the tasks on screen when a poll fails, and says the list may be out of date', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let down = false;
    const { wrapper } = await render('/approvals', {
      ApprovalsMyTasks: () => {
        if (down) throw new Error('gateway down');
        return { myApprovalTasks: onePage([task('r1')]) };
      },
    });
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(1));
    down = true;
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(wrapper.text()).toContain('The latest check failed'));
    expect(rows(wrapper)).toHaveLength(1);
    down = false;
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(wrapper.text()).not.toContain('The latest check failed'));
  });

  it('shows the error state when the first page cannot be loaded, and retries', async () => {
    let down = true;
    const { wrapper } = await render('/approvals', {
      ApprovalsMyTasks: () => {
        if (down) throw new Error('gateway down');
        return { myApprovalTasks: onePage([task('r1')]) };
      },
    });
    await vi.waitFor(() => expect(wrapper.find('.base-error-state').exists()).toBe(true));
    down = false;
    await wrapper.get('.base-error-state button').trigger('click');
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(1));
  });

  it('asks the gateway for each order, company and page, and polls only the page on screen', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const twoCompanies: NonNullable<MeQuery['me']> = {
      ...approver,
      memberships: [
        ...approver.memberships,
        {
          id: 'm3',
          roles: ['APPROVER'],
          department: 'FINANCE',
          company: { id: 'c2', name: 'Globex Corporation', status: 'VERIFIED' },
        },
      ],
    };
    const { wrapper, gateway, router } = await render('/approvals', {
      Me: () => ({ me: twoCompanies }),
      ApprovalsMyTasks: (variables) => ({
        myApprovalTasks: {
          totalCount: 21,
          edges: [{ cursor: 'c', node: task(variables.after ? 'r21' : 'r1') }],
          pageInfo: { hasNextPage: !variables.after, endCursor: 'c20' },
        },
      }),
    });
    const sent = () =>
      gateway.requests
        .filter((r) => r.operationName === 'ApprovalsMyTasks')
        .map((r) => r.variables);
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(1));
    expect(sent()).toEqual([{ filter: null, sort: 'REQUESTED_ASC', first: 20, after: null }]);
    expect(wrapper.get('[data-testid="approval-task-count"]').text()).toBe(
      '21 tasks waiting for you',
    );

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(rows(wrapper)[0]?.attributes('data-request-id')).toBe('r21'));
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(sent()).toHaveLength(3));
    expect(sent()[2]).toEqual({ filter: null, sort: 'REQUESTED_ASC', first: 20, after: 'c20' });
    expect(rows(wrapper)[0]?.attributes('data-request-id')).toBe('r21');

    await wrapper.get('[data-testid="approval-sort"] select').setValue('AMOUNT_DESC');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ sort: 'AMOUNT_DESC' }),
    );
    await vi.waitFor(() =>
      expect(sent().at(-1)).toEqual({ filter: null, sort: 'AMOUNT_DESC', first: 20, after: null }),
    );
    await wrapper.get('[data-testid="approval-company"] select').setValue('c2');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ company: 'c2', sort: 'AMOUNT_DESC' }),
    );
    await vi.waitFor(() =>
      expect(sent().at(-1)).toEqual({
        filter: { companyId: 'c2' },
        sort: 'AMOUNT_DESC',
        first: 20,
        after: null,
      }),
    );
  });
});

describe('approval decision', () => {
  it('sends the decision with its comment and the version on screen, then shows it recorded', async () => {
    let shown = detail();
    const { wrapper, gateway } = await render('/approvals/r1', {
      ApprovalsRequest: () => ({ approvalRequest: shown }),
      ApprovalsDecide: () => {
        shown = atFinance('Acme Sourcing', 'Best of three offers');
        return { decideApproval: { __typename: 'ApprovalRequest', ...shown } };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="approval-comment"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="approval-amount"]').text()).toBe('CN¥12,500.00');
    expect(wrapper.get('[data-testid="approval-subject-link"]').attributes('href')).toBe(
      '/quotes/q1',
    );
    const stagesShown = wrapper.findAll('[data-testid="approval-stage"]');
    expect(stagesShown.map((s) => s.attributes('data-state'))).toEqual(['current', 'upcoming']);
    expect(stagesShown[1]?.text()).toContain('Every approver must approve');
    expect(stagesShown[1]?.text()).toContain('from CN¥10,000.00');

    await wrapper.get('[data-testid="approval-comment"]').setValue('  Best of three offers ');
    await wrapper.get('[data-testid="approval-approve"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="approval-decision-done"]').text()).toBe(
        'You approved this request.',
      ),
    );
    const sent = gateway.requests.filter((r) => r.operationName === 'ApprovalsDecide');
    expect(sent.map((r) => r.variables.input)).toEqual([
      { requestId: 'r1', decision: 'APPROVE', comment: 'Best of three offers', expectedVersion: 2 },
    ]);
    expect(document.activeElement).toBe(
      wrapper.get('[data-testid="approval-decision-done"]').element,
    );
    expect(wrapper.find('[data-testid="approval-comment"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="approval-not-yours"]').text()).toBe(
      'Waiting for Finance. This stage is not yours to decide.',
    );
    const recorded = wrapper.get('[data-testid="approval-decision"]').text();
    expect(recorded).toContain('Acme Sourcing');
    expect(recorded).toContain('approved');
    expect(recorded).toContain('Best of three offers');
    expect(wrapper.get('[data-testid="approval-current-stage"]').text()).toBe(
      'Now at stage 2 of 2: Finance.',
    );
  });

  it('rejects with a comment', async () => {
    const { wrapper, gateway } = await render('/approvals/r1', {
      ApprovalsRequest: () => ({ approvalRequest: detail() }),
      ApprovalsDecide: () => ({
        decideApproval: {
          __typename: 'ApprovalRequest',
          ...detail({
            version: 3,
            status: 'REJECTED',
            currentStage: null,
            currentDepartment: null,
            canDecide: false,
            decisions: [decision('Acme Sourcing', 0, 'REJECT', 'Over budget')],
          }),
        },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="approval-comment"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="approval-comment"]').setValue('Over budget');
    await wrapper.get('[data-testid="approval-reject"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="approval-status"]').text()).toBe('Rejected'),
    );
    expect(
      gateway.requests.find((r) => r.operationName === 'ApprovalsDecide')?.variables.input,
    ).toEqual({ requestId: 'r1', decision: 'REJECT', comment: 'Over budget', expectedVersion: 2 });
    expect(wrapper.get('[data-testid="approval-decision-done"]').text()).toBe(
      'You rejected this request.',
    );
    expect(
      wrapper.findAll('[data-testid="approval-stage"]').map((s) => s.attributes('data-state')),
    ).toEqual(['rejected', 'skipped']);
  });

  it('tells the approver who lost a race what happened and shows the request as it is now', async () => {
    let shown = detail();
    const { wrapper, gateway } = await render('/approvals/r1', {
      ApprovalsRequest: () => ({ approvalRequest: shown }),
      ApprovalsDecide: () => {
        shown = atFinance('Sourcing Colleague', 'Approved first');
        return {
          decideApproval: {
            __typename: 'StaleVersionError',
            errorCode: 'STALE_VERSION',
            message: 'The quote changed since you loaded it',
            currentVersion: 3,
          },
        };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="approval-approve"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="approval-approve"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="approval-decision-error"]').text()).toContain(
        'Another approver decided while you were reading, so your decision was not recorded.',
      ),
    );
    expect(gateway.requests.filter((r) => r.operationName === 'ApprovalsRequest')).toHaveLength(2);
    expect(wrapper.get('[data-testid="approval-decision"]').text()).toContain('Sourcing Colleague');
    expect(wrapper.find('[data-testid="approval-approve"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="approval-not-yours"]').text()).toContain('Finance');
    expect(document.activeElement).toBe(
      wrapper.get('[data-testid="approval-decision-error"]').element,
    );
  });

  it.each([
    [
      {
        __typename: 'NotAnApproverError',
        errorCode: 'NOT_AN_APPROVER',
        message: 'This stage is decided by FINANCE approvers',
        department: 'FINANCE',
      },
      'This stage is decided by Finance approvers, not by you.',
    ],
    [
      {
        __typename: 'SelfApprovalError',
        errorCode: 'SELF_APPROVAL',
        message: 'You raised this request',
      },
      'You raised this request, so another approver must decide it.',
    ],
    [
      {
        __typename: 'AlreadyDecidedError',
        errorCode: 'ALREADY_DECIDED',
        message: 'You already decided this stage',
      },
      'You have already decided this stage.',
    ],
  ])('explains the gateway’s %#th typed refusal in words', async (refusal, text) => {
    const { wrapper } = await render('/approvals/r1', {
      ApprovalsRequest: () => ({ approvalRequest: detail() }),
      ApprovalsDecide: () => ({ decideApproval: refusal }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="approval-approve"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="approval-comment"]').setValue('Looks right');
    await wrapper.get('[data-testid="approval-approve"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="approval-decision-error"]').text()).toBe(text),
    );
    expect(
      (wrapper.get('[data-testid="approval-comment"]').element as HTMLTextAreaElement).value,
    ).toBe('Looks right');
  });

  it('checks the comment’s length as it is typed and sends nothing too long', async () => {
    const { wrapper, gateway } = await render('/approvals/r1', {
      ApprovalsRequest: () => ({ approvalRequest: detail() }),
      ApprovalsDecide: () => ({ decideApproval: { __typename: 'ApprovalRequest', ...detail() } }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="approval-comment"]').exists()).toBe(true),
    );
    const comment = wrapper.get('[data-testid="approval-comment"]');
    await comment.setValue('x'.repeat(2001));
    expect(wrapper.text()).toContain('Keep the comment to 2,000 characters or fewer.');
    expect(comment.attributes('aria-invalid')).toBe('true');
    await wrapper.get('[data-testid="approval-approve"]').trigger('submit');
    await wrapper.get('[data-testid="approval-reject"]').trigger('click');
    expect(gateway.requests.some((r) => r.operationName === 'ApprovalsDecide')).toBe(false);
    await comment.setValue('x'.repeat(2000));
    expect(wrapper.text()).not.toContain('Keep the comment');
  });

  it('says when the decision could not be sent', async () => {
    const { wrapper } = await render('/approvals/r1', {
      ApprovalsRequest: () => ({ approvalRequest: detail() }),
      ApprovalsDecide: () => {
        throw new Error('gateway down');
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="approval-approve"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="approval-approve"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="approval-decision-error"]').text()).toBe(
        'Your decision could not be sent. Check your connection and try again.',
      ),
    );
  });

  it('shows a request of another company as not found', async () => {
    const { wrapper } = await render('/approvals/r9', {
      ApprovalsRequest: () => ({ approvalRequest: null }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Approval request not found'));
  });
});

type Bill = ApprovalsBillFragment;

function bill(id: string, contract: '7' | '9', outstanding: number, overdue = false): Bill {
  return {
    id,
    label: contract === '9' ? `Call-off CO-00000${id}` : id,
    status: overdue ? 'OVERDUE' : 'DUE',
    trigger: contract === '9' ? 'ON_DELIVERY' : 'ON_SIGNING',
    dueAt: overdue ? '2026-11-01T00:00:00Z' : '2026-12-20T00:00:00Z',
    callOff: contract === '9' ? { id: `o${id}`, number: `CO-00000${id}` } : null,
    amount: cny(outstanding),
    paid: cny(0),
    outstanding: cny(outstanding),
    contract: {
      id: contract,
      number: `C-00000${contract}`,
      kind: contract === '9' ? 'FRAMEWORK' : 'ONE_OFF',
      company: { id: 'c1', name: 'Acme Trading Co.' },
      seller: { id: 's1', name: contract === '9' ? 'Office Hub' : 'North Dairy' },
    },
  };
}

describe('billing', () => {
  const bills = [
    bill('Deposit', '7', 300_000, true),
    bill('5', '9', 90_000),
    bill('Final', '7', 200_000),
  ];
  /** The gateway's totals cover every page, not just the bills shown. */
  const totals = { outstanding: [cny(5_900_000)], overdue: [cny(300_000)], overdueCount: 1 };

  it('lists what is due with the gateway’s totals, and asks it for each filter and order', async () => {
    const { wrapper, gateway, router } = await render('/billing', {
      ApprovalsDueBills: (variables) => {
        const filter = variables.filter as { overdueOnly: boolean; contractId: string | null };
        const shown = bills.filter(
          (b) =>
            (!filter.overdueOnly || b.status === 'OVERDUE') &&
            (!filter.contractId || b.contract.id === filter.contractId),
        );
        return { dueMilestones: { ...onePage(shown), ...totals } };
      },
    });
    const sent = () =>
      gateway.requests
        .filter((r) => r.operationName === 'ApprovalsDueBills')
        .map((r) => r.variables);
    const rows = () => wrapper.findAll('[data-testid="billing-bill"]');
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    expect(sent()).toEqual([
      {
        filter: { overdueOnly: false, companyId: null, contractId: null },
        sort: 'DUE_ASC',
        first: 20,
        after: null,
      },
    ]);
    expect(wrapper.get('[data-testid="billing-total-due"]').text()).toBe('CN¥59,000.00');
    expect(wrapper.get('[data-testid="billing-total-overdue"]').text()).toBe('CN¥3,000.00');
    expect(wrapper.get('[data-testid="billing-summary"]').text()).toContain('Overdue (1)');
    expect(wrapper.get('[data-testid="billing-count"]').text()).toBe('3 bills');
    expect(wrapper.find('[data-testid="billing-company"]').exists()).toBe(false);
    expect(rows()[0]?.classes()).toContain('billing__row--overdue');
    expect(rows()[0]?.text()).toContain('Overdue');
    expect(rows()[0]?.get('[data-testid="billing-contract-link"]').attributes('href')).toBe(
      '/contracts/7',
    );
    expect(rows()[1]?.text()).toContain('Invoice: Call-off CO-000005');
    expect(rows()[1]?.text()).toContain('Office Hub · Framework agreement');
    expect(rows()[2]?.get('[data-testid="billing-outstanding"]').text()).toBe('CN¥2,000.00');

    await rows()[0]?.get('[data-testid="billing-only-contract"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ contract: '7' }));
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(sent().at(-1)?.filter).toEqual({ overdueOnly: false, companyId: null, contractId: '7' });
    expect(wrapper.get('[data-testid="billing-contract-filter"]').text()).toContain(
      'Only contract C-000007',
    );
    expect(wrapper.find('[data-testid="billing-only-contract"]').exists()).toBe(false);
    await wrapper.get('[data-testid="billing-contract-filter"] button').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));

    await wrapper.get('[data-testid="billing-overdue-only"]').setValue(true);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ overdue: '1' }));
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    await wrapper.get('[data-testid="billing-sort"] select').setValue('OUTSTANDING_DESC');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ overdue: '1', sort: 'OUTSTANDING_DESC' }),
    );
    await vi.waitFor(() =>
      expect(sent().at(-1)).toEqual({
        filter: { overdueOnly: true, companyId: null, contractId: null },
        sort: 'OUTSTANDING_DESC',
        first: 20,
        after: null,
      }),
    );
  });

  it('says when nothing is overdue', async () => {
    const { wrapper } = await render('/billing?overdue=1', {
      ApprovalsDueBills: () => ({
        dueMilestones: { ...onePage([]), outstanding: [], overdue: [], overdueCount: 0 },
      }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Nothing is overdue'));
  });

  it('shows the error state when the bills cannot be loaded', async () => {
    const { wrapper } = await render('/billing', {
      ApprovalsDueBills: () => {
        throw new Error('gateway down');
      },
    });
    await vi.waitFor(() => expect(wrapper.find('.base-error-state').exists()).toBe(true));
  });
});

const sellerStaff: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u3',
  email: 'sales@north-dairy.example',
  name: 'North Dairy Sales',
  seller: { id: 's1', name: 'North Dairy' },
  memberships: [],
};

function creditLine(company: string, name: string, limit: number, exposure: number) {
  return {
    id: `l-${company}`,
    company: { id: company, name },
    limit: cny(limit),
    exposure: cny(exposure),
    available: cny(limit - exposure),
    updatedAt: '2026-11-28T08:00:00Z',
  };
}

describe('seller credit lines', () => {
  async function renderCredit(
    setCreditLimit: (input: { companyId: string; limit: number }) => unknown,
    path = '/seller/credit',
  ) {
    localStorage.setItem('marketgate.portal.token', 'token-1');
    const lines = [
      creditLine('c1', 'Acme Trading Co.', 50_000_000, 1_000_000),
      creditLine('c2', 'Globex', 100_000, 150_000),
    ];
    const rendered = await renderApp(path, {
      Me: () => ({ me: sellerStaff }),
      ApprovalsCreditLines: (variables) => {
        const filter = variables.filter as { search: string | null; overLimit: boolean | null };
        return {
          creditLines: onePage(
            lines.filter(
              (line) =>
                (!filter.search || line.company.name.includes(filter.search)) &&
                (!filter.overLimit || line.available.amount < 0),
            ),
          ),
        };
      },
      ApprovalsCreditCompanies: () => ({
        contracts: onePage([
          { id: 'k1', company: { id: 'c1', name: 'Acme Trading Co.' }, total: cny(1) },
          { id: 'k3', company: { id: 'c3', name: 'Initech' }, total: cny(1) },
        ]),
      }),
      ApprovalsCreditGiven: (variables) => ({
        creditLines: onePage(
          lines
            .filter((line) => (variables.companyIds as string[]).includes(line.company.id))
            .map((line) => ({ id: line.id, company: { id: line.company.id } })),
        ),
      }),
      ApprovalsSetCreditLimit: (variables) => {
        const input = variables.input as { companyId: string; limit: number };
        const result = setCreditLimit(input) as { __typename: string };
        if (result.__typename === 'CreditLine') {
          const index = lines.findIndex((line) => line.company.id === input.companyId);
          lines[index] = result as unknown as ReturnType<typeof creditLine>;
        }
        return { setCreditLimit: result };
      },
    });
    current = rendered.wrapper;
    const sent = (operation: string) =>
      rendered.gateway.requests
        .filter((r) => r.operationName === operation)
        .map((r) => r.variables);
    return { ...rendered, sent };
  }

  it('shows limit, exposure and available per company and sets a limit in minor units', async () => {
    const { wrapper, sent } = await renderCredit((input) => ({
      __typename: 'CreditLine',
      ...creditLine(input.companyId, 'Acme Trading Co.', input.limit, 1_000_000),
    }));
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="credit-line"]')).toHaveLength(2));
    expect(sent('ApprovalsCreditLines')).toEqual([
      { filter: { search: null, overLimit: null }, sort: 'COMPANY_ASC', first: 20, after: null },
    ]);
    expect(wrapper.get('[data-testid="credit-count"]').text()).toBe('2 credit lines');
    const [acme, globex] = wrapper.findAll('[data-testid="credit-line"]');
    expect(acme?.text()).toContain('Acme Trading Co.');
    expect(acme?.get('[data-testid="credit-limit"]').text()).toBe('CN¥500,000.00');
    expect(acme?.get('[data-testid="credit-exposure"]').text()).toBe('CN¥10,000.00');
    expect(acme?.get('[data-testid="credit-available"]').text()).toBe('CN¥490,000.00');
    expect(globex?.get('[data-testid="credit-available"]').text()).toContain('Over the limit');

    await acme?.get('[data-testid="credit-edit"]').trigger('click');
    const input = wrapper.get('[data-testid="credit-limit-form"] input');
    expect((input.element as HTMLInputElement).value).toBe('500000.00');
    expect(document.activeElement).toBe(input.element);
    await input.setValue('12.345');
    expect(wrapper.text()).toContain('Enter an amount such as');
    expect(input.attributes('aria-invalid')).toBe('true');
    await input.setValue('600,000.5');
    expect(input.attributes('aria-invalid')).toBeUndefined();
    await wrapper.get('[data-testid="credit-limit-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="credit-saved"]').text()).toBe(
        'The credit limit of Acme Trading Co. is now CN¥600,000.50.',
      ),
    );
    expect(sent('ApprovalsSetCreditLimit').map((v) => v.input)).toEqual([
      { companyId: 'c1', limit: 60_000_050 },
    ]);
    expect(wrapper.find('[data-testid="credit-limit-form"]').exists()).toBe(false);
    await vi.waitFor(() => expect(sent('ApprovalsCreditLines')).toHaveLength(2));
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="credit-limit"]')[0]?.text()).toBe('CN¥600,000.50'),
    );
  });

  it('gives a company under contract its first line and shows a typed error next to the field', async () => {
    const { wrapper, sent } = await renderCredit(() => ({
      __typename: 'NotFoundError',
      errorCode: 'NOT_FOUND',
      message: 'Company not found',
    }));
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="credit-new-company"] select').exists()).toBe(true),
    );
    expect(sent('ApprovalsCreditGiven')).toEqual([{ companyIds: ['c1', 'c3'] }]);
    const options = wrapper.findAll('[data-testid="credit-new-company"] option');
    expect(options.map((o) => o.text())).toEqual(['Choose a company', 'Initech']);
    await wrapper.get('[data-testid="credit-new-company"] select').setValue('c3');
    const input = wrapper.get('[data-testid="credit-limit-form"] input');
    await wrapper.get('[data-testid="credit-limit-form"]').trigger('submit');
    expect(wrapper.text()).toContain('Enter the limit.');
    await input.setValue('1000');
    await wrapper.get('[data-testid="credit-limit-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="credit-limit-form"]').text()).toContain(
        'This company no longer exists.',
      ),
    );
    expect(input.attributes('aria-invalid')).toBe('true');
  });

  it('asks the gateway to search, filter and sort, keeping the list in the address', async () => {
    const { wrapper, router, sent } = await renderCredit(() => null);
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="credit-line"]')).toHaveLength(2));
    await wrapper.get('[data-testid="credit-search"] input').setValue(' Glob ');
    await wrapper.get('form[role="search"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ q: 'Glob' }));
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="credit-line"]')).toHaveLength(1));
    await wrapper.get('[data-testid="credit-over-limit"]').setValue(true);
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ q: 'Glob', over: '1' }),
    );
    await wrapper.get('[data-testid="credit-sort"] select').setValue('EXPOSURE_DESC');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({
        q: 'Glob',
        over: '1',
        sort: 'EXPOSURE_DESC',
      }),
    );
    await vi.waitFor(() =>
      expect(sent('ApprovalsCreditLines').at(-1)).toEqual({
        filter: { search: 'Glob', overLimit: true },
        sort: 'EXPOSURE_DESC',
        first: 20,
        after: null,
      }),
    );

    await router.replace({ name: 'seller-credit', query: { q: 'Nobody' } });
    await vi.waitFor(() => expect(wrapper.text()).toContain('No credit line matches'));
    expect(
      (wrapper.get('[data-testid="credit-search"] input').element as HTMLInputElement).value,
    ).toBe('Nobody');
  });
});
