import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onePage } from '../shared/connection.testing';
import { buyer, renderApp } from '../test-utils';
import {
  cny,
  companyAddresses,
  draft,
  frameworkContract,
  quickOrderAnswer,
  quickOrderText,
} from './requests-test-data';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

async function render(handlers: Parameters<typeof renderApp>[1]) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp('/quick-order', {
    Me: () => ({ me: buyer }),
    RequestsQuickOrder: () => ({ quickOrder: quickOrderAnswer }),
    RequestsActiveContracts: () => ({ contracts: onePage([frameworkContract]) }),
    ...handlers,
  });
  current = rendered.wrapper;
  await vi.waitFor(() =>
    expect(rendered.wrapper.find('[data-testid="quick-order-lines"]').exists()).toBe(true),
  );
  return rendered;
}

async function check(wrapper: VueWrapper, text = quickOrderText): Promise<void> {
  await wrapper.get('[data-testid="quick-order-lines"]').setValue(text);
  await wrapper.get('[data-testid="quick-order-submit"]').trigger('click');
  await vi.waitFor(() =>
    expect(wrapper.find('[data-testid="quick-order-quote-group"]').exists()).toBe(true),
  );
}

const rowsOf = (wrapper: VueWrapper) =>
  wrapper
    .findAll('[data-testid="quick-order-invalid-line"]')
    .map((row) => row.findAll('th, td').map((cell) => cell.text()));

describe('quick order', () => {
  it('reads the lines as they are typed and sends the readable ones to the gateway', async () => {
    const { wrapper, gateway } = await render({});
    await wrapper.get('[data-testid="quick-order-lines"]').setValue(quickOrderText);
    expect(wrapper.text()).toContain('4 lines to check · 1 line to fix');

    await wrapper.get('[data-testid="quick-order-submit"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="quick-order-invalid"]').exists()).toBe(true),
    );
    const sent = gateway.requests.find((r) => r.operationName === 'RequestsQuickOrder');
    expect(sent?.variables.lines).toEqual([
      { sku: 'MILK-1', quantity: 120 },
      { sku: 'NOPE-9', quantity: 5 },
      { sku: 'CHEESE-3', quantity: 10 },
      { sku: 'YOG-4', quantity: 30 },
    ]);
  });

  it('lists every line that cannot be ordered with its line number, SKU and reason', async () => {
    const { wrapper } = await render({});
    await check(wrapper);
    expect(wrapper.get('[data-testid="quick-order-invalid"] h3').text()).toBe('Lines to fix (3)');
    // Line numbers are those of the buyer's text, not positions in what was sent.
    expect(rowsOf(wrapper)).toEqual([
      ['2', 'NOPE-9', '5', 'No product on sale has this SKU.'],
      ['3', 'BUTTER-2 BUTTER-2, 0', '', 'The quantity must be a whole number from 1.'],
      ['5', 'YOG-4', '30', 'The minimum order is 50.'],
    ]);
    const quoteGroups = wrapper.findAll('[data-testid="quick-order-quote-group"]');
    expect(quoteGroups).toHaveLength(1);
    expect(quoteGroups[0]?.text()).not.toContain('YOG-4');
  });

  it('explains the reasons in Chinese too', async () => {
    const { wrapper } = await render({});
    await wrapper.get('button[lang="zh-CN"]').trigger('click');
    await check(wrapper);
    expect(rowsOf(wrapper).map((row) => row[3])).toEqual([
      '没有在售商品使用该货号。',
      '数量必须是不小于 1 的整数。',
      '起订量为 50。',
    ]);
    expect(wrapper.get('[data-testid="quick-order-call-off-group"]').text()).toContain(
      '合同价，依据合同 C-000007。',
    );
  });

  it('shows what the company would pay and why, per line', async () => {
    const { wrapper } = await render({});
    await check(wrapper);
    const quote = wrapper.get('[data-testid="quick-order-quote-group"]');
    expect(quote.get('h3').text()).toBe('Ask North Dairy for a quote');
    const line = quote.get('[data-testid="quick-order-line"]').text();
    expect(line).toContain('MILK-1');
    expect(line).toContain('CN¥8.50');
    expect(line).toContain('Volume price');
    expect(line).toContain('Volume price for 100 units or more.');
    expect(line).toContain('CN¥1,020.00');

    const callOff = wrapper.get('[data-testid="quick-order-call-off-group"]');
    expect(callOff.get('h3').text()).toBe('Covered by contract C-000007');
    expect(callOff.text()).toContain('Contract price');
    expect(callOff.text()).toContain('Contract price agreed in C-000007.');
    expect(callOff.text()).not.toContain('MILK-1');
  });

  it('starts a draft request for the uncovered lines and opens it in the editor', async () => {
    const { wrapper, gateway, router } = await render({
      RequestsCompanyAddresses: () => companyAddresses(),
      RequestsCreateQuoteRequest: () => ({
        createQuoteRequest: { __typename: 'QuoteRequest', ...draft() },
      }),
      RequestsQuoteRequest: () => ({ quoteRequest: draft() }),
      RequestsSellers: () => ({ sellers: [] }),
    });
    await check(wrapper);
    await wrapper.get('[data-testid="quick-order-create-request"]').trigger('click');
    // The editor loads lazily: its first compilation may take a while.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('quote-request-edit'), {
      timeout: 10_000,
    });
    expect(router.currentRoute.value.params.id).toBe('q9');
    const created = gateway.requests.find((r) => r.operationName === 'RequestsCreateQuoteRequest');
    expect(created?.variables.input).toEqual({
      companyId: 'c1',
      sellerId: 's1',
      dealKind: 'ONE_OFF',
      deliveryAddressId: 'a1',
      lines: [{ variantId: 'v1', quantity: 120 }],
    });
  });

  it('says why a draft could not be started', async () => {
    const { wrapper, gateway } = await render({
      RequestsCompanyAddresses: () => companyAddresses([]),
    });
    await check(wrapper);
    await wrapper.get('[data-testid="quick-order-create-request"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="quick-order-request-error"]').text()).toContain(
        'Your company keeps no delivery address yet.',
      ),
    );
    expect(gateway.requests.some((r) => r.operationName === 'RequestsCreateQuoteRequest')).toBe(
      false,
    );
  });

  it('places a call-off order for the covered lines, showing a refusal and then the order', async () => {
    let attempt = 0;
    const { wrapper, gateway } = await render({
      RequestsPlaceCallOff: () => {
        attempt++;
        return attempt === 1
          ? {
              placeCallOff: {
                __typename: 'CreditLimitExceededError',
                errorCode: 'CREDIT_LIMIT_EXCEEDED',
                message: 'This order would take you past your credit limit',
                limit: cny(5_000_000),
                exposure: cny(4_990_000),
                requested: cny(15_000),
              },
            }
          : {
              placeCallOff: {
                __typename: 'CallOff',
                id: 'co1',
                number: 'CO-000001',
                status: 'PENDING_APPROVAL',
                contractId: 'k1',
                total: cny(15_000),
              },
            };
      },
    });
    await check(wrapper);
    const group = () => wrapper.get('[data-testid="quick-order-call-off-group"]');
    await group().get('[data-testid="quick-order-place-call-off"]').trigger('click');
    await vi.waitFor(() =>
      expect(group().find('[data-testid="quick-order-call-off-result"]').exists()).toBe(true),
    );
    const refusal = group().get('[data-testid="quick-order-call-off-result"]');
    expect(refusal.attributes('role')).toBe('alert');
    expect(refusal.text()).toBe(
      'This order (CN¥150.00) would take you past your credit limit of CN¥50,000.00 with this seller: CN¥49,900.00 is already outstanding.',
    );

    await group().get('[data-testid="quick-order-place-call-off"]').trigger('click');
    await vi.waitFor(() =>
      expect(group().get('[data-testid="quick-order-call-off-result"]').text()).toBe(
        'Call-off order CO-000001 (CN¥150.00) waits for your company’s approval; it is placed once approved.',
      ),
    );
    expect(group().find('[data-testid="quick-order-place-call-off"]').exists()).toBe(false);
    const placed = gateway.requests.filter((r) => r.operationName === 'RequestsPlaceCallOff');
    const inputs = placed.map((r) => r.variables.input as Record<string, unknown>);
    expect(inputs[0]).toEqual({
      contractId: 'k1',
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      lines: [{ contractLineId: 'cl1', quantity: 10 }],
    });
    // The same order tried again: the gateway places it at most once.
    expect(inputs[1]?.idempotencyKey).toBe(inputs[0]?.idempotencyKey);
  });

  it('reads an uploaded CSV file and checks it', async () => {
    const { wrapper, gateway } = await render({});
    const input = wrapper.get('[data-testid="quick-order-file"]');
    const file = new File(['sku,quantity\nMILK-1,120\n'], 'order.csv', { type: 'text/csv' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await vi.waitFor(() =>
      expect(gateway.requests.some((r) => r.operationName === 'RequestsQuickOrder')).toBe(true),
    );
    expect(wrapper.text()).toContain('Read order.csv.');
    const sent = gateway.requests.find((r) => r.operationName === 'RequestsQuickOrder');
    expect(sent?.variables.lines).toEqual([{ sku: 'MILK-1', quantity: 120 }]);
  });

  it('asks for lines instead of sending nothing', async () => {
    const { wrapper, gateway } = await render({});
    await wrapper.get('[data-testid="quick-order-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Paste or upload at least one line'));
    expect(gateway.requests.some((r) => r.operationName === 'RequestsQuickOrder')).toBe(false);
  });
});
