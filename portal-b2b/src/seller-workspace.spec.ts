import type {
  MeQuery,
  SellerCashRemittanceFragment,
  SellerOrderDetailFragment,
  SellerOrderSummaryFragment,
} from '@marketgate/graphql-client';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buyer, renderApp } from './test-utils';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  localStorage.clear();
});

const cny = (amount: number) => ({ amount, currency: 'CNY' });

const sellerStaff: NonNullable<MeQuery['me']> = {
  ...buyer,
  id: 'u3',
  email: 'sales@north-dairy.example',
  name: 'North Dairy Sales',
  seller: { id: 's1', name: 'North Dairy' },
  memberships: [],
};

const summary: SellerOrderSummaryFragment = {
  id: 'o1',
  number: 'MG261128-ABC',
  placedAt: '2026-11-28T08:00:00Z',
  status: 'DELIVERED',
  total: cny(2800),
  payment: { id: 'p1', status: 'COLLECTED', collected: cny(2800) },
  shippingAddress: { name: 'Lin Wei', phone: '13800138000', province: 'Zhejiang' },
};

function detail(status: SellerOrderDetailFragment['status']): SellerOrderDetailFragment {
  return {
    id: 'o1',
    number: 'MG261128-ABC',
    placedAt: '2026-11-28T08:00:00Z',
    confirmBy: null,
    status,
    canCancel: false,
    carrier: 'SF Express',
    trackingNumber: 'SF12345',
    itemsTotal: cny(2300),
    codFee: cny(500),
    total: cny(2800),
    payment: {
      id: 'p1',
      status: status === 'DELIVERED' ? 'COLLECTED' : 'PENDING',
      collected: status === 'DELIVERED' ? cny(2800) : null,
      collectedAt: status === 'DELIVERED' ? '2026-11-28T10:00:00Z' : null,
      reconciledAt: null,
    },
    shippingAddress: {
      name: 'Lin Wei',
      phone: '13800138000',
      province: 'Zhejiang',
      city: 'Hangzhou',
      district: 'Xihu',
      line1: '18 Wensan Road',
      postalCode: '310000',
    },
    lines: [
      {
        id: 'l1',
        sku: 'MILK-1',
        productName: 'Fresh Milk',
        variantName: 'Fresh Milk, 1 L',
        quantity: 1,
        unitPrice: cny(2300),
        lineTotal: cny(2300),
      },
    ],
    timeline: [
      { status: 'PLACED', from: null, at: '2026-11-28T08:00:00Z', actor: 'CONSUMER', note: '' },
    ],
  };
}

const shortRemittance: SellerCashRemittanceFragment = {
  id: 'r1',
  reference: 'SF-0001',
  note: '',
  status: 'SHORT',
  createdAt: '2026-11-28T12:00:00Z',
  amount: cny(2700),
  expected: cny(2800),
  difference: cny(-100),
  orders: [{ id: 'o1', number: 'MG261128-ABC' }],
  resolution: null,
  resolutionNote: '',
  resolvedAt: null,
};

const writtenOff: SellerCashRemittanceFragment = {
  ...shortRemittance,
  id: 'r0',
  reference: 'SF-0000',
  status: 'EXCESS',
  amount: cny(2900),
  difference: cny(100),
  resolution: 'WRITTEN_OFF',
  resolutionNote: 'Courier tip, kept',
  resolvedAt: '2026-11-27T09:00:00Z',
};

const noneWaiting = () => ({
  sellerOrders: {
    edges: [],
    pageInfo: { hasNextPage: false, endCursor: null },
    totalCount: 0,
  },
});

async function render(path: string, handlers: Parameters<typeof renderApp>[1], me = sellerStaff) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, { Me: () => ({ me }), ...handlers });
  current = rendered.wrapper;
  return rendered;
}

function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((b) => b.text() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

describe('seller workspace', () => {
  it('is not available to someone who is not seller staff', async () => {
    const { wrapper } = await render('/seller/orders', {}, buyer);
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="seller-unavailable"]').text()).toContain(
        'The seller workspace is not available to you',
      ),
    );
    expect(wrapper.text()).not.toContain('Consumer orders');
  });

  it('asks the gateway for the filtered orders, newest first, and lists them', async () => {
    vi.stubEnv('TZ', 'Asia/Shanghai');
    const { wrapper, gateway, router } = await render(
      '/seller/orders?status=DELIVERED&payment=COLLECTED&from=2026-11-01',
      {
        SellerOrders: () => ({
          sellerOrders: {
            edges: [{ cursor: 'c1', node: summary }],
            pageInfo: { hasNextPage: false, endCursor: 'c1' },
            totalCount: 1,
          },
        }),
      },
    );
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="seller-order-row"]').exists()).toBe(true),
    );
    const listed = () => gateway.requests.filter((r) => r.operationName === 'SellerOrders');
    expect(listed()[0]?.variables.filter).toEqual({
      status: ['DELIVERED'],
      paymentStatus: ['COLLECTED'],
      search: null,
      placedFrom: '2026-10-31T16:00:00.000Z',
      placedBefore: null,
    });
    expect(wrapper.get('[data-testid="seller-orders-count"]').text()).toBe('1 order');
    const row = wrapper.get('[data-testid="seller-order-row"]').text();
    expect(row).toContain('MG261128-ABC');
    expect(row).toContain('13800138000');
    expect(row).toContain('CN¥28.00');
    expect(row).toContain('Delivered');
    expect(row).toContain('Cash collected');

    const [from, to] = wrapper.findAll('input[type="date"]');
    expect((from?.element as HTMLInputElement).value).toBe('2026-11-01');
    await to?.setValue('2026-11-28');
    await vi.waitFor(() => expect(router.currentRoute.value.query.to).toBe('2026-11-28'));
    expect(router.currentRoute.value.query).toMatchObject({
      status: 'DELIVERED',
      from: '2026-11-01',
    });
    await vi.waitFor(() =>
      expect(listed().at(-1)?.variables.filter).toMatchObject({
        placedFrom: '2026-10-31T16:00:00.000Z',
        placedBefore: '2026-11-28T16:00:00.000Z',
      }),
    );
  });

  it('keeps the list’s page while an order is open and refreshes it on the way back', async () => {
    let status: SellerOrderSummaryFragment['status'] = 'PLACED';
    const { wrapper, gateway, router } = await render('/seller/orders', {
      SellerOrders: (variables) => ({
        sellerOrders: {
          edges: [{ cursor: variables.after ? 'c2' : 'c1', node: { ...summary, status } }],
          pageInfo: { hasNextPage: !variables.after, endCursor: variables.after ? 'c2' : 'c1' },
          totalCount: 25,
        },
      }),
      SellerOrder: () => ({ order: detail('CONFIRMED') }),
    });
    const listed = () => gateway.requests.filter((r) => r.operationName === 'SellerOrders');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Page 1 of 2'));
    expect(wrapper.get('[data-testid="seller-orders-count"]').text()).toBe('25 orders');
    await wrapper.get('[data-testid="pagination-next"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Page 2 of 2'));

    await router.push('/seller/orders/o1');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="order-number"]').exists()).toBe(true),
    );
    status = 'CONFIRMED';
    const before = listed().length;
    router.back();
    await vi.waitFor(() => expect(listed().length).toBe(before + 1));
    expect(listed().at(-1)?.variables.after).toBe('c1');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="seller-order-row"]').text()).toContain('Confirmed'),
    );
    expect(wrapper.text()).toContain('Page 2 of 2');
  });

  it('says so when no order matches', async () => {
    const { wrapper } = await render('/seller/orders?q=nobody', {
      SellerOrders: () => ({
        sellerOrders: {
          edges: [],
          pageInfo: { hasNextPage: false, endCursor: null },
          totalCount: 0,
        },
      }),
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('No orders match'));
  });

  it('prefills the cash with the total and explains a mismatch next to the field', async () => {
    let order = detail('SHIPPED');
    const { wrapper, gateway } = await render('/seller/orders/o1', {
      SellerOrder: () => ({ order }),
      SellerRecordDelivery: (variables) => {
        const { amountCollected } = variables.input as { amountCollected: number };
        if (amountCollected !== 2800) {
          return {
            recordDelivery: {
              __typename: 'CollectedAmountMismatchError',
              errorCode: 'AMOUNT_MISMATCH',
              message: 'The courier must collect exactly the order total',
              expected: cny(2800),
            },
          };
        }
        order = detail('DELIVERED');
        return { recordDelivery: { __typename: 'Order', ...order } };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="order-actions"]').exists()).toBe(true),
    );
    expect(wrapper.text()).not.toContain('Confirm order');

    await button(wrapper, 'Record delivery').trigger('click');
    const cash = wrapper.get('form input');
    expect((cash.element as HTMLInputElement).value).toBe('28.00');

    await cash.setValue('27');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.text()).toContain('The cash collected must equal the order total, CN¥28.00.'),
    );
    const sent = gateway.requests.filter((r) => r.operationName === 'SellerRecordDelivery');
    expect(sent.at(-1)?.variables.input).toEqual({
      orderId: 'o1',
      amountCollected: 2700,
    });

    await cash.setValue('28.00');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Delivery and cash recorded.'));
    expect(wrapper.get('[data-testid="order-status"]').text()).toBe('Delivered');
    expect(wrapper.text()).toContain('Nothing left to do for this order.');
  });

  it('previews a short remittance and flags the gateway’s SHORT answer', async () => {
    const remittances: SellerCashRemittanceFragment[] = [];
    const { wrapper, gateway } = await render('/seller/remittances', {
      SellerOrders: () => ({
        sellerOrders: {
          edges: [{ cursor: 'c1', node: summary }],
          pageInfo: { hasNextPage: false, endCursor: 'c1' },
          totalCount: 1,
        },
      }),
      SellerCashRemittances: () => ({ cashRemittances: remittances }),
      SellerReconcileCashRemittance: () => {
        remittances.push(shortRemittance);
        return { reconcileCashRemittance: { __typename: 'CashRemittance', ...shortRemittance } };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('input[aria-label="Select order MG261128-ABC"]').exists()).toBe(true),
    );
    expect(wrapper.text()).toContain('No remittances recorded yet');

    await wrapper.get('input[aria-label="Select order MG261128-ABC"]').setValue(true);
    const [amount, reference] = wrapper.findAll('.remittances__fields input');
    await amount?.setValue('27.00');
    await reference?.setValue('SF-0001');
    const preview = wrapper.get('[data-testid="remittance-preview"]').text();
    expect(preview).toContain('CN¥28.00');
    expect(preview).toContain('-CN¥1.00');
    expect(preview).toContain('Short: less than was collected');

    await wrapper.get('.remittances__form').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="remittance-result"]').exists()).toBe(true),
    );
    const result = wrapper.get('[data-testid="remittance-result"]');
    expect(result.attributes('role')).toBe('alert');
    expect(result.text()).toContain('Remittance SF-0001 is SHORT by CN¥1.00.');
    const sent = gateway.requests.find((r) => r.operationName === 'SellerReconcileCashRemittance');
    expect(sent?.variables.input).toEqual({
      orderIds: ['o1'],
      amount: 2700,
      reference: 'SF-0001',
      note: null,
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('SF-0001'));
    expect(wrapper.get('[data-testid="remittance-history"]').text()).toContain('Short');
  });

  it('resolves an open dispute with a note and shows how it was closed', async () => {
    let remittances = [shortRemittance, writtenOff];
    const { wrapper, gateway } = await render('/seller/remittances', {
      SellerOrders: noneWaiting,
      SellerCashRemittances: () => ({ cashRemittances: remittances }),
      SellerResolveCashRemittance: (variables) => {
        const input = variables.input as { resolution: 'SETTLED'; note: string };
        const resolved = {
          ...shortRemittance,
          resolution: input.resolution,
          resolutionNote: input.note,
          resolvedAt: '2026-11-28T14:00:00Z',
        };
        remittances = [resolved, writtenOff];
        return { resolveCashRemittance: { __typename: 'CashRemittance', ...resolved } };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="remittance-dispute"]').exists()).toBe(true),
    );
    expect(wrapper.findAll('[data-testid="remittance-dispute"]')).toHaveLength(1);
    const dispute = wrapper.get('[data-testid="remittance-dispute"]').text();
    expect(dispute).toContain('Short by CN¥1.00');
    expect(dispute).toContain('SF-0001');
    expect(dispute).toContain('MG261128-ABC');
    const history = () => wrapper.get('[data-testid="remittance-history"]').text();
    expect(history()).toContain('Open dispute');
    expect(history()).toContain('Written off');
    expect(history()).toContain('Courier tip, kept');

    const resolve = wrapper.get('button[aria-label="Resolve remittance SF-0001"]');
    await resolve.trigger('click');
    expect(resolve.attributes('aria-expanded')).toBe('true');
    const form = wrapper.get('form[aria-label="Resolve remittance SF-0001"]');
    expect(document.activeElement).toBe(form.get('input[type="radio"]').element);

    await form.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('form[aria-label="Resolve remittance SF-0001"]').exists()).toBe(false);
    expect(document.activeElement).toBe(resolve.element);

    await resolve.trigger('click');
    await button(wrapper, 'Resolve dispute').trigger('click');
    const opened = wrapper.get('form[aria-label="Resolve remittance SF-0001"]');
    expect(opened.text()).toContain('Choose how the difference was closed.');
    expect(opened.text()).toContain('Required');
    await opened.get('input[value="SETTLED"]').setValue(true);
    const note = opened.get('input[type="text"]');
    await note.setValue('x'.repeat(501));
    expect(opened.text()).toContain('At most 500 characters.');
    await button(wrapper, 'Resolve dispute').trigger('click');
    expect(gateway.requests.some((r) => r.operationName === 'SellerResolveCashRemittance')).toBe(
      false,
    );

    await note.setValue('  Bank transfer TX-88  ');
    await button(wrapper, 'Resolve dispute').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="remittance-resolved"]').exists()).toBe(true),
    );
    const sent = gateway.requests.find((r) => r.operationName === 'SellerResolveCashRemittance');
    expect(sent?.variables.input).toEqual({
      remittanceId: 'r1',
      resolution: 'SETTLED',
      note: 'Bank transfer TX-88',
    });
    const done = wrapper.get('[data-testid="remittance-resolved"]');
    expect(done.text()).toContain('Remittance SF-0001: Settled afterwards on');
    expect(done.text()).toContain('Note: Bank transfer TX-88');
    expect(document.activeElement).toBe(done.element);
    expect(wrapper.find('[data-testid="remittance-dispute"]').exists()).toBe(false);
    await vi.waitFor(() => expect(history()).toContain('Settled afterwards'));
    expect(history()).toContain('Bank transfer TX-88');
    expect(history()).not.toContain('Open dispute');
  });

  it('reloads the remittances when the dispute was resolved meanwhile', async () => {
    let remittances = [shortRemittance];
    const { wrapper, gateway } = await render('/seller/remittances', {
      SellerOrders: noneWaiting,
      SellerCashRemittances: () => ({ cashRemittances: remittances }),
      SellerResolveCashRemittance: () => {
        remittances = [{ ...writtenOff, id: 'r1', reference: 'SF-0001' }];
        return {
          resolveCashRemittance: {
            __typename: 'InvalidStateError',
            errorCode: 'INVALID_STATE',
            message: 'The remittance is already resolved.',
          },
        };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="remittance-dispute"]').exists()).toBe(true),
    );
    await wrapper.get('button[aria-label="Resolve remittance SF-0001"]').trigger('click');
    await wrapper.get('input[value="WRITTEN_OFF"]').setValue(true);
    await wrapper.get('.remittance-disputes__form input[type="text"]').setValue('Accepted');
    await wrapper.get('.remittance-disputes__form').trigger('submit');

    await vi.waitFor(() =>
      expect(wrapper.text()).toContain(
        'This remittance is no longer open: The remittance is already resolved. The list has been reloaded.',
      ),
    );
    const alert = wrapper.get('.remittance-disputes [role="alert"]');
    expect(document.activeElement).toBe(alert.element);
    expect(wrapper.find('[data-testid="remittance-dispute"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="remittance-history"]').text()).toContain('Written off');
    expect(
      gateway.requests.filter((r) => r.operationName === 'SellerCashRemittances'),
    ).toHaveLength(2);
  });

  it('shows the shop’s COD fee and changes it, or returns to the platform default', async () => {
    const { wrapper, gateway } = await render('/seller/cash-on-delivery', {
      SellerWorkspace: () => ({
        me: {
          id: 'u3',
          seller: { id: 's1', name: 'North Dairy', codFee: cny(500), ownCodFee: cny(500) },
        },
        cashOnDeliveryTerms: { defaultFee: cny(600) },
      }),
      SetSellerCodFee: (variables) => {
        const input = variables.input as { sellerId: string; fee: number | null };
        const own = input.fee === null ? null : cny(input.fee);
        return {
          setSellerCodFee: {
            __typename: 'Seller',
            id: 's1',
            codFee: own ?? cny(600),
            ownCodFee: own,
          },
        };
      },
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="cod-fee-current"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="cod-fee-current"]').text()).toBe('CN¥5.00');
    expect(wrapper.get('[data-testid="cod-fee-source"]').text()).toBe('Set by your shop');
    expect(wrapper.get('[data-testid="cod-fee-platform"]').text()).toBe(
      'The platform default is CN¥6.00.',
    );
    const input = wrapper.get('form input');
    expect((input.element as HTMLInputElement).value).toBe('5.00');

    await input.setValue('8');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Saved. The fee is now CN¥8.00.'));
    expect(wrapper.get('[data-testid="cod-fee-current"]').text()).toBe('CN¥8.00');

    await button(wrapper, 'Use the platform default').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Saved. The fee is now CN¥6.00.'));
    expect(wrapper.get('[data-testid="cod-fee-source"]').text()).toBe('The platform default');
    expect(wrapper.find('[data-testid="cod-fee-platform"]').exists()).toBe(false);
    expect(button(wrapper, 'Use the platform default').attributes('disabled')).toBeDefined();
    const sent = gateway.requests.filter((r) => r.operationName === 'SetSellerCodFee');
    expect(sent.map((r) => r.variables.input)).toEqual([
      { sellerId: 's1', fee: 800 },
      { sellerId: 's1', fee: null },
    ]);
  });
});
