import type {
  CompanyApprovalPolicyQuery,
  CompanyApprovalStageFragment,
  CompanyMemberRowFragment,
  MeQuery,
} from '@marketgate/graphql-client';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buyer, renderApp } from '../test-utils';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

const companyAdmin: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u7',
  email: 'admin@acme.example',
  name: 'Acme Admin',
  memberships: [
    {
      id: 'm7',
      roles: ['COMPANY_ADMIN', 'BUYER'],
      department: null,
      company: { id: 'c1', name: 'Acme Trading Co.', status: 'VERIFIED' },
    },
  ],
};

const savedStages: CompanyApprovalStageFragment[] = [
  { department: 'SOURCING', mode: 'ANY', minAmount: null },
  { department: 'FINANCE', mode: 'ANY', minAmount: 1_000_000 },
  { department: 'MANAGEMENT', mode: 'ALL', minAmount: 10_000_000 },
];

function policyData(stages = savedStages, callOffThreshold: number | null = null) {
  return (): CompanyApprovalPolicyQuery => ({
    companies: [{ id: 'c1', approvalPolicy: { stages, callOffThreshold } }],
    cashOnDeliveryTerms: { defaultFee: { currency: 'CNY' } },
  });
}

async function render(path: string, handlers: Parameters<typeof renderApp>[1], me = companyAdmin) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, { Me: () => ({ me }), ...handlers });
  current = rendered.wrapper;
  return rendered;
}

function stageRows(wrapper: VueWrapper) {
  return wrapper.findAll('[data-testid="policy-stage"]');
}

/** Each stage row as "DEPARTMENT MODE minAmount", as the controls show it. */
function stagesShown(wrapper: VueWrapper): string[] {
  return stageRows(wrapper).map((row) => {
    const [department, mode] = row
      .findAll('select')
      .map((s) => (s.element as HTMLSelectElement).value);
    const amount = (row.get('[data-testid="policy-stage-min"] input').element as HTMLInputElement)
      .value;
    return `${department} ${mode} ${amount}`.trim();
  });
}

describe('approval policy editor', () => {
  it('edits, reorders and removes stages from the keyboard and sends the policy as shown', async () => {
    let saved: unknown;
    const { wrapper, gateway } = await render('/company/approval-policy', {
      CompanyApprovalPolicy: policyData(),
      CompanySetApprovalPolicy: (variables) => {
        saved = variables.input;
        return {
          setApprovalPolicy: {
            __typename: 'ApprovalPolicyView',
            callOffThreshold: 5_000_000,
            stages: [
              { department: 'FINANCE', mode: 'ALL', minAmount: 1_000_000 },
              { department: 'SOURCING', mode: 'ANY', minAmount: null },
              { department: 'LOGISTICS', mode: 'ANY', minAmount: 250_050 },
            ],
          },
        };
      },
    });
    await vi.waitFor(() => expect(stageRows(wrapper)).toHaveLength(3));
    expect(stagesShown(wrapper)).toEqual([
      'SOURCING ANY',
      'FINANCE ANY 10000.00',
      'MANAGEMENT ALL 100000.00',
    ]);
    const save = () => wrapper.get('[data-testid="policy-save"]');
    expect(save().attributes('disabled')).toBeDefined();

    // Move Finance up: it becomes stage 1 and focus stays on its "up" control... which is now
    // disabled at the top, so focus moves to the same stage's next control.
    const financeUp = stageRows(wrapper)[1]!.get('[data-testid="policy-stage-up"]');
    expect(financeUp.attributes('aria-label')).toBe('Move stage 2 (Finance) up');
    (financeUp.element as HTMLElement).focus();
    await financeUp.trigger('click');
    await vi.waitFor(() =>
      expect(stagesShown(wrapper)).toEqual([
        'FINANCE ANY 10000.00',
        'SOURCING ANY',
        'MANAGEMENT ALL 100000.00',
      ]),
    );
    await vi.waitFor(() =>
      expect(document.activeElement?.getAttribute('data-testid')).toBe('policy-stage-down'),
    );
    expect(document.activeElement?.closest('[data-testid="policy-stage"]')).toBe(
      stageRows(wrapper)[0]!.element,
    );

    // Remove Management; focus goes to the stage before it.
    await stageRows(wrapper)[2]!.get('[data-testid="policy-stage-remove"]').trigger('click');
    await vi.waitFor(() => expect(stageRows(wrapper)).toHaveLength(2));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('policy-stage-remove');

    // Finance: every approver must agree.
    await stageRows(wrapper)[0]!.findAll('select')[1]!.setValue('ALL');
    // A new stage gets the first department without one, and focus.
    await wrapper.get('[data-testid="policy-add-stage"]').trigger('click');
    await vi.waitFor(() => expect(stageRows(wrapper)).toHaveLength(3));
    expect(stagesShown(wrapper)[2]).toBe('LOGISTICS ANY');
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(stageRows(wrapper)[2]!.find('select').element),
    );

    // Amounts validate as typed.
    const logisticsAmount = stageRows(wrapper)[2]!.get('[data-testid="policy-stage-min"] input');
    await logisticsAmount.setValue('2500.505');
    expect(stageRows(wrapper)[2]!.text()).toContain('Enter an amount such as 10000');
    expect(save().attributes('disabled')).toBeDefined();
    await logisticsAmount.setValue('2,500.50');
    await wrapper.get('[data-testid="policy-calloff-threshold"] input').setValue('50000');
    expect(wrapper.text()).toContain('Unsaved changes');
    expect(save().attributes('disabled')).toBeUndefined();

    await wrapper.get('[data-testid="policy-editor"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="policy-message"]').text()).toContain('Policy saved'),
    );
    expect(saved).toEqual({
      companyId: 'c1',
      stages: [
        { department: 'FINANCE', mode: 'ALL', minAmount: 1_000_000 },
        { department: 'SOURCING', mode: 'ANY', minAmount: null },
        { department: 'LOGISTICS', mode: 'ANY', minAmount: 250_050 },
      ],
      callOffThreshold: 5_000_000,
    });
    expect(
      gateway.requests.filter((r) => r.operationName === 'CompanySetApprovalPolicy'),
    ).toHaveLength(1);
    expect(wrapper.text()).not.toContain('Unsaved changes');
  });

  it('does not send a policy in which a department decides twice', async () => {
    const { wrapper, gateway } = await render('/company/approval-policy', {
      CompanyApprovalPolicy: policyData(),
    });
    await vi.waitFor(() => expect(stageRows(wrapper)).toHaveLength(3));
    await stageRows(wrapper)[2]!.find('select').setValue('FINANCE');
    expect(wrapper.findAll('[data-testid="policy-stage-repeated"]')).toHaveLength(2);
    expect(wrapper.get('[data-testid="policy-save"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="policy-editor"]').trigger('submit');
    expect(gateway.requests.map((r) => r.operationName)).not.toContain('CompanySetApprovalPolicy');
  });

  it('asks the gateway which saved stages an amount would hit, and says it is the saved policy', async () => {
    const { wrapper, gateway } = await render('/company/approval-policy', {
      CompanyApprovalPolicy: policyData(),
      CompanyApprovalPreview: (variables) => ({
        approvalPreview: savedStages.filter(
          (stage) => stage.minAmount === null || Number(variables.amount) >= stage.minAmount,
        ),
      }),
    });
    await vi.waitFor(() => expect(stageRows(wrapper)).toHaveLength(3));
    const note = () => wrapper.get('[data-testid="policy-preview-note"]').text();
    expect(note()).toContain('saved policy');

    await wrapper.get('[data-testid="policy-preview-amount"] input').setValue('12,000.5');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="policy-preview-stage"]')).toHaveLength(2),
    );
    const previews = gateway.requests.filter((r) => r.operationName === 'CompanyApprovalPreview');
    expect(previews.map((r) => r.variables)).toEqual([{ companyId: 'c1', amount: 1_200_050 }]);
    const result = wrapper.get('[data-testid="policy-preview-result"]').text();
    expect(result).toContain('A purchase of CN¥12,000.50 goes through 2 stages');
    expect(result).toContain('1. Sourcing · Any one approver');
    expect(result).toContain('2. Finance · Any one approver');

    await stageRows(wrapper)[0]!.findAll('select')[1]!.setValue('ALL');
    expect(note()).toContain('not your unsaved changes');

    await wrapper.get('[data-testid="policy-preview-amount"] input').setValue('abc');
    expect(wrapper.get('[data-testid="policy-preview-result"]').text()).toContain(
      'Enter an amount to see',
    );
  });
});

describe('company members', () => {
  const members: CompanyMemberRowFragment[] = [
    {
      id: 'm7',
      roles: ['COMPANY_ADMIN', 'BUYER'],
      department: null,
      user: { id: 'u7', name: 'Acme Admin', email: 'admin@acme.example' },
    },
    {
      id: 'm8',
      roles: ['BUYER'],
      department: null,
      user: { id: 'u8', name: 'Acme Buyer', email: 'buyer@acme.example' },
    },
  ];

  it('makes a member an approver of a department, and shows the gateway’s refusal', async () => {
    const sent: unknown[] = [];
    const { wrapper } = await render('/company', {
      CompanyMembers: () => ({ companies: [{ id: 'c1', members }] }),
      CompanySetMemberRoles: (variables) => {
        sent.push(variables.input);
        const input = variables.input as { memberId: string };
        return input.memberId === 'm7'
          ? {
              setCompanyMemberRoles: {
                __typename: 'InvalidStateError',
                errorCode: 'INVALID_STATE',
                message: 'A company keeps at least one COMPANY_ADMIN',
              },
            }
          : {
              setCompanyMemberRoles: {
                __typename: 'CompanyMember',
                ...members[1],
                roles: ['BUYER', 'APPROVER'],
                department: 'FINANCE',
              },
            };
      },
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="member-row"]')).toHaveLength(2));
    const row = () => wrapper.findAll('[data-testid="member-row"]')[1]!;
    await row().get('[data-testid="role-APPROVER"]').setValue(true);
    expect(row().text()).toContain('An approver decides for a department');
    expect(row().get('[data-testid="member-save"]').attributes('disabled')).toBeDefined();
    await row().get('[data-testid="member-department"]').setValue('FINANCE');
    await row().get('[data-testid="member-save"]').trigger('click');
    await vi.waitFor(() => expect(row().text()).toContain('Saved the roles of Acme Buyer'));
    expect(sent[0]).toEqual({
      memberId: 'm8',
      roles: ['BUYER', 'APPROVER'],
      department: 'FINANCE',
    });

    const admin = wrapper.findAll('[data-testid="member-row"]')[0]!;
    await admin.get('[data-testid="role-COMPANY_ADMIN"]').setValue(false);
    await admin.get('[data-testid="member-save"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="member-row"]')[0]!.text()).toContain(
        'The company needs at least one company admin',
      ),
    );
  });

  it('lets an admin of several companies choose which one to manage', async () => {
    const globexAdmin = {
      ...companyAdmin,
      memberships: [
        ...companyAdmin.memberships,
        {
          id: 'm9',
          roles: ['COMPANY_ADMIN' as const],
          department: null,
          company: { id: 'c2', name: 'Globex Corporation', status: 'VERIFIED' as const },
        },
      ],
    };
    const { wrapper, router } = await render(
      '/company',
      {
        CompanyMembers: () => ({
          companies: [
            { id: 'c1', members },
            {
              id: 'c2',
              members: [
                {
                  ...members[1]!,
                  id: 'm10',
                  user: { id: 'u10', name: 'Globex Buyer', email: 'buyer@globex.example' },
                },
              ],
            },
          ],
        }),
      },
      globexAdmin,
    );
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="member-row"]')).toHaveLength(2));
    expect(wrapper.text()).toContain('Acme Trading Co.: company settings');
    await wrapper.get('[data-testid="company-picker"]').setValue('c2');
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="member-row"]')).toHaveLength(1));
    expect(wrapper.text()).toContain('Globex Corporation: company settings');
    expect(wrapper.text()).toContain('Globex Buyer');
    expect(router.currentRoute.value.query.company).toBe('c2');
    expect(
      wrapper.get('[data-testid="company-tab-company-invitations"]').attributes('href'),
    ).toContain('company=c2');
  });

  it('offers no company choice to an admin of one company', async () => {
    const { wrapper } = await render('/company', {
      CompanyMembers: () => ({ companies: [{ id: 'c1', members }] }),
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="member-row"]')).toHaveLength(2));
    expect(wrapper.find('[data-testid="company-picker"]').exists()).toBe(false);
  });

  it('is not offered to members who are not company admins', async () => {
    const { wrapper } = await render('/company', {}, buyer);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="company-unavailable"]').exists()).toBe(true),
    );
  });
});
