import type {
  AcceptInvitationMutation,
  InvitationPreviewQuery,
  MeQuery,
} from '@marketgate/graphql-client';
import type { FakeGatewayHandler } from '@marketgate/graphql-client/testing';
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

const TOKEN = 'tok-123456789012345678901234';

const companyPreview: InvitationPreviewQuery = {
  invitation: {
    __typename: 'InvitationPreview',
    kind: 'COMPANY_MEMBER',
    organizationName: 'Acme Trading Co.',
    email: 'mei@acme.example',
    roles: ['APPROVER'],
    department: 'FINANCE',
    expiresAt: '2026-12-05T08:00:00Z',
  },
};

const invalid = (reason: 'UNKNOWN' | 'EXPIRED' | 'USED') => ({
  __typename: 'InvitationInvalidError' as const,
  errorCode: 'INVITATION_INVALID' as const,
  message: 'The invitation is unknown, used or expired',
  reason,
});

const newMember: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u20',
  email: 'mei@acme.example',
  name: 'Mei Lin',
  memberships: [
    {
      id: 'm20',
      roles: ['APPROVER'],
      department: 'FINANCE',
      company: { id: 'c1', name: 'Acme Trading Co.', status: 'VERIFIED' },
    },
  ],
};

function accepted(user: NonNullable<MeQuery['me']>): AcceptInvitationMutation {
  return {
    acceptInvitation: {
      __typename: 'AuthPayload',
      token: 'token-new',
      expiresAt: '2030-01-01T00:00:00Z',
      user,
    },
  };
}

async function open(handlers: Record<string, FakeGatewayHandler>, token: string | null = TOKEN) {
  const rendered = await renderApp(
    token === null ? '/invitations/accept' : `/invitations/accept?token=${token}`,
    handlers,
  );
  current = rendered.wrapper;
  return rendered;
}

async function fill(wrapper: VueWrapper, name: string, password: string, repeat = password) {
  await wrapper.get('[data-testid="invitation-name"] input').setValue(name);
  await wrapper.get('[data-testid="invitation-password"] input').setValue(password);
  await wrapper.get('[data-testid="invitation-repeat"] input').setValue(repeat);
}

describe('accepting an invitation', () => {
  it('shows the terms, checks the fields as they are typed, and lands in the workspace', async () => {
    let me: MeQuery['me'] = null;
    const { wrapper, gateway, router, session } = await open({
      InvitationPreview: () => companyPreview,
      AcceptInvitation: () => {
        me = newMember;
        return accepted({ ...newMember, memberships: [] });
      },
      Me: () => ({ me }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="invitation-terms"]').exists()).toBe(true),
    );
    expect(wrapper.get('h1').text()).toBe('Join Acme Trading Co. on Marketgate');
    const terms = wrapper.get('[data-testid="invitation-terms"]').text();
    expect(terms).toContain('mei@acme.example');
    expect(terms).toContain('Approver');
    expect(terms).toContain('Finance');
    expect(terms).toContain('Valid until');
    expect(
      gateway.requests.find((r) => r.operationName === 'InvitationPreview')?.variables,
    ).toEqual({ token: TOKEN });
    // No header: the invitee is not signed in yet.
    expect(wrapper.find('[data-testid="invitation-signed-in"]').exists()).toBe(false);

    await wrapper.get('[data-testid="invitation-password"] input').setValue('short');
    expect(wrapper.get('[data-testid="invitation-password"]').text()).toContain(
      'Use 10 to 200 characters.',
    );
    await wrapper.get('[data-testid="invitation-repeat"] input').setValue('shorter');
    expect(wrapper.get('[data-testid="invitation-repeat"]').text()).toContain(
      'The two passwords differ.',
    );
    await wrapper.get('[data-testid="invitation-accept-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="invitation-name"]').text()).toContain('Enter your name.');
    expect(gateway.requests.some((r) => r.operationName === 'AcceptInvitation')).toBe(false);

    await fill(wrapper, '  Mei Lin ', 'long-enough-1');
    expect(wrapper.find('.base-text-field__error').exists()).toBe(false);
    await wrapper.get('[data-testid="invitation-accept-form"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('dashboard'));
    expect(gateway.requests.find((r) => r.operationName === 'AcceptInvitation')?.variables).toEqual(
      { input: { token: TOKEN, name: 'Mei Lin', password: 'long-enough-1' } },
    );
    expect(session.token).toBe('token-new');
    expect(session.user?.memberships[0]?.roles).toEqual(['APPROVER']);
    expect(localStorage.getItem('marketgate.portal.token')).toBe('token-new');
  });

  it("takes a seller's new staff member to the seller workspace", async () => {
    const staff: NonNullable<MeQuery['me']> = {
      ...buyer,
      id: 'u21',
      email: 'chen@tea.example',
      name: 'Chen',
      seller: { id: 's9', name: 'Lotus Tea House' },
      memberships: [],
    };
    const { wrapper, router } = await open({
      InvitationPreview: () => ({
        invitation: {
          ...companyPreview.invitation,
          kind: 'SELLER_STAFF',
          organizationName: 'Lotus Tea House',
          email: 'chen@tea.example',
          roles: [],
          department: null,
        },
      }),
      AcceptInvitation: () => accepted(staff),
      Me: () => ({ me: staff }),
    });
    await vi.waitFor(() =>
      expect(wrapper.get('h1').text()).toBe('Join the staff of Lotus Tea House on Marketgate'),
    );
    expect(wrapper.get('[data-testid="invitation-terms"]').text()).toContain('Seller staff');
    await fill(wrapper, 'Chen', 'long-enough-1');
    await wrapper.get('[data-testid="invitation-accept-form"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('seller-orders'));
  });

  it.each([
    ['UNKNOWN', 'This invitation link does not work'],
    ['EXPIRED', 'This invitation has expired'],
    ['USED', 'This invitation has been accepted already'],
  ] as const)('explains a %s invitation', async (reason, title) => {
    const { wrapper } = await open({ InvitationPreview: () => ({ invitation: invalid(reason) }) });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-invalid"]').attributes('data-reason')).toBe(
        reason,
      ),
    );
    expect(wrapper.get('h1').text()).toBe(title);
    expect(wrapper.find('[data-testid="invitation-accept-form"]').exists()).toBe(false);
  });

  it('asks nothing for a link without a token', async () => {
    const { wrapper, gateway } = await open({}, null);
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-invalid"]').attributes('data-reason')).toBe(
        'UNKNOWN',
      ),
    );
    expect(gateway.requests).toEqual([]);
  });

  it('shows a failed request, a taken email, and an invitation closed meanwhile', async () => {
    const answers: (() => unknown)[] = [
      () => {
        throw new Error('offline');
      },
      () => ({
        acceptInvitation: { __typename: 'EmailTakenError', errorCode: 'EMAIL_TAKEN', message: 'x' },
      }),
      () => ({ acceptInvitation: invalid('EXPIRED') }),
    ];
    const { wrapper } = await open({
      InvitationPreview: () => companyPreview,
      AcceptInvitation: () => (answers.shift() as () => unknown)(),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="invitation-terms"]').exists()).toBe(true),
    );
    await fill(wrapper, 'Mei', 'long-enough-1');
    const submit = () => wrapper.get('[data-testid="invitation-accept-form"]').trigger('submit');

    await submit();
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-accept-failure"]').text()).toContain(
        'Check your connection',
      ),
    );
    await submit();
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-accept-failure"]').text()).toContain(
        'An account for mei@acme.example exists already',
      ),
    );
    expect(document.activeElement).toBe(
      wrapper.get('[data-testid="invitation-accept-failure"]').element,
    );
    await submit();
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-invalid"]').attributes('data-reason')).toBe(
        'EXPIRED',
      ),
    );
  });

  it("shows the gateway's refusal of a field beside it", async () => {
    const { wrapper } = await open({
      InvitationPreview: () => companyPreview,
    });
    // The fake gateway answers data only, so a refused field comes from a real BAD_USER_INPUT.
    vi.stubGlobal('fetch', async (_url: unknown, init?: RequestInit) => {
      const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
      const body =
        operationName === 'AcceptInvitation'
          ? {
              errors: [
                {
                  message: 'Argument Validation Error',
                  extensions: {
                    code: 'BAD_USER_INPUT',
                    fields: [
                      { path: 'input.password', messages: ['must be 10 to 200 characters'] },
                    ],
                  },
                },
              ],
              data: null,
            }
          : { data: companyPreview };
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="invitation-terms"]').exists()).toBe(true),
    );
    await fill(wrapper, 'Mei', 'long-enough-1');
    await wrapper.get('[data-testid="invitation-accept-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-password"]').text()).toContain(
        'The gateway did not accept this password',
      ),
    );
    expect(wrapper.find('[data-testid="invitation-accept-failure"]').exists()).toBe(false);
  });

  it('offers a retry when the invitation cannot be loaded, and tells a signed-in person', async () => {
    localStorage.setItem('marketgate.portal.token', 'token-1');
    let fail = true;
    const { wrapper } = await open({
      Me: () => ({ me: buyer }),
      InvitationPreview: () => {
        if (fail) throw new Error('offline');
        return companyPreview;
      },
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('The invitation could not be loaded'));
    fail = false;
    await wrapper.get('.base-error-state button').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-signed-in"]').text()).toBe(
        'You are signed in as Acme Buyer. Accepting signs you in as the new account for mei@acme.example instead.',
      ),
    );
  });
});

describe('the invitation link for the inviter', () => {
  const companyAdmin: NonNullable<MeQuery['me']> = {
    ...buyer,
    memberships: [{ ...buyer.memberships[0]!, roles: ['COMPANY_ADMIN', 'BUYER'] }],
  };

  async function invite(writeText: (text: string) => Promise<void>) {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    localStorage.setItem('marketgate.portal.token', 'token-1');
    const rendered = await renderApp('/company/invitations', {
      Me: () => ({ me: companyAdmin }),
      CompanyInvitations: () => ({ companies: [{ id: 'c1', invitations: [] }] }),
      CompanyInviteMember: () => ({
        inviteCompanyMember: {
          __typename: 'InvitationPayload',
          token: TOKEN,
          invitation: {
            id: 'i1',
            email: 'mei@acme.example',
            roles: ['BUYER'],
            department: null,
            createdAt: '2026-11-28T08:00:00Z',
            expiresAt: '2026-12-05T08:00:00Z',
          },
        },
      }),
    });
    current = rendered.wrapper;
    const { wrapper } = rendered;
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="invite-email"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="invite-email"] input').setValue('mei@acme.example');
    await wrapper.get('[data-testid="invite-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="invitation-link"]').exists()).toBe(true),
    );
    return wrapper;
  }

  it('shows a link to the accept page with its expiry, and copies it', async () => {
    const writeText = vi.fn(async () => {});
    const wrapper = await invite(writeText);
    const link = `${window.location.origin}/invitations/accept?token=${TOKEN}`;
    expect(wrapper.get<HTMLInputElement>('[data-testid="invitation-link"]').element.value).toBe(
      link,
    );
    expect(wrapper.get('[data-testid="invite-outcome"]').text()).toContain(
      'Send it to mei@acme.example yourself',
    );
    await wrapper.get('[data-testid="invitation-link-copy"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-link-copied"]').text()).toBe('Link copied.'),
    );
    expect(writeText).toHaveBeenCalledWith(link);
  });

  it('selects the link for copying by hand when the clipboard is not allowed', async () => {
    const wrapper = await invite(async () => {
      throw new Error('NotAllowedError');
    });
    await wrapper.get('[data-testid="invitation-link-copy"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="invitation-link-copied"]').text()).toContain(
        'the link is selected',
      ),
    );
    expect(document.activeElement).toBe(wrapper.get('[data-testid="invitation-link"]').element);
  });
});
