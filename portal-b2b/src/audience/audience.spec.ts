import {
  urqlPlugin,
  type AudienceAccountFragment,
  type AudienceSegmentFragment,
  type MeQuery,
} from '@marketgate/graphql-client';
import { createFakeGateway, type FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import { createMarketgateI18n } from '@marketgate/ui';
import { mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { createPinia, storeToRefs } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import { messages } from '../messages';
import { createAppRouter } from '../router';
import { onePage } from '../shared/connection.testing';
import { useSessionStore } from '../stores/session';
import { buyer } from '../test-utils';

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

const sellerStaff: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u5',
  email: 'staff@northdairy.example',
  name: 'Nora Staff',
  seller: { id: 's1', name: 'North Dairy' },
  memberships: [],
};

/**
 * The fake gateway's fetch, also answering GraphQL errors: a handler returning `{ errors }`
 * becomes a response with those errors and no data, as the gateway refuses bad input.
 */
function withErrors(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) return response;
    const body = (await response.json()) as { data: Record<string, unknown> };
    const errors = body.data?.errors;
    return new Response(JSON.stringify(errors ? { errors, data: null } : body), {
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** A BAD_USER_INPUT refusal as the gateway words it, with problem codes. */
function badInput(fields: Record<string, { message: string; code: string; params?: object }>) {
  return {
    errors: [
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: Object.entries(fields).map(([path, { message, code, params }]) => ({
            path,
            messages: [message],
            problems: [{ code, params: params ?? null }],
          })),
        },
      },
    ],
  };
}

async function render(
  path: string,
  handlers: Record<string, FakeGatewayHandler>,
  me: NonNullable<MeQuery['me']> = platformAdmin,
) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const gateway = createFakeGateway({
    Me: () => ({ me }),
    AudienceTagsInUse: () => ({ tagsInUse: [] }),
    AudienceSegmentEditor: () => ({ platformCurrency: 'CNY' }),
    ...handlers,
  });
  vi.stubGlobal('fetch', withErrors(gateway.fetch));
  const pinia = createPinia();
  const session = useSessionStore(pinia);
  const router = createAppRouter(pinia, createMemoryHistory());
  await router.push(path);
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [
        pinia,
        createMarketgateI18n(messages, 'en'),
        router,
        [urqlPlugin, storeToRefs(session).client],
      ],
    },
  });
  current = wrapper;
  const sent = (operation: string) =>
    gateway.requests.filter((r) => r.operationName === operation).map((r) => r.variables);
  return { wrapper, router, sent };
}

async function shown(wrapper: VueWrapper, selector: string) {
  await vi.waitFor(() => expect(wrapper.find(selector).exists()).toBe(true));
  return wrapper.get(selector);
}

/** The text of the error shown beside an input (its aria-describedby). */
function errorOf(input: Pick<DOMWrapper<Element>, 'attributes'>): string {
  const id = input.attributes('aria-describedby') ?? '';
  return id ? (document.getElementById(id)?.textContent?.trim() ?? '') : '';
}

const acme: AudienceAccountFragment = {
  __typename: 'Company',
  id: 'c1',
  name: 'Acme Trading Co.',
  registrationNumber: 'CN-ACME-1',
  tags: [{ id: 't1', tag: 'key account' }],
  lifecycle: null,
};
const globex: AudienceAccountFragment = {
  ...acme,
  id: 'c2',
  name: 'Globex',
  registrationNumber: 'CN-GLX-2',
  tags: [],
};

describe('customers', () => {
  it('tags and untags a company, refusals shown at the tag field, the segments on opening a row', async () => {
    let tags = [...acme.tags];
    const { wrapper, sent } = await render('/admin/customers', {
      AudienceAccounts: () => ({ accounts: onePage([{ ...acme, tags }, globex]) }),
      AudienceTagsInUse: () => ({ tagsInUse: [{ tag: 'key account', accounts: 1 }] }),
      AudienceTagAccount: (variables) => {
        const { tag } = variables.input as { tag: string };
        if (tag.startsWith('-')) {
          return badInput({
            'input.tag': { message: 'A tag is 1 to 40 letters…', code: 'TAG', params: { max: 40 } },
          });
        }
        tags = [...tags, { id: 't2', tag: tag.toLowerCase() }];
        return { tagAccount: { ...acme, tags } };
      },
      AudienceUntagAccount: (variables) => {
        const { tag } = variables.input as { tag: string };
        tags = tags.filter((t) => t.tag !== tag);
        return { untagAccount: { ...acme, tags } };
      },
      AudienceAccountSegments: () => ({ accountSegments: [{ id: 'g1', name: 'Renewals' }] }),
    });
    const row = await shown(wrapper, '[data-account="Acme Trading Co."]');
    expect(sent('AudienceAccounts')).toEqual([
      { accountType: 'COMPANY', filter: { search: null, tag: null }, first: 20, after: null },
    ]);
    expect(sent('AudienceTagsInUse')).toEqual([{ accountType: 'COMPANY' }]);
    expect(wrapper.get('[data-testid="customers-count"]').text()).toBe('2 accounts');
    expect(row.findAll('[data-testid="customer-tag"]').map((t) => t.text())).toEqual([
      'key account ×',
    ]);
    // Admins set no lifecycle stage: the column is the seller's.
    expect(wrapper.find('[data-testid="customer-stage"]').exists()).toBe(false);

    const input = row.get('[data-testid="customer-tag-input"] input');
    expect(input.attributes('list')).toBeTruthy();
    expect(document.getElementById(input.attributes('list')!)?.querySelector('option')?.value).toBe(
      'key account',
    );
    await input.setValue('-bad');
    await row.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(errorOf(input)).toBe(
        '1 to 40 letters, digits, spaces or . _ : & + / -, starting and ending with a letter or digit',
      ),
    );
    expect(input.attributes('aria-invalid')).toBe('true');

    await input.setValue('Renewal 2027');
    expect(input.attributes('aria-invalid')).toBeUndefined();
    await row.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="customers-message"]').text()).toBe(
        'Acme Trading Co. is tagged renewal 2027.',
      ),
    );
    expect(sent('AudienceTagAccount').at(-1)).toEqual({
      input: { account: { id: 'c1', type: 'COMPANY' }, tag: 'Renewal 2027' },
    });
    const acmeRow = wrapper.get('[data-account="Acme Trading Co."]');
    expect(acmeRow.findAll('[data-testid="customer-tag"]').map((t) => t.text())).toEqual([
      'key account ×',
      'renewal 2027 ×',
    ]);
    expect(
      (acmeRow.get('[data-testid="customer-tag-input"] input').element as HTMLInputElement).value,
    ).toBe('');
    // Tags in use are read again for the suggestions and the filter.
    expect(sent('AudienceTagsInUse')).toHaveLength(2);

    const remove = acmeRow.get('[aria-label="Remove tag key account from Acme Trading Co."]');
    await remove.trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="customers-message"]').text()).toBe(
        'Tag key account taken off Acme Trading Co..',
      ),
    );
    expect(sent('AudienceUntagAccount')).toEqual([
      { input: { account: { id: 'c1', type: 'COMPANY' }, tag: 'key account' } },
    ]);
    expect(
      wrapper
        .get('[data-account="Acme Trading Co."]')
        .findAll('[data-testid="customer-tag"]')
        .map((t) => t.text()),
    ).toEqual(['renewal 2027 ×']);

    const toggle = wrapper.get(
      '[data-account="Acme Trading Co."] [data-testid="customer-segments-toggle"]',
    );
    expect(toggle.attributes('aria-expanded')).toBe('false');
    await toggle.trigger('click');
    const segments = await shown(wrapper, '[data-testid="customer-segments"] a');
    expect(segments.text()).toBe('Renewals');
    expect(segments.attributes('href')).toBe('/admin/segments/g1');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(sent('AudienceAccountSegments')).toEqual([{ account: { id: 'c1', type: 'COMPANY' } }]);
  });

  it('keeps the account type, words and tag in the address and asks the gateway for them', async () => {
    const { wrapper, router, sent } = await render(
      '/seller/customers',
      {
        AudienceAccounts: () => ({ accounts: onePage([]) }),
        AudienceTagsInUse: (variables) => ({
          tagsInUse:
            variables.accountType === 'CONSUMER' ? [{ tag: 'newsletter', accounts: 4 }] : [],
        }),
      },
      sellerStaff,
    );
    await vi.waitFor(() => expect(wrapper.text()).toContain('No customers yet'));
    await wrapper.get('[data-testid="customers-type"] select').setValue('CONSUMER');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ type: 'CONSUMER' }));
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="customers-tag"] option').map((o) => o.text())).toEqual([
        'All tags',
        'newsletter (4)',
      ]),
    );
    await wrapper.get('[data-testid="customers-tag"] select').setValue('newsletter');
    await vi.waitFor(() => expect(router.currentRoute.value.query.tag).toBe('newsletter'));
    await wrapper.get('[data-testid="customers-search"] input').setValue(' li ');
    await wrapper.get('[data-testid="customers-search-submit"]').trigger('submit');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({
        type: 'CONSUMER',
        q: 'li',
        tag: 'newsletter',
      }),
    );
    await vi.waitFor(() =>
      expect(sent('AudienceAccounts').at(-1)).toEqual({
        accountType: 'CONSUMER',
        filter: { search: 'li', tag: 'newsletter' },
        first: 20,
        after: null,
      }),
    );
    expect(wrapper.text()).toContain('No accounts match');
  });

  it('lets seller staff set a company’s lifecycle stage and go back to the proposed one', async () => {
    const company: AudienceAccountFragment = {
      ...globex,
      lifecycle: { stage: null, proposedStage: 'GROWTH', setBy: null, setAt: null },
    };
    const { wrapper, sent } = await render(
      '/seller/customers',
      {
        AudienceAccounts: () => ({ accounts: onePage([company]) }),
        AudienceSetLifecycleStage: (variables) => {
          const { stage } = variables.input as { stage: string | null };
          return {
            setCompanyLifecycleStage: {
              __typename: 'CompanyLifecycle',
              stage,
              proposedStage: 'GROWTH',
              setBy: stage ? 'Nora Staff' : null,
              setAt: stage ? '2026-11-30T09:00:00Z' : null,
            },
          };
        },
      },
      sellerStaff,
    );
    const select = await shown(wrapper, '[data-testid="customer-stage"] select');
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      'Proposed: Growth',
      'Startup',
      'Growth',
      'Mature',
    ]);
    expect(wrapper.get('[data-testid="customer-stage"] label').text()).toBe(
      'Lifecycle stage of Globex',
    );
    await select.setValue('MATURE');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="customers-message"]').text()).toBe(
        'Globex is now at Mature.',
      ),
    );
    expect(wrapper.get('[data-testid="customer-row"]').text()).toContain('Set by Nora Staff');
    await wrapper.get('[data-testid="customer-stage"] select').setValue('');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="customers-message"]').text()).toBe(
        'Globex is back at its proposed stage, Growth.',
      ),
    );
    expect(sent('AudienceSetLifecycleStage')).toEqual([
      { input: { companyId: 'c2', stage: 'MATURE' } },
      { input: { companyId: 'c2', stage: null } },
    ]);
  });
});

const stored: AudienceSegmentFragment = {
  id: 'g1',
  name: 'Renewals',
  accountType: 'COMPANY',
  memberCount: 3,
  updatedAt: '2026-11-30T09:00:00Z',
  updatedBy: 'Platform Admin',
  seller: null,
  rule: {
    kind: 'ANY',
    rules: [
      { kind: 'HAS_TAG', tag: 'key account' },
      { kind: 'CONTRACT_ENDING', days: 90 },
    ],
  },
};

describe('segments', () => {
  it('lists segments with their counts and owners, and opens one to edit', async () => {
    const { wrapper, sent } = await render(
      '/seller/segments',
      {
        AudienceSegments: () => ({
          segments: onePage([{ ...stored, seller: { id: 's1', name: 'North Dairy' } }]),
        }),
      },
      sellerStaff,
    );
    const row = await shown(wrapper, '[data-segment="Renewals"]');
    expect(sent('AudienceSegments')).toEqual([{ accountType: null, first: 20, after: null }]);
    expect(row.get('[data-testid="segment-members"]').text()).toBe('3');
    expect(row.text()).toContain('Companies');
    expect(row.text()).toContain('North Dairy');
    expect(row.text()).toContain('Platform Admin');
    expect(row.get('a').attributes('href')).toBe('/seller/segments/g1');
    const nav = wrapper.get('nav[aria-label="Main"]');
    expect(nav.text()).toContain('Customers');
    expect(nav.get('[aria-current="page"]').text()).toBe('Segments');
  });

  it('builds a rule, counts it live (debounced, stale answers dropped) and saves it', async () => {
    let answer = 0;
    const { wrapper, router, sent } = await render('/admin/segments/new', {
      AudienceTagsInUse: () => ({ tagsInUse: [{ tag: 'key account', accounts: 2 }] }),
      AudienceSegmentPreview: async (variables) => {
        const rule = variables.rule as { rules: { kind: string; tag?: string }[] };
        const n = ++answer;
        // The first count is slow: it comes after later ones and must not replace them.
        if (n === 1) await new Promise((resolve) => setTimeout(resolve, 600));
        return {
          segmentPreview: {
            memberCount: rule.rules.length * 10 + n,
            members: [{ __typename: 'Company', id: 'c1', name: `Acme (${n})` }],
          },
        };
      },
      AudienceCreateSegment: (variables) => ({
        createSegment: {
          __typename: 'Segment',
          ...stored,
          name: (variables.input as { name: string }).name,
        },
      }),
      AudienceSegments: () => ({ segments: onePage([stored]) }),
    });
    await shown(wrapper, '[data-testid="segment-group"]');
    // A new segment starts with one condition and is counted at once.
    await vi.waitFor(() => expect(sent('AudienceSegmentPreview')).toHaveLength(1));
    expect(sent('AudienceSegmentPreview')[0]).toEqual({
      accountType: 'COMPANY',
      first: 10,
      rule: { kind: 'ALL', rules: [{ kind: 'FIRST_TIME_BUYER' }] },
    });

    await wrapper.get('[data-testid="segment-name"] input').setValue('Key or ending');
    await wrapper.get('[data-testid="segment-group-kind"] select').setValue('ANY');
    await wrapper.get('[data-testid="segment-condition-kind"] select').setValue('HAS_TAG');
    const tag = wrapper.get('[data-testid="segment-param-tag"] input');
    for (const typed of ['k', 'ke', 'key', 'key account']) await tag.setValue(typed);
    await wrapper.get('[data-testid="segment-add-rule"]').trigger('click');
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        wrapper.findAll('[data-testid="segment-condition-kind"] select')[1]!.element,
      ),
    );
    await wrapper
      .findAll('[data-testid="segment-condition-kind"] select')[1]!
      .setValue('CONTRACT_ENDING');
    const days = wrapper.get('[data-testid="segment-param-days"] input');
    expect((days.element as HTMLInputElement).value).toBe('90');

    // Only the rule as it stood when typing paused was counted.
    await vi.waitFor(() => expect(sent('AudienceSegmentPreview')).toHaveLength(2));
    expect(sent('AudienceSegmentPreview')[1]).toEqual({
      accountType: 'COMPANY',
      first: 10,
      rule: {
        kind: 'ANY',
        rules: [
          { kind: 'HAS_TAG', tag: 'key account' },
          { kind: 'CONTRACT_ENDING', days: 90 },
        ],
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="segment-preview-count"]').text()).toBe('22 accounts match'),
    );
    expect(wrapper.get('[data-testid="segment-preview-members"]').text()).toBe('Acme (2)');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(wrapper.get('[data-testid="segment-preview-count"]').text()).toBe('22 accounts match');

    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('admin-segments'));
    expect(sent('AudienceCreateSegment')).toEqual([
      {
        input: {
          name: 'Key or ending',
          accountType: 'COMPANY',
          rule: {
            kind: 'ANY',
            rules: [
              { kind: 'HAS_TAG', tag: 'key account' },
              { kind: 'CONTRACT_ENDING', days: 90 },
            ],
          },
        },
      },
    ]);
  });

  it('shows the gateway’s refusals at the rule input they concern', async () => {
    const { wrapper, sent } = await render('/admin/segments/new', {
      AudienceSegmentPreview: (variables) => {
        const rule = variables.rule as { rules: { days?: number | null }[] };
        const days = rule.rules[0]?.days;
        if (days === null) {
          return badInput({
            'rule.rules.0.days': { message: 'LAPSED needs days', code: 'REQUIRED' },
          });
        }
        if (days && days > 3650) {
          return badInput({
            'rule.rules.0.days': {
              message: 'days must be from 1 to 3650',
              code: 'RANGE',
              params: { min: 1, max: 3650 },
            },
          });
        }
        return { segmentPreview: { memberCount: 0, members: [] } };
      },
      AudienceCreateSegment: () =>
        badInput({
          'input.name': { message: 'Give the segment a name', code: 'REQUIRED' },
        }),
    });
    await shown(wrapper, '[data-testid="segment-condition-kind"]');
    await wrapper.get('[data-testid="segment-condition-kind"] select').setValue('LAPSED');
    const days = wrapper.get('[data-testid="segment-param-days"] input');
    await days.setValue('99999');
    await vi.waitFor(() => expect(errorOf(days)).toBe('From 1 to 3650'));
    expect(wrapper.get('[data-testid="segment-preview"]').text()).toContain(
      'Fix the marked fields to see who matches.',
    );
    await days.setValue('');
    await vi.waitFor(() => expect(errorOf(days)).toBe('Required'));
    // Text that is no number is the portal's to point out; the gateway is not asked.
    const asked = sent('AudienceSegmentPreview').length;
    await days.setValue('soon');
    expect(errorOf(days)).toBe('Enter a whole number.');
    await days.setValue('60');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="segment-preview-count"]').text()).toBe(
        'No account matches',
      ),
    );
    expect(errorOf(days)).toBe('');
    expect(
      sent('AudienceSegmentPreview')
        .slice(asked)
        .map((v) => v.rule),
    ).toEqual([{ kind: 'ALL', rules: [{ kind: 'LAPSED', days: 60 }] }]);

    await wrapper.get('form').trigger('submit');
    const name = wrapper.get('[data-testid="segment-name"] input');
    await vi.waitFor(() => expect(errorOf(name)).toBe('Required'));
    expect(document.activeElement).toBe(name.element);
  });

  it('edits a stored segment and deletes it after confirming', async () => {
    const { wrapper, router, sent } = await render('/admin/segments/g1', {
      AudienceSegmentEditor: () => ({ platformCurrency: 'CNY', segment: stored }),
      AudienceSegmentPreview: () => ({ segmentPreview: { memberCount: 3, members: [] } }),
      AudienceUpdateSegment: () =>
        badInput({
          'input.rule.rules.2.rules.0.days': {
            message: 'days must be from 1 to 3650',
            code: 'RANGE',
            params: { min: 1, max: 3650 },
          },
        }),
      AudienceDeleteSegment: () => ({ deleteSegment: true }),
      AudienceSegments: () => ({ segments: onePage([]) }),
    });
    await shown(wrapper, '[data-testid="segment-param-tag"]');
    expect(wrapper.get('h1').text()).toBe('Segment Renewals');
    expect(wrapper.find('[data-testid="segment-type"]').exists()).toBe(false);
    expect(
      (wrapper.get('[data-testid="segment-param-tag"] input').element as HTMLInputElement).value,
    ).toBe('key account');
    expect(
      (wrapper.get('[data-testid="segment-group-kind"] select').element as HTMLSelectElement).value,
    ).toBe('ANY');

    // A nested group, and a refusal of its rule shown at that rule's days.
    await wrapper.findAll('[data-testid="segment-add-group"]')[0]!.trigger('click');
    const nested = await shown(wrapper, '[data-rule-path="rule.rules.2"]');
    expect(nested.get('legend').text()).toBe('Group 3: members match');
    await wrapper
      .get('[data-rule-path="rule.rules.2.rules.0"] [data-testid="segment-condition-kind"] select')
      .setValue('LAPSED');
    await wrapper.get('form').trigger('submit');
    const days = wrapper.get(
      '[data-rule-path="rule.rules.2.rules.0"] [data-testid="segment-param-days"] input',
    );
    await vi.waitFor(() => expect(errorOf(days)).toBe('From 1 to 3650'));
    expect(document.activeElement).toBe(days.element);
    expect(sent('AudienceUpdateSegment')[0]).toEqual({
      input: {
        id: 'g1',
        name: 'Renewals',
        rule: {
          kind: 'ANY',
          rules: [
            { kind: 'HAS_TAG', tag: 'key account' },
            { kind: 'CONTRACT_ENDING', days: 90 },
            { kind: 'ANY', rules: [{ kind: 'LAPSED', days: 30 }] },
          ],
        },
      },
    });

    await wrapper.get('[aria-label="Remove group 3"]').trigger('click');
    await wrapper.get('[aria-label="Remove rule 2"]').trigger('click');
    await wrapper.get('[data-testid="segment-delete"]').trigger('click');
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        wrapper.get('[data-testid="segment-delete-confirm"]').element,
      ),
    );
    expect(wrapper.text()).toContain('Delete Renewals?');
    await wrapper.get('[data-testid="segment-delete-confirm"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('admin-segments'));
    expect(sent('AudienceDeleteSegment')).toEqual([{ id: 'g1' }]);
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="segments-message"]').text()).toBe(
        'Segment Renewals was deleted.',
      ),
    );
  });
});
