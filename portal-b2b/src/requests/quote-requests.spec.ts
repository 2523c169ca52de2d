import type { FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buyer, productData, renderApp } from '../test-utils';
import { onePage } from '../shared/connection.testing';
import { cny, companyAddresses, draft, frameworkContract, summary } from './requests-test-data';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

async function render(path: string, handlers: Record<string, FakeGatewayHandler>) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, { Me: () => ({ me: buyer }), ...handlers });
  current = rendered.wrapper;
  return rendered;
}

const offered = summary({
  id: 'q8',
  number: 'RFQ-000008',
  status: 'OFFERED',
  dealKind: 'FRAMEWORK',
  termMonths: 24,
  createdAt: '2026-11-20T08:00:00Z',
  updatedAt: '2026-11-29T08:00:00Z',
  lines: [{ id: 'l2' }, { id: 'l3' }],
  latestVersion: {
    id: 'v2',
    number: 2,
    side: 'SELLER',
    validUntil: '2026-12-05T08:00:00Z',
    total: cny(120_000),
  },
});

describe('my quote requests', () => {
  it('lists the company’s requests: drafts open in the editor, the others in the quote view', async () => {
    const { wrapper } = await render('/quotes', {
      RequestsQuoteRequests: () => ({ quoteRequests: onePage([summary(), offered]) }),
    });
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="quote-request-row"]')).toHaveLength(2),
    );
    const [draftRow, offeredRow] = wrapper.findAll('[data-testid="quote-request-row"]');
    expect(draftRow?.get('a').attributes('href')).toBe('/quotes/q9/edit');
    expect(draftRow?.text()).toContain('Draft');
    expect(draftRow?.text()).toContain('No offer yet');
    expect(offeredRow?.get('a').attributes('href')).toBe('/quotes/q8');
    expect(offeredRow?.text()).toContain('Offered');
    expect(offeredRow?.text()).toContain('Framework agreement');
    expect(offeredRow?.text()).toContain('24 months');
    expect(offeredRow?.text()).toContain('2 lines');
    expect(offeredRow?.text()).toContain('CN¥1,200.00');
    expect(wrapper.get('[data-testid="quote-requests-count"]').text()).toBe('2 requests');
  });

  it('asks the gateway for the status, sort and page it shows', async () => {
    const { wrapper, gateway, router } = await render('/quotes', {
      RequestsQuoteRequests: (variables) => ({
        quoteRequests: {
          totalCount: 42,
          edges: [summary(), offered].map((node, index) => ({ cursor: `c${index}`, node })),
          pageInfo: { hasNextPage: !variables.after, endCursor: 'c1' },
        },
      }),
    });
    const sent = () =>
      gateway.requests.filter((r) => r.operationName === 'RequestsQuoteRequests').at(-1)?.variables;
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="quote-request-row"]')).toHaveLength(2),
    );
    expect(sent()).toEqual({ filter: null, sort: 'CREATED_DESC', first: 20, after: null });
    expect(wrapper.get('[data-testid="quote-requests-count"]').text()).toBe('42 requests');

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(sent()?.after).toBe('c1'));

    await wrapper.get('[data-testid="quote-requests-status"] select').setValue('OFFERED');
    await vi.waitFor(() => expect(router.currentRoute.value.query.status).toBe('OFFERED'));
    await vi.waitFor(() =>
      expect(sent()).toEqual({
        filter: { status: 'OFFERED' },
        sort: 'CREATED_DESC',
        first: 20,
        after: null,
      }),
    );

    await wrapper.get('[data-testid="quote-requests-sort"] select').setValue('UPDATED_ASC');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ status: 'OFFERED', sort: 'UPDATED_ASC' }),
    );
    await vi.waitFor(() =>
      expect(sent()).toEqual({
        filter: { status: 'OFFERED' },
        sort: 'UPDATED_ASC',
        first: 20,
        after: null,
      }),
    );
  });

  it('invites to quick order or the catalog when there is none', async () => {
    const { wrapper } = await render('/quotes', {
      RequestsQuoteRequests: () => ({ quoteRequests: onePage([]) }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="quote-requests-empty"]').exists()).toBe(true),
    );
    const empty = wrapper.get('[data-testid="quote-requests-empty"]');
    expect(empty.text()).toContain('No quote requests yet');
    expect(empty.findAll('a').map((a) => a.attributes('href'))).toEqual(['/quick-order', '/']);
  });
});

describe('the product page', () => {
  it('says why the price applies: the tier with its minimum quantity', async () => {
    const { wrapper } = await render('/p/copy-paper?qty=10', {
      ProductBySlug: (variables) => productData(Number(variables.quantity)),
    });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="price-why"]').text()).toContain(
        'Volume price for 10 units or more.',
      ),
    );
  });

  it('names the contract behind a contract price', async () => {
    const { wrapper } = await render('/p/copy-paper', {
      ProductBySlug: () => {
        const data = productData(1);
        const variant = data.product?.variants[0];
        if (variant) variant.price = { ...variant.price, source: 'CONTRACT', ruleId: 'cl1' };
        return data;
      },
      RequestsActiveContracts: () => ({ contracts: onePage([frameworkContract]) }),
    });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="price-why"]').text()).toContain(
        'Contract price agreed in C-000007.',
      ),
    );
  });

  it('adds the line to the newest draft to the product’s seller', async () => {
    const officeDraft = draft({ seller: { id: 's1', name: 'Office Hub' }, version: 4 });
    const { wrapper, gateway } = await render('/p/copy-paper?qty=10', {
      ProductBySlug: (variables) => productData(Number(variables.quantity)),
      RequestsQuoteRequests: () => ({
        quoteRequests: onePage([
          summary({ id: 'q10', seller: { id: 's2', name: 'North Dairy' } }),
          summary({ seller: officeDraft.seller }),
        ]),
      }),
      RequestsQuoteRequest: () => ({ quoteRequest: officeDraft }),
      RequestsUpdateQuoteRequest: () => ({
        updateQuoteRequest: { __typename: 'QuoteRequest', ...officeDraft, version: 5 },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="add-to-request-button"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="add-to-request-button"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="add-to-request-result"]').text()).toContain(
        'Added to draft request RFQ-000009.',
      ),
    );
    expect(wrapper.get('[data-testid="add-to-request-result"] a').attributes('href')).toBe(
      '/quotes/q9/edit',
    );
    const listed = gateway.requests.find((r) => r.operationName === 'RequestsQuoteRequests');
    expect(listed?.variables).toEqual({
      filter: { status: 'DRAFT' },
      sort: 'CREATED_DESC',
      first: 100,
    });
    const read = gateway.requests.find((r) => r.operationName === 'RequestsQuoteRequest');
    expect(read?.variables.id).toBe('q9');
    const updated = gateway.requests.find((r) => r.operationName === 'RequestsUpdateQuoteRequest');
    expect(updated?.variables.input).toEqual({
      quoteId: 'q9',
      expectedVersion: 4,
      dealKind: 'ONE_OFF',
      termMonths: null,
      wantedDeliveryDate: null,
      notes: '',
      deliveryAddress: officeDraft.deliveryAddress,
      lines: [{ variantId: 'v1', quantity: 10, targetUnitPrice: null }],
    });
  });

  it('starts a draft when the buyer has none to this seller', async () => {
    const { wrapper, gateway } = await render('/p/copy-paper?qty=10', {
      ProductBySlug: (variables) => productData(Number(variables.quantity)),
      RequestsQuoteRequests: () => ({ quoteRequests: onePage([]) }),
      RequestsCompanyAddresses: () => companyAddresses(),
      RequestsCreateQuoteRequest: () => ({
        createQuoteRequest: { __typename: 'QuoteRequest', ...draft({ number: 'RFQ-000011' }) },
      }),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="add-to-request-button"]').exists()).toBe(true),
    );
    await wrapper.get('[data-testid="add-to-request-button"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="add-to-request-result"]').text()).toContain(
        'Started draft request RFQ-000011 with this line.',
      ),
    );
    const created = gateway.requests.find((r) => r.operationName === 'RequestsCreateQuoteRequest');
    expect(created?.variables.input).toEqual({
      companyId: 'c1',
      sellerId: 's1',
      dealKind: 'ONE_OFF',
      deliveryAddressId: 'a1',
      lines: [{ variantId: 'v1', quantity: 10 }],
    });
  });
});
