import {
  urqlPlugin,
  type MeQuery,
  type QuoteAction,
  type QuotesDetailFragment,
  type QuotesInstallmentPreviewQuery,
  type QuotesSummaryFragment,
  type QuotesVersionDiffQuery,
  type QuotesVersionFragment,
} from '@marketgate/graphql-client';
import { createFakeGateway, type FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import { createMarketgateI18n } from '@marketgate/ui';
import { mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { createPinia, storeToRefs } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
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

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const sellerStaff: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u3',
  email: 'sales@north-dairy.example',
  name: 'North Dairy Sales',
  seller: { id: 's1', name: 'North Dairy' },
  memberships: [],
};

const approverOnly: NonNullable<MeQuery['me']> = {
  ...buyer,
  memberships: buyer.memberships.map((m) => ({
    ...m,
    roles: ['APPROVER'],
    department: 'FINANCE',
  })),
};

function version(
  number: number,
  side: QuotesVersionFragment['side'],
  prices: [number, number],
  quantities: [number, number] = [100, 50],
  fields: Partial<QuotesVersionFragment> = {},
): QuotesVersionFragment {
  const total = prices[0] * quantities[0] + prices[1] * quantities[1];
  const deposit = Math.floor((total * 3000) / 10_000);
  return {
    id: `v${number}`,
    number,
    side,
    createdAt: '2026-11-20T08:00:00Z',
    validUntil: inDays(10),
    deliveryTerms: 'DAP Hangzhou, within 14 days',
    note: '',
    total: cny(total),
    paymentTerms: {
      kind: 'INSTALLMENTS',
      netDays: null,
      milestones: [
        {
          label: 'Deposit',
          percentBp: 3000,
          amount: null,
          trigger: 'ON_SIGNING',
          dueDate: null,
          netDays: 0,
        },
        {
          label: 'Final payment',
          percentBp: 7000,
          amount: null,
          trigger: 'ON_ACCEPTANCE',
          dueDate: null,
          netDays: 30,
        },
      ],
    },
    installments: [
      { label: 'Deposit', trigger: 'ON_SIGNING', dueDate: null, netDays: 0, amount: cny(deposit) },
      {
        label: 'Final payment',
        trigger: 'ON_ACCEPTANCE',
        dueDate: null,
        netDays: 30,
        amount: cny(total - deposit),
      },
    ],
    lines: [0, 1].map((i) => ({
      id: `v${number}l${i + 1}`,
      requestLineId: `l${i + 1}`,
      quantity: quantities[i] as number,
      committedQuantity: null,
      unitPrice: cny(prices[i] as number),
      lineTotal: cny((prices[i] as number) * (quantities[i] as number)),
      tiers: [],
    })),
    ...fields,
  };
}

function quote(
  status: QuotesDetailFragment['status'],
  versions: QuotesVersionFragment[] = [],
  fields: Partial<QuotesDetailFragment> = {},
): QuotesDetailFragment {
  return {
    id: 'q1',
    number: 'RFQ-000001',
    status,
    allowedActions: [],
    version: 3,
    dealKind: 'ONE_OFF',
    termMonths: null,
    wantedDeliveryDate: '2026-12-15',
    notes: 'Cold chain please',
    createdAt: '2026-11-19T08:00:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
    company: { id: 'c1', name: 'Acme Trading Co.' },
    seller: { id: 's1', name: 'North Dairy' },
    deliveryAddress: {
      name: 'Acme Receiving',
      phone: '13800138000',
      province: 'Zhejiang',
      city: 'Hangzhou',
      district: 'Xihu',
      line1: '1 Wensan Road',
      postalCode: '310000',
    },
    lines: [
      {
        id: 'l1',
        description: 'Fresh Milk · 1 L',
        quantity: 100,
        variantId: 'var1',
        targetUnitPrice: cny(900),
      },
      {
        id: 'l2',
        description: 'Yoghurt · 500 g',
        quantity: 50,
        variantId: 'var2',
        targetUnitPrice: null,
      },
    ],
    latestVersion: versions.at(-1) ?? null,
    versions,
    messages: [],
    approval: null,
    contract: null,
    ...fields,
  };
}

/** What the gateway lets each viewer do, as it answers `allowedActions`. */
const buyerOnOffer: QuoteAction[] = ['COUNTER', 'ACCEPT', 'CANCEL', 'POST_MESSAGE'];
const sellerOnOffer: QuoteAction[] = ['REVISE', 'CANCEL', 'POST_MESSAGE'];
const sellersTurn: QuoteAction[] = ['OFFER', 'CANCEL', 'POST_MESSAGE'];
const waitingForOthers: QuoteAction[] = ['CANCEL', 'POST_MESSAGE'];

const offered = (allowedActions = buyerOnOffer) =>
  quote('OFFERED', [version(1, 'SELLER', [950, 2000])], { allowedActions });

type Preview = QuotesInstallmentPreviewQuery['installmentPreview'];

/**
 * A fake installmentPreview: the amounts the gateway answers for each schedule (named by its
 * percentages, e.g. '3000/7000'); any other schedule it refuses as not adding up to 100%.
 */
function previews(known: Record<string, number[]>) {
  return (variables: Record<string, unknown>): QuotesInstallmentPreviewQuery => {
    const { milestones } = variables.input as { milestones: { percentBp: number | null }[] };
    const amounts = known[milestones.map((m) => m.percentBp).join('/')];
    const installmentPreview: Preview = amounts
      ? {
          __typename: 'InstallmentPreview',
          installments: amounts.map((amount) => ({ amount: cny(amount) })),
        }
      : {
          __typename: 'InvalidScheduleError',
          percentBp: milestones.reduce((sum, m) => sum + (m.percentBp ?? 0), 0),
          problems: [{ milestone: null, code: 'PERCENT_SUM', message: 'Percentages add up to …' }],
        };
    return { installmentPreview };
  };
}

/**
 * A fake gateway's fetch that also answers GraphQL errors: a handler returning `{ errors }`
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

function badInput(fields: Record<string, string>) {
  return {
    errors: [
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: Object.entries(fields).map(([path, message]) => ({ path, messages: [message] })),
        },
      },
    ],
  };
}

/** Screens of other areas this one links to by name, where they are not mounted yet. */
const linkedRoutes: [string, string][] = [
  ['quote-requests', '/quote-requests'],
  ['approval', '/approvals/:id'],
  ['contract', '/contracts/:id'],
];

async function render(
  path: string,
  handlers: Record<string, FakeGatewayHandler>,
  me: NonNullable<MeQuery['me']> = buyer,
) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const gateway = createFakeGateway({ Me: () => ({ me }), ...handlers });
  vi.stubGlobal('fetch', withErrors(gateway.fetch));
  const pinia = createPinia();
  const session = useSessionStore(pinia);
  const router = createAppRouter(pinia, createMemoryHistory());
  for (const [name, routePath] of linkedRoutes) {
    if (!router.hasRoute(name)) {
      router.addRoute({ path: routePath, name, component: { render: () => h('p', name) } });
    }
  }
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
  return { wrapper, router, gateway, sent };
}

async function shown(wrapper: VueWrapper, testid: string) {
  await vi.waitFor(() => expect(wrapper.find(`[data-testid="${testid}"]`).exists()).toBe(true));
  return wrapper.get(`[data-testid="${testid}"]`);
}

const field = (wrapper: VueWrapper, testid: string, index = 0) =>
  wrapper.findAll(`[data-testid="${testid}"]`)[index] as DOMWrapper<HTMLInputElement>;

/** The text of the error shown beside an input (its aria-describedby). */
function errorOf(wrapper: VueWrapper, input: Pick<DOMWrapper<Element>, 'attributes'>): string {
  const id = input.attributes('aria-describedby') ?? '';
  return wrapper.find(`[id="${id}"]`).text();
}

describe('seller quote inbox', () => {
  const summary = (
    id: string,
    status: QuotesSummaryFragment['status'],
    updatedAt: string,
    allowedActions: QuoteAction[],
  ): QuotesSummaryFragment => ({
    id,
    number: `RFQ-00000${id}`,
    status,
    allowedActions,
    dealKind: 'ONE_OFF',
    termMonths: null,
    wantedDeliveryDate: null,
    createdAt: updatedAt,
    updatedAt,
    company: { id: 'c1', name: 'Acme Trading Co.' },
    seller: { id: 's1', name: 'North Dairy' },
    lines: [{ id: 'l1' }],
    latestVersion:
      status === 'SUBMITTED'
        ? null
        : { id: `v${id}`, number: 1, side: 'SELLER', validUntil: inDays(5), total: cny(195_000) },
  });

  it('asks the gateway for each view and page, shows its order and opens a request', async () => {
    const all = [
      summary('3', 'OFFERED', '2026-11-22T08:00:00Z', sellerOnOffer),
      summary('2', 'COUNTERED', '2026-11-21T08:00:00Z', sellersTurn),
      summary('1', 'SUBMITTED', '2026-11-20T08:00:00Z', sellersTurn),
    ];
    const { wrapper, router, sent } = await render(
      '/seller/quotes',
      {
        QuotesInbox: (variables) => {
          const filter = variables.filter as { status?: string; awaitingMe?: boolean } | null;
          if (filter?.status) return { quoteRequests: onePage([all[0]]) };
          if (filter?.awaitingMe) return { quoteRequests: onePage(all.slice(1).reverse()) };
          return {
            quoteRequests: {
              totalCount: 23,
              edges: all.map((node, index) => ({ cursor: `c${index}`, node })),
              pageInfo: { hasNextPage: !variables.after, endCursor: 'c2' },
            },
          };
        },
        QuotesQuote: () => ({
          quoteRequest: quote('OFFERED', [], { allowedActions: sellerOnOffer }),
        }),
      },
      sellerStaff,
    );
    await shown(wrapper, 'quote-inbox');
    expect(sent('QuotesInbox')[0]).toEqual({
      filter: null,
      sort: 'UPDATED_DESC',
      first: 20,
      after: null,
    });
    const rows = wrapper.findAll('[data-testid="quote-inbox-row"]');
    // The gateway's order, latest activity first.
    expect(rows.map((r) => r.find('a').text())).toEqual(['RFQ-000003', 'RFQ-000002', 'RFQ-000001']);
    expect(rows[2]?.text()).toContain('Awaiting offer');
    expect(rows[2]?.text()).toContain('Your turn');
    expect(rows[0]?.text()).not.toContain('Your turn');
    expect(rows[0]?.text()).toContain('CN¥1,950.00');
    expect(wrapper.get('[data-testid="quote-inbox-count"]').text()).toBe('23 requests');

    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() =>
      expect(sent('QuotesInbox').at(-1)).toEqual({
        filter: null,
        sort: 'UPDATED_DESC',
        first: 20,
        after: 'c2',
      }),
    );

    await wrapper.get('[data-testid="quote-inbox-awaiting"] select').setValue('awaiting');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ awaiting: '1' }));
    await wrapper.get('[data-testid="quote-inbox-sort"] select').setValue('UPDATED_ASC');
    await vi.waitFor(() =>
      expect(router.currentRoute.value.query).toEqual({ awaiting: '1', sort: 'UPDATED_ASC' }),
    );
    await vi.waitFor(() =>
      expect(sent('QuotesInbox').at(-1)).toEqual({
        filter: { status: null, awaitingMe: true },
        sort: 'UPDATED_ASC',
        first: 20,
        after: null,
      }),
    );
    await vi.waitFor(() =>
      expect(
        wrapper.findAll('[data-testid="quote-inbox-row"]').map((r) => r.find('a').text()),
      ).toEqual(['RFQ-000001', 'RFQ-000002']),
    );
    expect(wrapper.get('[data-testid="quote-inbox-count"]').text()).toBe(
      '2 requests waiting for your answer',
    );

    await router.replace({ name: 'seller-quotes' });
    await wrapper.get('[data-testid="quote-inbox-status"] select').setValue('OFFERED');
    await vi.waitFor(() =>
      expect(sent('QuotesInbox').at(-1)).toEqual({
        filter: { status: 'OFFERED', awaitingMe: null },
        sort: 'UPDATED_DESC',
        first: 20,
        after: null,
      }),
    );
    expect(router.currentRoute.value.query).toEqual({ status: 'OFFERED' });
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="quote-inbox-row"]')).toHaveLength(1),
    );

    await wrapper.get('[data-testid="quote-inbox-open"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('seller-quote'), {
      timeout: 5000,
    });
    expect(router.currentRoute.value.params.id).toBe('3');
    await shown(wrapper, 'quote-number');
  });

  it('says so when the shop has no requests', async () => {
    const { wrapper } = await render(
      '/seller/quotes',
      { QuotesInbox: () => ({ quoteRequests: onePage([]) }) },
      sellerStaff,
    );
    await vi.waitFor(() => expect(wrapper.text()).toContain('No quote requests yet'));
  });
});

describe('seller offer editor', () => {
  it('sends prices, validity, delivery terms and an installment schedule in minor units', async () => {
    const answered = quote('OFFERED', [version(1, 'SELLER', [950, 2000])], {
      version: 4,
      allowedActions: sellerOnOffer,
    });
    const { wrapper, sent } = await render(
      '/seller/quotes/q1',
      {
        QuotesQuote: () => ({
          quoteRequest: quote('SUBMITTED', [], { allowedActions: sellersTurn }),
        }),
        QuotesInstallmentPreview: previews({ '3000/7000': [58_500, 136_500] }),
        QuotesOffer: () => ({ offerQuote: { __typename: 'QuoteRequest', ...answered } }),
      },
      sellerStaff,
    );
    expect((await shown(wrapper, 'quote-no-offer')).text()).toBe(
      'No offer yet: write the first one below.',
    );
    expect(wrapper.find('[data-testid="quote-accept"]').exists()).toBe(false);
    await wrapper.get('[data-testid="quote-offer"]').trigger('click');
    const editor = await shown(wrapper, 'offer-editor');
    expect(editor.text()).toContain('Requested 100 · hoped for CN¥9.00 each');

    await field(wrapper, 'offer-unit-price', 0).setValue('9.50');
    await field(wrapper, 'offer-unit-price', 1).setValue('20');
    expect(wrapper.get('[data-testid="offer-total"]').text()).toBe('CN¥1,950.00');
    await wrapper.findAll('[data-testid="offer-add-tier"]')[0]?.trigger('click');
    await field(wrapper, 'offer-tier-min', 0).setValue('200');
    await field(wrapper, 'offer-tier-price', 0).setValue('9.00');
    await field(wrapper, 'offer-valid-until').setValue('2030-01-31T18:00');
    await wrapper.get('[data-testid="offer-delivery-terms"]').setValue('DAP Hangzhou');
    await wrapper.get('[data-testid="schedule-add-deposit"]').trigger('click');
    await wrapper.get('[data-testid="schedule-add-final"]').trigger('click');
    await field(wrapper, 'milestone-value', 1).setValue('70');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="milestone-amount"]').map((a) => a.text())).toEqual([
        'CN¥585.00',
        'CN¥1,365.00',
      ]),
    );
    expect(sent('QuotesInstallmentPreview').at(-1)).toMatchObject({
      input: { total: cny(195_000), milestones: [{ percentBp: 3000 }, { percentBp: 7000 }] },
    });

    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    await vi.waitFor(() => expect(sent('QuotesOffer')).toHaveLength(1));
    expect(sent('QuotesOffer')[0]).toEqual({
      input: {
        quoteId: 'q1',
        expectedVersion: 3,
        lines: [
          {
            lineId: 'l1',
            unitPrice: 950,
            quantity: 100,
            committedQuantity: null,
            tiers: [{ minQuantity: 200, unitPrice: 900 }],
          },
          { lineId: 'l2', unitPrice: 2000, quantity: 50, committedQuantity: null, tiers: [] },
        ],
        validUntil: new Date('2030-01-31T18:00').toISOString(),
        deliveryTerms: 'DAP Hangzhou',
        note: '',
        paymentTerms: {
          kind: 'INSTALLMENTS',
          netDays: null,
          milestones: [
            {
              label: 'Deposit',
              percentBp: 3000,
              amount: null,
              trigger: 'ON_SIGNING',
              dueDate: null,
              netDays: 0,
            },
            {
              label: 'Final payment',
              percentBp: 7000,
              amount: null,
              trigger: 'ON_ACCEPTANCE',
              dueDate: null,
              netDays: 30,
            },
          ],
        },
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="quote-notice"]').text()).toBe('Offer sent to the buyer.'),
    );
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="offer-editor"]').exists()).toBe(false),
    );
    expect(wrapper.get('[data-testid="quote-version-total"]').text()).toBe('CN¥1,950.00');
    expect(wrapper.get('[data-testid="quote-turn"]').text()).toBe('Waiting for the buyer');
    expect(wrapper.get('[data-testid="quote-offer"]').text()).toBe('Revise the offer');
  });

  it('shows the gateway’s refusal of the schedule under it', async () => {
    const { wrapper } = await render(
      '/seller/quotes/q1',
      {
        QuotesQuote: () => ({ quoteRequest: offered(sellerOnOffer) }),
        QuotesInstallmentPreview: previews({ '3000/7000': [58_500, 136_500] }),
        QuotesOffer: () =>
          badInput({ 'input.paymentTerms.milestones.1': 'An ON_DATE milestone needs a dueDate' }),
      },
      sellerStaff,
    );
    await (await shown(wrapper, 'quote-offer')).trigger('click');
    await shown(wrapper, 'offer-editor');
    // A revision starts from the offer on the table.
    expect(field(wrapper, 'offer-unit-price', 0).element.value).toBe('9.50');
    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    const rows = wrapper.findAll('[data-testid="schedule-milestone"]');
    await vi.waitFor(() =>
      expect(rows[1]?.text()).toContain('Not accepted: An ON_DATE milestone needs a dueDate'),
    );
  });
});

describe('buyer counter-offer editor', () => {
  it('sends the changed prices, quantities and terms against the version seen', async () => {
    const countered = quote(
      'COUNTERED',
      [version(1, 'SELLER', [950, 2000]), version(2, 'BUYER', [900, 2000], [120, 50])],
      { allowedActions: waitingForOthers },
    );
    const { wrapper, sent } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered() }),
      QuotesInstallmentPreview: previews({
        '3000/7000': [58_500, 136_500],
        '2000/8000': [41_600, 166_400],
      }),
      QuotesCounter: () => ({ counterQuote: { __typename: 'QuoteRequest', ...countered } }),
      QuotesVersionDiff: () => ({ quoteVersionDiff: null }),
    });
    await (await shown(wrapper, 'quote-counter')).trigger('click');
    await shown(wrapper, 'offer-editor');
    expect(wrapper.get('[data-testid="offer-editor"] h2').text()).toBe('Your counter-offer');
    // The buyer proposes prices and terms; the validity stays the seller's to set.
    expect(wrapper.find('[data-testid="offer-valid-until"]').exists()).toBe(false);
    expect(field(wrapper, 'offer-unit-price', 0).element.value).toBe('9.50');
    expect(field(wrapper, 'offer-quantity', 0).element.value).toBe('100');

    await field(wrapper, 'offer-unit-price', 0).setValue('9.00');
    await field(wrapper, 'offer-quantity', 0).setValue('120');
    expect(wrapper.findAll('[data-testid="offer-line-total"]')[0]?.text()).toBe('CN¥1,080.00');
    expect(wrapper.get('[data-testid="offer-total"]').text()).toBe('CN¥2,080.00');
    await wrapper.get('[data-testid="offer-delivery-terms"]').setValue('DAP Hangzhou, 7 days');
    await field(wrapper, 'milestone-value', 0).setValue('20');
    await field(wrapper, 'milestone-value', 1).setValue('80');
    await wrapper.get('[data-testid="offer-note"]').setValue('Bigger volume, faster delivery');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="milestone-amount"]').map((a) => a.text())).toEqual([
        'CN¥416.00',
        'CN¥1,664.00',
      ]),
    );

    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    await vi.waitFor(() => expect(sent('QuotesCounter')).toHaveLength(1));
    expect(sent('QuotesCounter')[0]).toEqual({
      input: {
        quoteId: 'q1',
        expectedVersion: 3,
        lines: [
          { lineId: 'l1', unitPrice: 900, quantity: 120, committedQuantity: null, tiers: [] },
          { lineId: 'l2', unitPrice: 2000, quantity: 50, committedQuantity: null, tiers: [] },
        ],
        validUntil: null,
        deliveryTerms: 'DAP Hangzhou, 7 days',
        note: 'Bigger volume, faster delivery',
        paymentTerms: {
          kind: 'INSTALLMENTS',
          netDays: null,
          milestones: [
            {
              label: 'Deposit',
              percentBp: 2000,
              amount: null,
              trigger: 'ON_SIGNING',
              dueDate: null,
              netDays: 0,
            },
            {
              label: 'Final payment',
              percentBp: 8000,
              amount: null,
              trigger: 'ON_ACCEPTANCE',
              dueDate: null,
              netDays: 30,
            },
          ],
        },
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="quote-notice"]').text()).toBe(
        'Counter-offer sent to the seller.',
      ),
    );
    expect(wrapper.get('[data-testid="quote-turn"]').text()).toBe('Waiting for the seller');
    expect(wrapper.find('[data-testid="quote-accept"]').exists()).toBe(false);
  });

  it('checks fields as they are typed and sends nothing until they are right', async () => {
    const { wrapper, sent } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered() }),
      QuotesInstallmentPreview: previews({ '3000/7000': [58_500, 136_500] }),
    });
    await (await shown(wrapper, 'quote-counter')).trigger('click');
    await shown(wrapper, 'offer-editor');
    const price = field(wrapper, 'offer-unit-price', 0);
    await price.setValue('9.5.0');
    expect(errorOf(wrapper, price)).toBe('Enter an amount, e.g. 12.50.');
    expect(price.attributes('aria-invalid')).toBe('true');
    const quantity = field(wrapper, 'offer-quantity', 1);
    await quantity.setValue('0');
    expect(errorOf(wrapper, quantity)).toBe('Enter a whole number from 1 to 10000000.');
    // With no total to split, the schedule waits for the lines.
    expect(wrapper.get('[data-testid="installment-schedule"]').text()).toContain(
      'Amounts appear once every line has a price and a quantity.',
    );

    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    await vi.waitFor(() => expect(document.activeElement).toBe(price.element));
    expect(wrapper.get('[data-testid="offer-error"]').text()).toBe(
      'Some fields need attention; they are marked.',
    );
    expect(sent('QuotesCounter')).toHaveLength(0);
  });

  it('shows why the gateway refuses the schedule and does not send it', async () => {
    const { wrapper, sent } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered() }),
      QuotesInstallmentPreview: previews({ '3000/7000': [58_500, 136_500] }),
    });
    await (await shown(wrapper, 'quote-counter')).trigger('click');
    await shown(wrapper, 'offer-editor');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="schedule-summary"]').text()).toBe(
        'Adds up to the total CN¥1,950.00',
      ),
    );
    await field(wrapper, 'milestone-value', 1).setValue('60');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="schedule-problem"]').text()).toBe(
        'Percentages add up to 90%; they must add up to exactly 100%.',
      ),
    );
    expect(wrapper.findAll('[data-testid="milestone-amount"]').map((a) => a.text())).toEqual([
      '—',
      '—',
    ]);

    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    const alert = wrapper.get('[data-testid="offer-error"]');
    await vi.waitFor(() => expect(document.activeElement).toBe(alert.element));
    expect(alert.text()).toBe('Some fields need attention; they are marked.');
    expect(sent('QuotesCounter')).toHaveLength(0);
  });

  it('shows the gateway’s refusals beside the fields and its typed errors above the button', async () => {
    let answer: unknown = badInput({
      'lines.1.unitPrice': 'unitPrice must not be less than 0',
      'input.lines': 'Price every line of the request exactly once',
    });
    const { wrapper, sent } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered() }),
      QuotesInstallmentPreview: previews({ '3000/7000': [58_500, 136_500] }),
      QuotesCounter: () => answer,
    });
    await (await shown(wrapper, 'quote-counter')).trigger('click');
    await shown(wrapper, 'offer-editor');
    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    const price = field(wrapper, 'offer-unit-price', 1);
    await vi.waitFor(() =>
      expect(errorOf(wrapper, price)).toBe('Not accepted: unitPrice must not be less than 0'),
    );
    expect(wrapper.get('[data-testid="offer-error"]').text()).toBe(
      'Not accepted: Price every line of the request exactly once',
    );
    // Correcting the form clears what the gateway said about the last attempt.
    await price.setValue('19.00');
    expect(errorOf(wrapper, price)).toBe('');

    answer = {
      counterQuote: {
        __typename: 'StaleVersionError',
        errorCode: 'STALE_VERSION',
        message: 'The quote changed since you loaded it',
        currentVersion: 4,
      },
    };
    const loads = sent('QuotesQuote').length;
    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="offer-error"]').text()).toBe(
        'The quote changed while you were looking at it. It has been reloaded: check it and try again.',
      ),
    );
    expect(sent('QuotesQuote').length).toBe(loads + 1);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="offer-error"]').element);

    answer = {
      counterQuote: {
        __typename: 'InvalidStateError',
        errorCode: 'INVALID_STATE',
        message: 'A PENDING_APPROVAL quote cannot be countered',
      },
    };
    await wrapper.get('[data-testid="offer-submit"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="offer-error"]').text()).toBe(
        'This step is not possible in the quote’s current state (A PENDING_APPROVAL quote cannot be countered).',
      ),
    );
  });
});

describe('accepting an offer', () => {
  it('accepts the version seen, then links to the approval request', async () => {
    const { wrapper, sent, router } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered() }),
      QuotesAccept: () => ({
        acceptQuote: {
          __typename: 'QuoteRequest',
          ...quote('PENDING_APPROVAL', [version(1, 'SELLER', [950, 2000])], {
            version: 4,
            allowedActions: ['POST_MESSAGE'],
            approval: { id: 'a7', status: 'PENDING' },
          }),
        },
      }),
    });
    expect((await shown(wrapper, 'quote-countdown')).text()).toMatch(/^9 d 23 h 5\d min left$/);
    expect(wrapper.get('[data-testid="quote-turn"]').text()).toBe('Your turn');
    await wrapper.get('[data-testid="quote-accept"]').trigger('click');
    expect(wrapper.get('[data-testid="quote-accept-question"]').text()).toContain(
      'Accept version 1 for CN¥1,950.00?',
    );
    expect(sent('QuotesAccept')).toHaveLength(0);
    await wrapper.get('[data-testid="quote-accept-confirm"]').trigger('click');
    await vi.waitFor(() =>
      expect(sent('QuotesAccept')).toEqual([{ input: { quoteId: 'q1', expectedVersion: 3 } }]),
    );
    const link = await shown(wrapper, 'quote-approval-link');
    expect(link.text()).toBe('Approval request (pending)');
    expect(link.attributes('href')).toBe('/approvals/a7');
    expect(wrapper.get('[data-testid="quote-notice"]').text()).toBe(
      'Offer accepted. It is now in your company’s approval chain.',
    );
    expect(wrapper.get('[data-testid="quote-status"]').text()).toBe('In approval');
    expect(wrapper.find('[data-testid="quote-accept"]').exists()).toBe(false);
    await link.trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('approval'));
  });

  it('links an accepted quote to its contract', async () => {
    const { wrapper } = await render('/quotes/q1', {
      QuotesQuote: () => ({
        quoteRequest: quote('ACCEPTED', [version(1, 'SELLER', [950, 2000])], {
          approval: { id: 'a7', status: 'APPROVED' },
          contract: { id: 'k1', number: 'C-000001', status: 'PENDING_SIGNATURE' },
        }),
      }),
    });
    const link = await shown(wrapper, 'quote-contract-link');
    expect(link.text()).toBe('Contract C-000001');
    expect(link.attributes('href')).toBe('/contracts/k1');
    expect(wrapper.find('[data-testid="quote-countdown"]').exists()).toBe(false);
  });

  it.each([
    [
      {
        __typename: 'QuoteExpiredError',
        errorCode: 'QUOTE_EXPIRED',
        message: 'The offer expired',
        validUntil: '2026-11-30T10:00:00Z',
      },
      /^The offer expired on Nov 30, 2026, \d+:00 [AP]M\. Ask the seller for a new one\.$/,
    ],
    [
      {
        __typename: 'NoApproverError',
        errorCode: 'NO_APPROVER',
        message: 'No approver',
        department: 'FINANCE',
      },
      /^Your company’s approval chain needs a Finance approver/,
    ],
    [
      {
        __typename: 'StaleVersionError',
        errorCode: 'STALE_VERSION',
        message: 'The quote changed since you loaded it',
        currentVersion: 5,
      },
      /^The quote changed while you were looking at it\./,
    ],
  ])('explains a refusal: %o', async (error, text) => {
    const { wrapper } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered() }),
      QuotesAccept: () => ({ acceptQuote: error }),
    });
    await (await shown(wrapper, 'quote-accept')).trigger('click');
    await wrapper.get('[data-testid="quote-accept-confirm"]').trigger('click');
    const alert = await shown(wrapper, 'quote-accept-error');
    expect(alert.text()).toMatch(text);
    await vi.waitFor(() => expect(document.activeElement).toBe(alert.element));
  });

  it('shows the expired countdown and only the steps the gateway allows the member', async () => {
    const { wrapper } = await render(
      '/quotes/q1',
      {
        QuotesQuote: () => ({
          quoteRequest: quote(
            'OFFERED',
            [version(1, 'SELLER', [950, 2000], [100, 50], { validUntil: inDays(-1) })],
            { allowedActions: ['POST_MESSAGE'] },
          ),
        }),
      },
      approverOnly,
    );
    expect((await shown(wrapper, 'quote-countdown')).text()).toBe('Expired');
    expect(wrapper.find('[data-testid="quote-accept"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="quote-counter"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="quote-turn"]').text()).toBe('Waiting for the buyer');
    expect(wrapper.find('[data-testid="quote-message-body"]').exists()).toBe(true);
  });

  it('follows the gateway, not the roles the session shows', async () => {
    // The session still shows a buyer, but the gateway no longer lets them answer or write.
    const { wrapper } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered([]) }),
    });
    await shown(wrapper, 'quote-number');
    expect(wrapper.find('[data-testid="quote-accept"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="quote-counter"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="quote-turn"]').text()).toBe('Waiting for the buyer');
    expect(wrapper.find('[data-testid="quote-message-body"]').exists()).toBe(false);
  });
});

describe('version comparison', () => {
  const diff: NonNullable<QuotesVersionDiffQuery['quoteVersionDiff']> = {
    from: 1,
    to: 2,
    paymentTermsChanged: false,
    deliveryTermsChanged: true,
    validUntilChanged: false,
    totalBefore: cny(195_000),
    totalAfter: cny(208_000),
    lines: [
      {
        changed: true,
        quantityBefore: 100,
        quantityAfter: 120,
        unitPriceBefore: cny(950),
        unitPriceAfter: cny(900),
        line: { id: 'l1', description: 'Fresh Milk · 1 L' },
      },
      {
        changed: false,
        quantityBefore: 50,
        quantityAfter: 50,
        unitPriceBefore: cny(2000),
        unitPriceAfter: cny(2000),
        line: { id: 'l2', description: 'Yoghurt · 500 g' },
      },
    ],
  };

  it('highlights what the gateway says changed between the two versions picked', async () => {
    const versions = [
      version(1, 'SELLER', [950, 2000]),
      version(2, 'BUYER', [900, 2000], [120, 50], { deliveryTerms: 'DAP Hangzhou, 7 days' }),
    ];
    const { wrapper, sent } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: quote('COUNTERED', versions) }),
      QuotesVersionDiff: () => ({ quoteVersionDiff: diff }),
    });
    const lines = async () => {
      await shown(wrapper, 'compare-line');
      return wrapper.findAll('[data-testid="compare-line"]');
    };
    const [changed, same] = await lines();
    expect(sent('QuotesVersionDiff')[0]).toEqual({ quoteId: 'q1', from: 1, to: 2 });
    expect(changed?.attributes('data-changed')).toBe('true');
    expect(changed?.classes()).toContain('comparison__row--changed');
    expect(changed?.text()).toContain('Changed');
    expect(changed?.text()).toContain('100 × CN¥9.50');
    expect(changed?.get('[data-testid="compare-quantity-after"]').classes()).toContain(
      'comparison__value--changed',
    );
    expect(changed?.get('[data-testid="compare-price-after"]').text()).toBe('CN¥9.00');
    expect(same?.attributes('data-changed')).toBe('false');
    expect(same?.classes()).not.toContain('comparison__row--changed');
    expect(same?.text()).not.toContain('Changed');

    const delivery = wrapper.get('[data-testid="compare-delivery"]');
    expect(delivery.attributes('data-changed')).toBe('true');
    expect(delivery.text()).toContain('DAP Hangzhou, within 14 days');
    expect(delivery.text()).toContain('DAP Hangzhou, 7 days');
    expect(wrapper.get('[data-testid="compare-payment"]').attributes('data-changed')).toBe('false');
    expect(wrapper.get('[data-testid="compare-total"]').classes()).toContain(
      'comparison__row--changed',
    );

    await wrapper.get('[data-testid="compare-from"] select').setValue('2');
    expect(wrapper.get('[data-testid="quote-comparison"]').text()).toContain(
      'Choose two different versions to compare.',
    );
  });

  it('shows an older version from the history and the way back to the current one', async () => {
    const versions = [
      version(1, 'SELLER', [950, 2000]),
      version(2, 'BUYER', [900, 2000], [120, 50]),
    ];
    const { wrapper } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: quote('COUNTERED', versions) }),
      QuotesVersionDiff: () => ({ quoteVersionDiff: diff }),
    });
    const history = await shown(wrapper, 'quote-history');
    expect(wrapper.get('[data-testid="quote-version-total"]').text()).toBe('CN¥2,080.00');
    await history.findAll('button')[1]?.trigger('click');
    expect(wrapper.get('[data-testid="quote-version-total"]').text()).toBe('CN¥1,950.00');
    expect(wrapper.text()).toContain('Version 1 (earlier)');
  });
});

describe('message thread', () => {
  it('posts a message and shows the gateway’s refusal', async () => {
    let answer: unknown = {
      postQuoteMessage: {
        __typename: 'QuoteMessage',
        id: 'm1',
        author: 'Acme Buyer',
        body: 'Can you deliver on the 10th?',
        side: 'BUYER',
        createdAt: '2026-11-21T08:00:00Z',
      },
    };
    const { wrapper, sent } = await render('/quotes/q1', {
      QuotesQuote: () => ({ quoteRequest: offered() }),
      QuotesPostMessage: () => answer,
    });
    const body = await shown(wrapper, 'quote-message-body');
    await wrapper.get('[data-testid="quote-message-send"]').trigger('submit');
    expect(wrapper.get('[data-testid="quote-message-error"]').text()).toBe('Required.');
    await body.setValue('  Can you deliver on the 10th?  ');
    await wrapper.get('[data-testid="quote-message-send"]').trigger('submit');
    await vi.waitFor(() =>
      expect(sent('QuotesPostMessage')).toEqual([
        { input: { quoteId: 'q1', body: 'Can you deliver on the 10th?' } },
      ]),
    );
    await vi.waitFor(() => expect(wrapper.text()).toContain('Message sent.'));
    expect((body.element as HTMLTextAreaElement).value).toBe('');

    answer = {
      postQuoteMessage: {
        __typename: 'NotFoundError',
        errorCode: 'NOT_FOUND',
        message: 'Quote not found',
      },
    };
    await body.setValue('Hello?');
    await wrapper.get('[data-testid="quote-message-send"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="quote-message-error"]').text()).toBe(
        'This quote no longer exists for you.',
      ),
    );
  });
});
