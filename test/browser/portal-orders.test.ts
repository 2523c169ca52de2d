import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway, placeNorthDairyOrder, type PlacedOrder } from './support/gateway.js';
import { signIn as signInTo, tokenOf } from './support/portal.js';

const portalUrl = inject('portalUrl');

/**
 * North Dairy's staff delivers `order` over the gateway API and records a courier remittance
 * 1.00 short of its total: the remittance is open and the order's payment disputed.
 */
async function recordShortRemittance(order: PlacedOrder, reference: string): Promise<void> {
  const token = await tokenOf('sales@north-dairy.example');
  const steps: [mutation: string, inputType: string, input: Record<string, unknown>][] = [
    ['confirmOrder', 'OrderActionInput', { orderId: order.id }],
    [
      'shipOrder',
      'ShipOrderInput',
      { orderId: order.id, carrier: 'SF Express', trackingNumber: 'SF2222333344' },
    ],
    [
      'recordDelivery',
      'RecordDeliveryInput',
      { orderId: order.id, amountCollected: order.total.amount },
    ],
    [
      'reconcileCashRemittance',
      'ReconcileCashRemittanceInput',
      { orderIds: [order.id], amount: order.total.amount - 100, reference },
    ],
  ];
  for (const [mutation, inputType, input] of steps) {
    const data = await gateway<Record<string, { __typename: string }>>(
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input },
      token,
    );
    const answer = data[mutation]?.__typename;
    if (answer !== 'Order' && answer !== 'CashRemittance') {
      throw new Error(`${mutation} answered ${answer}`);
    }
  }
}

/** An amount as the seller types it: 12850 fen is "128.50". */
function typed(amount: number): string {
  return (amount / 100).toFixed(2);
}

describe('seller workspace: consumer orders', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const signIn = (email: string) => signInTo(browser.page, email);

  it('tells a company buyer the workspace is not for them', async () => {
    const { page } = browser;
    await page.goto(`${portalUrl}/seller/orders`);
    await signIn('buyer@acme.example');
    await page.getByTestId('seller-unavailable').waitFor();
    expect(await page.getByRole('link', { name: 'Consumer orders' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Work email').waitFor();
  });

  it('follows a cash-on-delivery order from placed to delivered and reconciles its cash', async () => {
    const order = await placeNorthDairyOrder();
    const { page } = browser;

    await page.goto(portalUrl);
    await signIn('sales@north-dairy.example');
    await page.getByRole('link', { name: 'Consumer orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consumer orders' }).waitFor();

    await page.getByRole('searchbox', { name: 'Order number or phone' }).fill(order.number);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByTestId('seller-order-row').filter({ hasText: order.number });
    await row.waitFor();
    expect(await page.getByTestId('seller-order-row').count()).toBe(1);
    expect(await row.textContent()).toContain('13800138000');
    expect(await row.textContent()).toContain('Placed');
    expect(await page.getByTestId('seller-orders-count').textContent()).toContain('1 order');

    // The day the order was placed, as the browser's time zone has it.
    const day = await page.evaluate((iso) => {
      const date = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    }, order.placedAt);
    await page.getByLabel('Placed from').fill(day);
    await page.getByLabel('Placed to').fill(day);
    await page.waitForURL((url) => url.searchParams.get('to') === day);
    await row.waitFor();
    expect(await page.getByTestId('seller-orders-count').textContent()).toContain('1 order');
    await browser.screenshot('portal-seller-orders');

    await row.getByRole('link', { name: order.number }).click();
    const status = page.getByTestId('order-status');
    await page.getByTestId('order-number').waitFor();
    expect(await status.textContent()).toContain('Placed');

    await page.getByRole('button', { name: 'Confirm order' }).click();
    await page.getByText('Order confirmed.').waitFor();
    expect(await status.textContent()).toContain('Confirmed');

    await page.getByRole('button', { name: 'Ship', exact: true }).click();
    await page.getByLabel('Carrier').fill('SF Express');
    await page.getByLabel('Tracking number').fill('SF1234567890');
    await page.getByRole('button', { name: 'Mark as shipped' }).click();
    await page.getByText('Order shipped.').waitFor();
    expect(await status.textContent()).toContain('Shipped');

    await page.getByRole('button', { name: 'Record delivery' }).click();
    const cash = page.getByLabel(`Cash collected (${order.total.currency})`);
    expect(await cash.inputValue()).toBe(typed(order.total.amount));
    await cash.fill(typed(order.total.amount - 100));
    await page.getByRole('button', { name: 'Save delivery' }).click();
    await page.getByText('The cash collected must equal the order total').waitFor();
    expect(await status.textContent()).toContain('Shipped');

    await cash.fill(typed(order.total.amount));
    await page.getByRole('button', { name: 'Save delivery' }).click();
    await page.getByText('Delivery and cash recorded.').waitFor();
    expect(await status.textContent()).toContain('Delivered');
    expect(await page.getByTestId('payment-status').textContent()).toContain('Cash collected');
    const timeline = await page.getByTestId('order-timeline').textContent();
    for (const step of ['Placed', 'Confirmed', 'Shipped', 'Delivered']) {
      expect(timeline).toContain(step);
    }
    await browser.screenshot('portal-seller-order-delivered');

    await page.getByRole('link', { name: 'Cash remittances' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cash remittances' }).waitFor();
    await page.getByRole('checkbox', { name: `Select order ${order.number}` }).check();
    await page
      .getByLabel(`Amount handed over (${order.total.currency})`)
      .fill(typed(order.total.amount));
    await page.getByLabel('Reference', { exact: true }).fill(`COURIER-${randomUUID()}`);
    const preview = page.getByTestId('remittance-preview');
    await preview.getByText('Matches what was collected').waitFor();
    expect(await page.getByTestId('remittance-difference').textContent()).toMatch(/0\.00/);
    await browser.screenshot('portal-seller-remittance-preview');

    await page.getByRole('button', { name: 'Record remittance' }).click();
    const result = page.getByTestId('remittance-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Matched');
    expect(
      await page.getByTestId('remittance-history').getByText(order.number).count(),
    ).toBeGreaterThan(0);
    await browser.screenshot('portal-seller-remittance-matched');

    await page.getByTestId('remittance-history').getByRole('link', { name: order.number }).click();
    await page.getByTestId('order-number').waitFor();
    expect(await page.getByTestId('payment-status').textContent()).toContain('Reconciled');
  });

  it('resolves a short remittance recorded over the API as settled afterwards', async () => {
    const order = await placeNorthDairyOrder();
    const reference = `COURIER-${randomUUID()}`;
    await recordShortRemittance(order, reference);
    const { page } = browser;

    await page.goto(`${portalUrl}/seller/remittances`);
    const heading = page.getByRole('heading', { level: 1, name: 'Cash remittances' });
    const email = page.getByLabel('Work email');
    await heading.or(email).waitFor();
    if (await email.isVisible()) await signIn('sales@north-dairy.example');
    await heading.waitFor();

    const dispute = page.getByTestId('remittance-dispute').filter({ hasText: reference });
    await dispute.waitFor();
    expect(await dispute.textContent()).toContain('Short by');
    expect(await dispute.textContent()).toContain(order.number);
    await browser.screenshot('portal-seller-remittance-dispute');

    await dispute.getByRole('button', { name: `Resolve remittance ${reference}` }).click();
    const form = page.getByRole('form', { name: `Resolve remittance ${reference}` });
    await form.getByRole('button', { name: 'Resolve dispute' }).click();
    await form.getByText('Choose how the difference was closed.').waitFor();
    await form.getByRole('radio', { name: /Settled afterwards/ }).check();
    await form.getByLabel('Note').fill('Courier paid the rest: TX-1001');
    await form.getByRole('button', { name: 'Resolve dispute' }).click();

    const resolved = page.getByTestId('remittance-resolved');
    await resolved.waitFor();
    expect(await resolved.textContent()).toContain(`Remittance ${reference}: Settled afterwards`);
    expect(await resolved.textContent()).toContain('Note: Courier paid the rest: TX-1001');
    expect(await dispute.count()).toBe(0);
    const row = page
      .getByTestId('remittance-history')
      .getByRole('row')
      .filter({ hasText: reference });
    expect(await row.textContent()).toContain('Settled afterwards');
    await browser.screenshot('portal-seller-remittance-resolved');

    await row.getByRole('link', { name: order.number }).click();
    await page.getByTestId('order-number').waitFor();
    expect(await page.getByTestId('payment-status').textContent()).toContain('Reconciled');
  });
});
