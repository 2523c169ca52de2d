import type { FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buyer, renderApp } from '../test-utils';
import { companyAddresses, dairy, draft, hangzhou } from './requests-test-data';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
  localStorage.clear();
});

const sellers = () => ({ sellers: [dairy, { id: 's2', name: 'Office Hub' }] });

async function render(path: string, handlers: Record<string, FakeGatewayHandler>) {
  localStorage.setItem('marketgate.portal.token', 'token-1');
  const rendered = await renderApp(path, {
    Me: () => ({ me: buyer }),
    RequestsCompanyAddresses: () => companyAddresses(),
    RequestsSellers: sellers,
    ...handlers,
  });
  current = rendered.wrapper;
  await vi.waitFor(() =>
    expect(rendered.wrapper.find('[data-testid="request-editor"]').exists()).toBe(true),
  );
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

const input = (wrapper: VueWrapper, selector: string) => wrapper.get(`${selector} input`);
const lineField = (wrapper: VueWrapper, index: number, field: string) =>
  wrapper.findAll('[data-testid="request-line"]')[index]?.get(`[data-field="${field}"] input`);
const sent = (
  gateway: { requests: { operationName: string; variables: Record<string, unknown> }[] },
  name: string,
) => gateway.requests.filter((r) => r.operationName === name).map((r) => r.variables.input);

describe('the quote request editor', () => {
  it('writes a new request as the gateway takes it, then submits it', async () => {
    const { wrapper, gateway, router } = await render('/quotes/new', {
      RequestsVariantSearch: () => ({
        products: {
          edges: [
            {
              node: {
                id: 'p1',
                name: 'Fresh Milk 1 L',
                seller: dairy,
                variants: [{ id: 'v1', sku: 'MILK-1', name: 'Carton' }],
              },
            },
          ],
        },
      }),
      RequestsCreateQuoteRequest: () => ({
        createQuoteRequest: { __typename: 'QuoteRequest', ...draft() },
      }),
      RequestsSubmitQuoteRequest: () => ({
        submitQuoteRequest: {
          __typename: 'QuoteRequest',
          ...draft({ status: 'SUBMITTED', version: 2 }),
        },
      }),
    });
    expect(wrapper.get('h1').text()).toBe('New quote request');
    await wrapper.get('[data-testid="request-seller"]').setValue('s1');

    await input(wrapper, '[data-testid="request-search"]').setValue('milk');
    await wrapper.get('[data-testid="request-search-submit"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="request-search-hits"] button').exists()).toBe(true),
    );
    const searched = gateway.requests.find((r) => r.operationName === 'RequestsVariantSearch');
    expect(searched?.variables).toEqual({ search: 'milk', sellerId: 's1' });
    await wrapper.get('[data-testid="request-search-hits"] button').trigger('click');
    await lineField(wrapper, 0, 'quantity')?.setValue('40');
    await lineField(wrapper, 0, 'targetPrice')?.setValue('8.50');

    await wrapper.get('[data-testid="request-add-text"]').trigger('click');
    await lineField(wrapper, 1, 'description')?.setValue('Cold-chain crates');
    await lineField(wrapper, 1, 'quantity')?.setValue('5');

    await wrapper.get('[data-testid="request-kind-FRAMEWORK"]').setValue(true);
    await input(wrapper, '[data-testid="request-term"]').setValue('24');
    await input(wrapper, '[data-testid="request-wanted-date"]').setValue('2027-03-01');
    await wrapper.get('[data-testid="request-notes"]').setValue('Weekly drops');

    await wrapper.get('[data-testid="request-editor"]').trigger('submit');
    // The quote's own screen loads lazily: its first compilation may take a while.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('quote'), {
      timeout: 10_000,
    });
    expect(router.currentRoute.value.params.id).toBe('q9');
    expect(sent(gateway, 'RequestsCreateQuoteRequest')).toEqual([
      {
        companyId: 'c1',
        sellerId: 's1',
        dealKind: 'FRAMEWORK',
        termMonths: 24,
        wantedDeliveryDate: '2027-03-01',
        notes: 'Weekly drops',
        deliveryAddressId: 'a1',
        lines: [
          { variantId: 'v1', quantity: 40, targetUnitPrice: 850 },
          { description: 'Cold-chain crates', quantity: 5, targetUnitPrice: null },
        ],
      },
    ]);
    expect(sent(gateway, 'RequestsSubmitQuoteRequest')).toEqual([
      { quoteId: 'q9', expectedVersion: 1 },
    ]);
  });

  it('checks the fields as the buyer types and sends nothing while one is wrong', async () => {
    const { wrapper, gateway } = await render('/quotes/new', {});
    await wrapper.get('[data-testid="request-add-text"]').trigger('click');
    await lineField(wrapper, 0, 'quantity')?.setValue('0');
    expect(wrapper.get('[data-testid="request-line"]').text()).toContain('A whole number from 1.');
    // Untouched fields stay quiet until the buyer tries to save.
    expect(wrapper.text()).not.toContain('Describe the item.');

    await wrapper.get('[data-testid="request-kind-FRAMEWORK"]').setValue(true);
    await input(wrapper, '[data-testid="request-term"]').setValue('6');
    expect(wrapper.get('[data-testid="request-term"]').text()).toContain(
      'Between 12 and 60 months.',
    );

    await wrapper.get('[data-testid="request-editor-save"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="request-editor-error"]').text()).toBe(
        'Check the fields marked below.',
      ),
    );
    expect(wrapper.text()).toContain('Choose the seller to ask.');
    expect(wrapper.text()).toContain('Describe the item.');
    expect(document.activeElement).toBe(
      wrapper.get('[data-testid="request-editor-error"]').element,
    );
    expect(gateway.requests.some((r) => r.operationName === 'RequestsCreateQuoteRequest')).toBe(
      false,
    );
  });

  it('shows each of the gateway’s refusals next to the field it concerns', async () => {
    const { wrapper, gateway } = await render('/quotes/q9/edit', {
      RequestsQuoteRequest: () => ({ quoteRequest: draft() }),
      RequestsUpdateQuoteRequest: () => ({
        updateQuoteRequest: {
          __typename: 'InvalidAddressError',
          errorCode: 'INVALID_ADDRESS',
          message: 'The address is incomplete or invalid',
          fields: [
            {
              path: 'deliveryAddress.phone',
              message: 'must be an 11-digit mobile number or start with + and a country code',
              code: 'PHONE',
              params: [],
            },
            {
              path: 'deliveryAddress.city',
              message: 'must be at most 50 characters',
              code: 'MAX_LENGTH',
              params: [{ name: 'max', value: '50' }],
            },
          ],
        },
      }),
    });
    expect(wrapper.get('h1').text()).toContain('Quote request RFQ-000009');
    expect(wrapper.text()).toContain('To North Dairy');
    await wrapper.get('[data-testid="request-address-inline"]').setValue(true);
    for (const [field, value] of Object.entries({ ...hangzhou.address, phone: '12345' })) {
      await input(wrapper, `[data-testid="request-address-${field}"]`).setValue(value);
    }
    await wrapper.get('[data-testid="request-editor-save"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="request-address-phone"]').text()).toContain(
        'An 11-digit mobile number, or + and the country code.',
      ),
    );
    // A field without a text of its own shows the gateway's problem in the reader's language.
    expect(wrapper.get('[data-testid="request-address-city"]').text()).toContain(
      'At most 50 characters',
    );
    expect(sent(gateway, 'RequestsUpdateQuoteRequest')).toEqual([
      {
        quoteId: 'q9',
        expectedVersion: 1,
        dealKind: 'ONE_OFF',
        termMonths: null,
        wantedDeliveryDate: null,
        notes: '',
        deliveryAddress: { ...hangzhou.address, phone: '12345' },
        lines: [{ variantId: 'v1', quantity: 120, targetUnitPrice: null }],
      },
    ]);

    await input(wrapper, '[data-testid="request-address-phone"]').setValue('13800138000');
    expect(wrapper.get('[data-testid="request-address-phone"]').text()).not.toContain('11-digit');
    refuseInputOnce('RequestsUpdateQuoteRequest', [
      { path: 'input.lines.0.variantId', messages: ['Not a variant this seller has on sale'] },
    ]);
    await wrapper.get('[data-testid="request-editor-save"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="request-line"]').text()).toContain(
        'This seller no longer has it on sale: remove the line.',
      ),
    );
  });

  it('reloads a draft someone changed meanwhile and says so', async () => {
    let version = 1;
    const { wrapper, gateway } = await render('/quotes/q9/edit', {
      RequestsQuoteRequest: () => ({
        quoteRequest: draft({ version, notes: version > 1 ? 'Changed by a colleague' : '' }),
      }),
      RequestsUpdateQuoteRequest: () => {
        version = 3;
        return {
          updateQuoteRequest: {
            __typename: 'StaleVersionError',
            errorCode: 'STALE_VERSION',
            message: 'The quote changed meanwhile',
            currentVersion: 3,
          },
        };
      },
    });
    await wrapper.get('[data-testid="request-notes"]').setValue('My notes');
    await wrapper.get('[data-testid="request-editor-save"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="request-editor-notice"]').text()).toBe(
        'Someone changed this request meanwhile (it is now at version 3). It has been reloaded: check it and save again.',
      ),
    );
    expect(
      (wrapper.get('[data-testid="request-notes"]').element as HTMLTextAreaElement).value,
    ).toBe('Changed by a colleague');
    expect(gateway.requests.filter((r) => r.operationName === 'RequestsQuoteRequest')).toHaveLength(
      2,
    );
  });

  it('does not edit a request that was already submitted', async () => {
    localStorage.setItem('marketgate.portal.token', 'token-1');
    const { wrapper } = await renderApp('/quotes/q9/edit', {
      Me: () => ({ me: buyer }),
      RequestsCompanyAddresses: () => companyAddresses(),
      RequestsSellers: sellers,
      RequestsQuoteRequest: () => ({ quoteRequest: draft({ status: 'SUBMITTED', version: 2 }) }),
    });
    current = wrapper;
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="request-editor-not-draft"]').exists()).toBe(true),
    );
    expect(wrapper.text()).toContain(
      'Request RFQ-000009 was already submitted and can no longer be edited here.',
    );
    expect(wrapper.get('a[href="/quotes/q9"]').text()).toBe('View request RFQ-000009');
  });
});
