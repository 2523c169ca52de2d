import type {
  AdminCategoryNodeFragment,
  AdminCompanyRowFragment,
  AdminModerationProductFragment,
  AdminSellerRowFragment,
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
  vi.unstubAllGlobals();
  localStorage.clear();
});

const platformAdmin: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u9',
  email: 'admin@marketgate.example',
  name: 'Platform Admin',
  isPlatformAdmin: true,
  memberships: [],
};

async function render(path: string, handlers: Parameters<typeof renderApp>[1], me = platformAdmin) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, { Me: () => ({ me }), ...handlers });
  current = rendered.wrapper;
  return rendered;
}

function sent(
  gateway: { requests: { operationName: string; variables: unknown }[] },
  name: string,
) {
  return gateway.requests.filter((r) => r.operationName === name).map((r) => r.variables);
}

describe('company verification queue', () => {
  const initech: AdminCompanyRowFragment = {
    id: 'c3',
    name: 'Initech',
    registrationNumber: 'CN-INI-9',
    status: 'PENDING',
    createdAt: '2026-11-28T08:00:00Z',
    verifiedAt: null,
    members: [
      {
        id: 'm9',
        roles: ['COMPANY_ADMIN', 'BUYER'],
        user: { id: 'u10', name: 'Bill Lumbergh', email: 'bill@initech.example' },
      },
    ],
  };
  const shady: AdminCompanyRowFragment = { ...initech, id: 'c4', name: 'Shady Imports' };

  it('verifies a pending company and rejects another only with a reason', async () => {
    let queue = [initech, shady];
    const { wrapper, gateway } = await render('/admin/companies', {
      AdminCompanies: () => ({ allCompanies: onePage(queue) }),
      AdminReviewCompany: (variables) => {
        const input = variables.input as { companyId: string; decision: string };
        const company = queue.find((c) => c.id === input.companyId)!;
        queue = queue.filter((c) => c !== company);
        const status = input.decision === 'VERIFY' ? 'VERIFIED' : 'REJECTED';
        return { reviewCompany: { __typename: 'Company', ...company, status } };
      },
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="company-row"]')).toHaveLength(2));
    expect(sent(gateway, 'AdminCompanies')).toEqual([
      { filter: { status: 'PENDING', search: null }, sort: 'CREATED_ASC', first: 20, after: null },
    ]);
    expect(wrapper.get('[data-testid="admin-companies-count"]').text()).toBe('2 companies');
    const first = wrapper.findAll('[data-testid="company-row"]')[0]!;
    expect(first.text()).toContain('CN-INI-9');
    expect(first.text()).toContain('bill@initech.example');

    await first.get('[data-testid="company-verify"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="companies-message"]').text()).toBe(
        'Initech is verified: its members now see volume prices.',
      ),
    );
    expect(document.activeElement).toBe(wrapper.get('[data-testid="companies-message"]').element);
    expect(sent(gateway, 'AdminReviewCompany')).toEqual([
      { input: { companyId: 'c3', decision: 'VERIFY', reason: '' } },
    ]);
    expect(wrapper.findAll('[data-testid="company-row"]')).toHaveLength(1);

    await wrapper.get('[data-testid="company-reject"]').trigger('click');
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        wrapper.get('[data-testid="company-reject-reason"] input').element,
      ),
    );
    await wrapper.get('[data-testid="company-reject-confirm"]').trigger('submit');
    expect(wrapper.get('[data-testid="company-reject-reason"]').text()).toContain(
      'Say why the company is rejected',
    );
    expect(sent(gateway, 'AdminReviewCompany')).toHaveLength(1);
    await wrapper
      .get('[data-testid="company-reject-reason"] input')
      .setValue('No such registration');
    await wrapper
      .get('[data-testid="company-reject-reason"]')
      .element.closest('form')!
      .requestSubmit();
    await vi.waitFor(() => expect(sent(gateway, 'AdminReviewCompany')).toHaveLength(2));
    expect(sent(gateway, 'AdminReviewCompany')[1]).toEqual({
      input: { companyId: 'c4', decision: 'REJECT', reason: 'No such registration' },
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('No companies waiting for review'));
  });

  it('asks the gateway for the words, status, order and page it shows, kept in the address', async () => {
    const { wrapper, gateway, router } = await render('/admin/companies', {
      AdminCompanies: (variables) => ({
        allCompanies: {
          totalCount: 25,
          edges: [initech, shady].map((node, index) => ({ cursor: `c${index}`, node })),
          pageInfo: { hasNextPage: !variables.after, endCursor: 'c1' },
        },
      }),
    });
    const last = () => sent(gateway, 'AdminCompanies').at(-1);
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="company-row"]')).toHaveLength(2));
    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(last()).toMatchObject({ after: 'c1' }));
    expect(wrapper.text()).toContain('Page 2 of 2');

    await wrapper.get('[data-testid="companies-search"] input').setValue(' initech ');
    await wrapper.get('[data-testid="companies-search-submit"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ q: 'initech' }));
    await wrapper.get('[data-testid="companies-status"] select').setValue('ALL');
    await vi.waitFor(() => expect(router.currentRoute.value.query.status).toBe('ALL'));
    await wrapper.get('[data-testid="companies-sort"] select').setValue('NAME_DESC');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({
        q: 'initech',
        status: 'ALL',
        sort: 'NAME_DESC',
      }),
    );
    await vi.waitFor(() =>
      expect(last()).toEqual({
        filter: { status: null, search: 'initech' },
        sort: 'NAME_DESC',
        first: 20,
        after: null,
      }),
    );
    expect(wrapper.get('[data-testid="admin-companies"] caption').text()).toBe(
      'Companies, Name, Z to A',
    );
  });

  it('goes back a page when the last companies of a page are reviewed', async () => {
    let pageTwo = [shady];
    const { wrapper, gateway } = await render('/admin/companies', {
      AdminCompanies: (variables) => {
        const nodes = variables.after ? pageTwo : [initech];
        return {
          allCompanies: {
            totalCount: 1 + pageTwo.length,
            edges: nodes.map((node) => ({ cursor: node.id, node })),
            pageInfo: { hasNextPage: !variables.after && pageTwo.length > 0, endCursor: 'c3' },
          },
        };
      },
      AdminReviewCompany: () => {
        pageTwo = [];
        return { reviewCompany: { __typename: 'Company', ...shady, status: 'VERIFIED' } };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="pagination-next"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="company-row"]').attributes('data-company')).toBe(
        'Shady Imports',
      ),
    );
    await wrapper.get('[data-testid="company-verify"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="company-row"]').attributes('data-company')).toBe('Initech'),
    );
    expect(sent(gateway, 'AdminCompanies').map((v) => (v as { after: unknown }).after)).toEqual([
      null,
      'c3',
      'c3',
      null,
    ]);
    expect(wrapper.find('[data-testid="pagination-next"]').exists()).toBe(false);
  });

  it('is refused to anyone but platform admins', async () => {
    const { wrapper } = await render('/admin/companies', {}, buyer);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="admin-unavailable"]').exists()).toBe(true),
    );
  });
});

describe('category tree', () => {
  const tree: AdminCategoryNodeFragment[] = [
    { id: '1', name: 'Office', slug: 'office', parentId: null, position: 0 },
    { id: '2', name: 'Paper', slug: 'paper', parentId: '1', position: 0 },
    { id: '3', name: 'Dairy', slug: 'dairy', parentId: null, position: 1 },
  ];

  it('creates a subcategory with a slug from its name, and moves one under another', async () => {
    const { wrapper, gateway } = await render('/admin/categories', {
      AdminCategories: () => ({ categories: tree }),
      AdminCreateCategory: () => ({
        createCategory: {
          __typename: 'AlreadyExistsError',
          field: 'slug',
          errorCode: 'ALREADY_EXISTS',
          message: 'taken',
        },
      }),
      AdminUpdateCategory: (variables) => ({
        updateCategory: { __typename: 'Category', ...(variables.input as object) },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="category-node"]')).toHaveLength(3),
    );
    expect(
      wrapper.findAll('[data-testid="category-node"]').map((n) => n.attributes('data-slug')),
    ).toEqual(['office', 'paper', 'dairy']);

    await wrapper.findAll('[data-testid="category-add-child"]')[0]!.trigger('click');
    const form = () => wrapper.get('[data-testid="category-form"]');
    expect((form().get('[data-testid="category-parent"]').element as HTMLSelectElement).value).toBe(
      '1',
    );
    await form().get('[data-testid="category-name"] input').setValue('Copy Paper A4');
    expect(
      (form().get('[data-testid="category-slug"] input').element as HTMLInputElement).value,
    ).toBe('copy-paper-a4');
    await form().trigger('submit');
    await vi.waitFor(() => expect(form().text()).toContain('Another category has this slug.'));
    expect(sent(gateway, 'AdminCreateCategory')).toEqual([
      { input: { name: 'Copy Paper A4', slug: 'copy-paper-a4', parentId: '1', position: 0 } },
    ]);

    await wrapper.findAll('[data-testid="category-edit"]')[0]!.trigger('click');
    const parentOptions = form()
      .findAll('[data-testid="category-parent"] option')
      .map((o) => o.text());
    expect(parentOptions).toEqual(['None (top level)', 'Dairy']);
    await form().get('[data-testid="category-name"] input').setValue('Office supplies');
    await form().get('[data-testid="category-parent"]').setValue('3');
    await form().trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="categories-message"]').text()).toBe(
        'Category Office supplies saved.',
      ),
    );
    expect(sent(gateway, 'AdminUpdateCategory')).toEqual([
      { input: { id: '1', name: 'Office supplies', slug: 'office', parentId: '3', position: 0 } },
    ]);
  });
});

describe('sellers', () => {
  const northDairy: AdminSellerRowFragment = {
    id: 's1',
    name: 'North Dairy',
    slug: 'north-dairy',
    description: '',
    status: 'ACTIVE',
    createdAt: '2026-01-01T00:00:00Z',
  };

  it('creates a seller and invites its first staff member', async () => {
    const sellers = [northDairy];
    const { wrapper, gateway } = await render('/admin/sellers', {
      AdminSellers: () => ({ allSellers: onePage(sellers) }),
      AdminCreateSeller: (variables) => {
        const seller = {
          id: 's2',
          status: 'ACTIVE',
          createdAt: '2026-11-28T00:00:00Z',
          ...(variables.input as { name: string; slug: string; description: string }),
        } as const;
        sellers.push(seller);
        return { createSeller: { __typename: 'Seller', ...seller } };
      },
      AdminInviteSellerStaff: () => ({
        inviteSellerStaff: {
          __typename: 'InvitationPayload',
          token: 'tok-123456789012345678901234',
          invitation: { id: 'i1', email: 'chen@tea.example', expiresAt: '2026-12-05T00:00:00Z' },
        },
      }),
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="seller-row"]')).toHaveLength(1));
    expect(sent(gateway, 'AdminSellers')).toEqual([
      { filter: { status: null, search: null }, sort: 'NAME_ASC', first: 20, after: null },
    ]);
    await wrapper.get('[data-testid="staff-invite-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="staff-invite-form"]').text()).toContain(
      'Choose the seller with “Invite staff” in the list first.',
    );
    expect(sent(gateway, 'AdminInviteSellerStaff')).toHaveLength(0);

    await wrapper.get('[data-testid="seller-name"] input').setValue('Tea House');
    await wrapper.get('[data-testid="seller-description"] input').setValue('Loose leaf teas');
    await wrapper.get('[data-testid="seller-create-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="sellers-message"]').text()).toContain(
        'Seller Tea House created',
      ),
    );
    expect(sent(gateway, 'AdminCreateSeller')).toEqual([
      { input: { name: 'Tea House', slug: 'tea-house', description: 'Loose leaf teas' } },
    ]);
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="seller-row"]')).toHaveLength(2));
    expect(wrapper.get('[data-testid="staff-seller"]').text()).toBe('Invite staff of Tea House');

    await wrapper.get('[data-testid="staff-email"] input').setValue('chen@tea');
    expect(wrapper.get('[data-testid="staff-email"]').text()).toContain('Enter an email address');
    await wrapper.get('[data-testid="staff-email"] input').setValue('chen@tea.example');
    await wrapper.get('[data-testid="staff-invite-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get<HTMLInputElement>('[data-testid="invitation-link"]').element.value).toBe(
        `${window.location.origin}/invitations/accept?token=tok-123456789012345678901234`,
      ),
    );
    expect(sent(gateway, 'AdminInviteSellerStaff')).toEqual([
      { input: { sellerId: 's2', email: 'chen@tea.example' } },
    ]);

    await wrapper.findAll('[data-testid="seller-invite-staff"]')[0]!.trigger('click');
    expect(wrapper.get('[data-testid="staff-seller"]').text()).toBe('Invite staff of North Dairy');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="staff-email"] input').element);
  });

  it('lists suspended sellers too, filtered and sorted on the gateway', async () => {
    const suspended = { ...northDairy, id: 's3', name: 'Shady Shop', status: 'SUSPENDED' } as const;
    const { wrapper, gateway, router } = await render(
      '/admin/sellers?status=SUSPENDED&sort=CREATED_DESC',
      {
        AdminSellers: (variables) => ({
          allSellers: onePage(
            (variables.filter as { search: string | null }).search ? [] : [suspended],
          ),
        }),
      },
    );
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="seller-row"]')).toHaveLength(1));
    expect(wrapper.get('[data-testid="seller-row"]').text()).toContain('Suspended');
    expect(sent(gateway, 'AdminSellers')).toEqual([
      {
        filter: { status: 'SUSPENDED', search: null },
        sort: 'CREATED_DESC',
        first: 20,
        after: null,
      },
    ]);
    await wrapper.get('[data-testid="sellers-search"] input').setValue('tea');
    await wrapper.get('[data-testid="sellers-search-submit"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('No sellers match'));
    expect(router.currentRoute.value.query).toEqual({
      q: 'tea',
      status: 'SUSPENDED',
      sort: 'CREATED_DESC',
    });
  });
});

describe('catalog moderation', () => {
  const product: AdminModerationProductFragment = {
    id: 'p1',
    name: 'Miracle Milk',
    slug: 'miracle-milk',
    status: 'ACTIVE',
    updatedAt: '2026-11-28T08:00:00Z',
    seller: { id: 's1', name: 'North Dairy' },
    category: { id: '3', name: 'Dairy' },
  };

  it('finds any shop’s product and archives it with a reason', async () => {
    let status: AdminModerationProductFragment['status'] = 'ACTIVE';
    const { wrapper, gateway } = await render('/admin/moderation', {
      AdminModerationProducts: () => ({ products: onePage([{ ...product, status }]) }),
      AdminArchiveProduct: () => {
        status = 'ARCHIVED';
        return { archiveProduct: { __typename: 'Product', ...product, status } };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="moderation-row"]')).toHaveLength(1),
    );
    await wrapper.get('[data-testid="moderation-search"] input').setValue(' miracle ');
    await wrapper.get('[data-testid="moderation-search-submit"]').trigger('submit');
    await vi.waitFor(() => expect(sent(gateway, 'AdminModerationProducts')).toHaveLength(2));
    expect(sent(gateway, 'AdminModerationProducts')[1]).toEqual({
      filter: { search: 'miracle', statuses: ['ACTIVE', 'DRAFT'] },
      sort: 'NEWEST',
      first: 20,
      after: null,
    });

    await wrapper.get('[data-testid="archive-start"]').trigger('click');
    await wrapper.get('[data-testid="archive-confirm"]').trigger('submit');
    expect(wrapper.get('[data-testid="archive-reason"]').text()).toContain(
      'Say why the product is archived.',
    );
    expect(sent(gateway, 'AdminArchiveProduct')).toHaveLength(0);
    await wrapper.get('[data-testid="archive-reason"] input').setValue('Misleading health claims');
    await wrapper.get('[data-testid="archive-reason"]').element.closest('form')!.requestSubmit();
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="moderation-message"]').text()).toBe(
        'Miracle Milk archived. It no longer appears in the catalog.',
      ),
    );
    expect(sent(gateway, 'AdminArchiveProduct')).toEqual([
      { id: 'p1', reason: 'Misleading health claims' },
    ]);
    expect(wrapper.get('[data-testid="moderation-row"]').text()).toContain('Archived');
    expect(wrapper.find('[data-testid="archive-start"]').exists()).toBe(false);
  });
});
