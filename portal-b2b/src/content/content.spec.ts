import type {
  EditedBlockFragment,
  MeQuery,
  PlacedBlockFragment,
  PortalContentAccountsQuery,
  PortalContentTargetsQuery,
} from '@marketgate/graphql-client';
import type { FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onePage } from '../shared/connection.testing';
import { buyer, renderApp } from '../test-utils';
import { draftOf, refusalsByField, toBlockFields } from './block-draft';
import { parseContentListQuery, toContentRouteQuery } from './content-list-query';

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

const admin: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u9',
  email: 'admin@marketgate.example',
  name: 'Platform Admin',
  isPlatformAdmin: true,
  memberships: [],
};

function block(facts: Partial<EditedBlockFragment> = {}): EditedBlockFragment {
  return {
    id: 'b1',
    kind: 'BANNER',
    title: 'Tea week',
    body: 'A new harvest.',
    imageUrl: null,
    linkUrl: 'https://marketgate.example/tea',
    callToAction: 'See the teas',
    products: [],
    placement: 'STOREFRONT_HOME',
    priority: 500,
    startsAt: '2026-12-01T00:00:00Z',
    endsAt: null,
    status: 'ACTIVE',
    updatedAt: '2026-11-30T10:00:00Z',
    createdBy: 'North Dairy Sales',
    updatedBy: 'North Dairy Sales',
    seller: { id: 's1', name: 'North Dairy' },
    chosenProducts: [],
    target: {
      everyone: false,
      tags: ['tea lover'],
      segments: [{ id: 'g1', name: 'Tea lovers' }],
    },
    ...facts,
  };
}

const targets: PortalContentTargetsQuery = {
  segments: {
    totalCount: 2,
    edges: [
      { node: { id: 'g1', name: 'Tea lovers', memberCount: 12 } },
      { node: { id: 'g2', name: 'Big spenders', memberCount: 3 } },
    ],
  },
  tagsInUse: [
    { tag: 'tea lover', accounts: 12 },
    { tag: 'vip', accounts: 2 },
  ],
};

const accounts: PortalContentAccountsQuery = {
  accounts: {
    totalCount: 2,
    edges: [
      {
        node: { __typename: 'User', id: 'u10', name: 'Alice Consumer', email: 'alice@example.com' },
      },
      { node: { __typename: 'User', id: 'u11', name: 'Bob Consumer', email: 'bob@example.com' } },
    ],
  },
};

const placed = (edited: EditedBlockFragment): PlacedBlockFragment => ({
  id: edited.id,
  kind: edited.kind,
  title: edited.title,
  body: edited.body,
  imageUrl: edited.imageUrl,
  linkUrl: edited.linkUrl,
  callToAction: edited.callToAction,
  products: edited.products,
});

const everyoneBlock: PlacedBlockFragment = {
  id: 'b0',
  kind: 'BANNER',
  title: 'Free delivery this week',
  body: null,
  imageUrl: null,
  linkUrl: null,
  callToAction: null,
  products: [],
};

async function render(
  path: string,
  handlers: Record<string, FakeGatewayHandler>,
  me: NonNullable<MeQuery['me']> = sellerStaff,
) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, {
    Me: () => ({ me }),
    ContentBlocks: () => ({ contentBlocks: onePage([block()]) }),
    PortalContentBlock: ({ id }) => ({ contentBlock: id === 'b1' ? block() : null }),
    PortalContentTargets: () => targets,
    PortalContentAccounts: () => accounts,
    PreviewContentAs: ({ account }) => ({
      previewContentAs:
        (account as { id: string }).id === 'u10'
          ? [everyoneBlock, placed(block())]
          : [everyoneBlock],
    }),
    ...handlers,
  });
  current = rendered.wrapper;
  await flushPromises();
  return rendered;
}

/**
 * The gateway refusing an operation's input field by field (`BAD_USER_INPUT`), once; the fake
 * gateway still records the request.
 */
function refuseInputOnce(operation: string, fields: { path: string; messages: string[] }[]) {
  const gatewayFetch = globalThis.fetch;
  let refused = false;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = await gatewayFetch(input, init);
    const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
    if (refused || operationName !== operation) return answer;
    refused = true;
    const errors = [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }];
    return new Response(JSON.stringify({ data: null, errors }), {
      headers: { 'content-type': 'application/json' },
    });
  });
}

const field = (wrapper: VueWrapper, testid: string) =>
  wrapper.get(`[data-testid="${testid}"] input, [data-testid="${testid}"] textarea`);
const sent = (
  gateway: { requests: { operationName: string; variables: Record<string, unknown> }[] },
  name: string,
) => gateway.requests.filter((r) => r.operationName === name).map((r) => r.variables);

describe('content list', () => {
  it('is a tab of the seller workspace listing the shop’s blocks', async () => {
    const { wrapper } = await render('/seller/content', {});

    expect(wrapper.get('nav a[aria-current="page"]').text()).toBe('Content');
    expect(wrapper.get('[data-testid="content-list-count"]').text()).toBe('1 block');
    const row = wrapper.get('[data-testid="content-row"]');
    const cells = row.findAll('td').map((cell) => cell.text());
    expect(cells.slice(0, 3)).toEqual([
      'Storefront home',
      'Banner',
      'Segments: Tea lovers; Tags: tea lover',
    ]);
    expect(cells[3]).toBe('500');
    expect(cells[4]).toMatch(/^From Dec 1, 2026/);
    expect(cells[5]).toBe('Active');
    expect(row.get('a').attributes('href')).toBe('/seller/content/b1');
  });

  it('keeps its filters in the address and asks the gateway for them', async () => {
    const { wrapper, router, gateway } = await render('/seller/content?status=DRAFT', {
      ContentBlocks: () => ({ contentBlocks: onePage([]) }),
    });

    expect(sent(gateway, 'ContentBlocks')[0]).toMatchObject({ placement: null, status: 'DRAFT' });
    expect(wrapper.get('[data-testid="content-list-empty"]').text()).toContain('No blocks match');

    await wrapper.get('[data-testid="content-filter-placement"] select').setValue('CART');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ placement: 'CART', status: 'DRAFT' });
    expect(sent(gateway, 'ContentBlocks').at(-1)).toMatchObject({
      placement: 'CART',
      status: 'DRAFT',
    });
  });

  it('is a tab of the admin workspace too, naming each block’s shop', async () => {
    const { wrapper } = await render(
      '/admin/content',
      {
        ContentBlocks: () => ({
          contentBlocks: onePage([
            block(),
            block({ id: 'b2', seller: null, target: { everyone: true, tags: [], segments: [] } }),
          ]),
        }),
      },
      admin,
    );

    expect(wrapper.get('nav a[aria-current="page"]').text()).toBe('Content');
    const rows = wrapper.findAll('[data-testid="content-row"]');
    expect(rows[0]?.get('th').text()).toContain('North Dairy');
    expect(rows[1]?.get('th').text()).toContain('Platform');
    expect(rows[1]?.get('[data-testid="content-target"]').text()).toBe('Everyone');
    expect(rows[1]?.get('a').attributes('href')).toBe('/admin/content/b2');
  });
});

describe('content block editor', () => {
  it('creates a banner for a segment, the schedule sent as instants', async () => {
    const { wrapper, router, gateway } = await render('/seller/content/new', {
      CreateContentBlock: () => ({
        createContentBlock: { __typename: 'ContentBlock', ...block({ id: 'b7' }) },
      }),
      PortalContentBlock: ({ id }) => ({ contentBlock: block({ id: String(id) }) }),
    });

    await field(wrapper, 'content-title').setValue('Tea week');
    await field(wrapper, 'content-link-url').setValue('https://marketgate.example/tea');
    await field(wrapper, 'content-call-to-action').setValue('See the teas');
    await wrapper.get('[data-testid="content-starts-at"]').setValue('2026-12-24T09:00');
    await field(wrapper, 'content-priority').setValue('500');
    await wrapper.get('[data-testid="content-status-ACTIVE"]').setValue(true);
    await wrapper.get('[data-testid="content-target-chosen"]').setValue(true);
    await flushPromises();
    const segments = wrapper.findAll('[data-testid="content-segment"]');
    expect(segments.map((s) => s.text())).toEqual([
      'Tea lovers 12 members',
      'Big spenders 3 members',
    ]);
    await segments[1]?.get('input').setValue(true);
    await wrapper.get('[data-testid="content-form"]').trigger('submit');
    await flushPromises();

    expect(sent(gateway, 'CreateContentBlock')[0]?.input).toEqual({
      kind: 'BANNER',
      placement: 'STOREFRONT_HOME',
      title: 'Tea week',
      body: null,
      imageUrl: null,
      linkUrl: 'https://marketgate.example/tea',
      callToAction: 'See the teas',
      productIds: [],
      target: { everyone: false, segmentIds: ['g2'], tags: [] },
      priority: 500,
      startsAt: new Date('2026-12-24T09:00').toISOString(),
      endsAt: null,
      status: 'ACTIVE',
    });
    expect(router.currentRoute.value.name).toBe('seller-content-block');
    expect(router.currentRoute.value.params.id).toBe('b7');
    expect(wrapper.get('[data-testid="content-notice"]').text()).toBe('The block was created.');
  });

  it('shows the gateway’s refusals beside their fields', async () => {
    const { wrapper } = await render('/seller/content/b1', {
      UpdateContentBlock: () => ({
        updateContentBlock: { __typename: 'ContentBlock', ...block() },
      }),
    });
    refuseInputOnce('UpdateContentBlock', [
      { path: 'input.linkUrl', messages: ['must be an http(s) URL'] },
      { path: 'input.target.segmentIds.0', messages: ['No such segment of yours'] },
      { path: 'input.startsAt', messages: ['The schedule starts after it ends'] },
    ]);

    await wrapper.get('[data-testid="content-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="content-notice"]').text()).toContain(
      'The block was not saved',
    );
    expect(wrapper.get('[data-testid="content-link-url"]').text()).toContain(
      'must be an http(s) URL',
    );
    expect(wrapper.get('[data-testid="content-error-segments"]').text()).toBe(
      'No such segment of yours',
    );
    const startsAt = wrapper.get('[data-testid="content-starts-at"]');
    expect(startsAt.attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('The schedule starts after it ends');
  });

  it('checks the title and priority before asking the gateway', async () => {
    const { wrapper, gateway } = await render('/seller/content/new', {});

    await field(wrapper, 'content-priority').setValue('5000');
    await wrapper.get('[data-testid="content-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="content-title"]').text()).toContain(
      'Give the block a title.',
    );
    expect(wrapper.get('[data-testid="content-priority"]').text()).toContain(
      'A whole number from 0 to 1000.',
    );
    expect(sent(gateway, 'CreateContentBlock')).toHaveLength(0);
  });

  it('picks a product slot’s products among the shop’s products on sale', async () => {
    const { wrapper, gateway } = await render('/seller/content/new', {
      PortalContentProducts: () => ({
        products: {
          edges: [
            {
              node: {
                id: 'p1',
                name: 'Oolong',
                slug: 'oolong',
                imageUrls: [],
                seller: { id: 's1', name: 'North Dairy' },
              },
            },
          ],
        },
      }),
      CreateContentBlock: () => ({
        createContentBlock: { __typename: 'ContentBlock', ...block({ id: 'b8' }) },
      }),
    });

    await wrapper.get('[data-testid="content-kind-PRODUCT_SLOT"]').setValue(true);
    await field(wrapper, 'content-title').setValue('Our teas');
    await field(wrapper, 'content-product-search').setValue('oolong');
    await wrapper.get('[data-testid="content-product-search-submit"]').trigger('click');
    await flushPromises();
    expect(sent(gateway, 'PortalContentProducts')[0]?.filter).toEqual({
      search: 'oolong',
      sellerId: 's1',
      status: 'ACTIVE',
    });
    await wrapper.get('[data-testid="content-product-add"]').trigger('click');
    expect(wrapper.get('[data-testid="content-product"]').text()).toContain('Oolong');
    await wrapper.get('[data-testid="content-form"]').trigger('submit');
    await flushPromises();

    expect(sent(gateway, 'CreateContentBlock')[0]?.input).toMatchObject({
      kind: 'PRODUCT_SLOT',
      productIds: ['p1'],
      linkUrl: null,
      target: { everyone: true, segmentIds: [], tags: [] },
    });
  });

  it('previews what a chosen account sees, the block marked', async () => {
    const { wrapper, gateway } = await render('/seller/content/b1', {});

    await field(wrapper, 'content-preview-search').setValue('consumer');
    await wrapper.get('[data-testid="content-preview"] form').trigger('submit');
    await flushPromises();
    const choices = wrapper.findAll('[data-testid="content-preview-account"]');
    expect(choices[0]?.text()).toContain('Preview as Alice Consumer');
    expect(sent(gateway, 'PortalContentAccounts')[0]).toEqual({
      accountType: 'CONSUMER',
      search: 'consumer',
    });

    await choices[0]?.trigger('click');
    await flushPromises();
    expect(sent(gateway, 'PreviewContentAs')[0]).toMatchObject({
      placement: 'STOREFRONT_HOME',
      account: { id: 'u10', type: 'CONSUMER' },
      includeDrafts: false,
    });
    expect(wrapper.get('[data-testid="content-preview-verdict"]').text()).toBe(
      'Alice Consumer sees this block.',
    );
    const banners = wrapper.findAll('[data-testid="preview-banner"]');
    expect(banners.map((b) => b.get('h2').text())).toEqual(['Free delivery this week', 'Tea week']);
    expect(banners[1]?.get('[data-testid="preview-highlighted"]').text()).toBe('This block');

    await choices[1]?.trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="content-preview-verdict"]').text()).toBe(
      'Bob Consumer does not see this block.',
    );

    await wrapper.get('[data-testid="content-preview-drafts"]').setValue(true);
    await flushPromises();
    expect(sent(gateway, 'PreviewContentAs').at(-1)).toMatchObject({ includeDrafts: true });
  });

  it('counts drafts as active in the preview of a draft', async () => {
    const { wrapper, gateway } = await render('/seller/content/b1', {
      PortalContentBlock: () => ({ contentBlock: block({ status: 'DRAFT' }) }),
    });

    await field(wrapper, 'content-preview-search').setValue('alice');
    await wrapper.get('[data-testid="content-preview"] form').trigger('submit');
    await flushPromises();
    await wrapper.get('[data-testid="content-preview-account"]').trigger('click');
    await flushPromises();

    expect(sent(gateway, 'PreviewContentAs')[0]).toMatchObject({ includeDrafts: true });
  });

  it('looks for companies to preview the portal dashboard as', async () => {
    const { wrapper, gateway } = await render('/seller/content/new', {});

    await wrapper.get('[data-testid="content-placement"] select').setValue('PORTAL_DASHBOARD');
    await field(wrapper, 'content-preview-search').setValue('acme');
    await wrapper.get('[data-testid="content-preview"] form').trigger('submit');
    await flushPromises();

    expect(sent(gateway, 'PortalContentAccounts')[0]).toMatchObject({ accountType: 'COMPANY' });
    expect(sent(gateway, 'PortalContentTargets').at(-1)).toEqual({ accountType: 'COMPANY' });
  });

  it('archives a block once confirmed, and then keeps it as it is', async () => {
    let archived = false;
    const { wrapper, gateway } = await render('/seller/content/b1', {
      PortalContentBlock: () => ({ contentBlock: block(archived ? { status: 'ARCHIVED' } : {}) }),
      ArchiveContentBlock: () => {
        archived = true;
        return {
          archiveContentBlock: { __typename: 'ContentBlock', id: 'b1', status: 'ARCHIVED' },
        };
      },
    });

    await wrapper.get('[data-testid="content-archive"]').trigger('click');
    expect(sent(gateway, 'ArchiveContentBlock')).toHaveLength(0);
    expect(wrapper.text()).toContain('Archive this block for good?');
    await wrapper.get('[data-testid="content-archive-confirm"]').trigger('click');
    await flushPromises();

    expect(sent(gateway, 'ArchiveContentBlock')[0]).toEqual({ id: 'b1' });
    expect(wrapper.get('[data-testid="content-status"]').text()).toBe('Archived');
    expect(wrapper.find('[data-testid="content-archived"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="content-save"]').exists()).toBe(false);
  });

  it('says so when the block is not the viewer’s', async () => {
    const { wrapper } = await render('/seller/content/b404', {});
    expect(wrapper.get('[data-testid="content-not-found"]').text()).toContain(
      'This block could not be found',
    );
  });
});

describe('content drafts', () => {
  it('keeps a saved block’s fields and sends only the kind’s own', () => {
    const draft = draftOf(
      block({
        kind: 'PRODUCT_SLOT',
        products: [{ id: 'p1', name: 'Oolong', slug: 'oolong', imageUrls: [] }],
        chosenProducts: [
          { id: 'p1', name: 'Oolong', status: 'ACTIVE' },
          { id: 'p2', name: 'Last year’s Pu-erh', status: 'ARCHIVED' },
        ],
      }),
    );
    // A product taken off sale since stays chosen, marked, and is sent back.
    expect(draft.products).toEqual([
      { id: 'p1', name: 'Oolong', onSale: true },
      { id: 'p2', name: 'Last year’s Pu-erh', onSale: false },
    ]);
    expect(draft.segmentIds).toEqual(['g1']);
    const fields = toBlockFields({ ...draft, everyone: true });
    expect(fields).toMatchObject({
      linkUrl: null,
      callToAction: null,
      productIds: ['p1', 'p2'],
      target: { everyone: true, segmentIds: [], tags: [] },
      startsAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('gathers refusals by field, indexed paths at their list', () => {
    expect(
      refusalsByField({
        'target.segmentIds.1': 'No such segment',
        'target.tags.0': 'Bad tag',
        target: 'Target someone',
        'productIds.2': 'No such product',
        kind: 'Odd',
      }),
    ).toEqual({
      fields: {
        'target.segmentIds': 'No such segment',
        'target.tags': 'Bad tag',
        target: 'Target someone',
        productIds: 'No such product',
      },
      other: ['Odd'],
    });
  });

  it('reads the list’s filters from the address, unknown ones as all', () => {
    const list = parseContentListQuery({ placement: 'CART', status: 'GONE' });
    expect(list).toEqual({ placement: 'CART', status: '' });
    expect(toContentRouteQuery(list)).toEqual({ placement: 'CART' });
  });
});
