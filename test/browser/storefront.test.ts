import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway } from './support/gateway.js';

const storefrontUrl = inject('storefrontUrl');
const price = /¥\s?\d[\d,]*\.\d{2}/;

describe('storefront', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo products on the home page', async () => {
    const { page } = browser;
    await page.goto(storefrontUrl);
    const cards = page.getByTestId('product-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await cards.first().textContent()).toMatch(price);
    await browser.screenshot('storefront-home');
  });

  it('shows a price on a product page', async () => {
    const { page } = browser;
    await page.goto(storefrontUrl);
    const first = page.getByTestId('product-card').first();
    const name = await first.getByRole('heading').textContent();
    await first.getByRole('link').click();

    await page.getByRole('heading', { level: 1, name: name ?? '' }).waitFor();
    expect(await page.getByTestId('product-price').textContent()).toMatch(price);
    expect(await page.getByTestId('stock-status').textContent()).toMatch(/stock|left/i);
    await browser.screenshot('storefront-product');
  });

  it('searches with the keyboard alone', async () => {
    const { page } = browser;
    await page.goto(storefrontUrl);
    await page.keyboard.press('Tab');
    expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('paper');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Results for “paper”' }).waitFor();
    await page.getByTestId('product-card').first().waitFor();
  });

  it('switches the interface to Chinese', async () => {
    const { page } = browser;
    await page.goto(storefrontUrl);
    await page.getByRole('heading', { name: 'Featured products' }).waitFor();

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '精选商品' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('button', { name: '搜索' }).isVisible()).toBe(true);
    await browser.screenshot('storefront-home-zh');
  });
});

async function sellerToken(email: string): Promise<string> {
  const { login } = await gateway<{ login: { __typename: string; token?: string } }>(
    `mutation ($input: LoginInput!) {
      login(input: $input) { __typename ... on AuthPayload { token } }
    }`,
    { input: { email, password: 'demo-pass-123' } },
  );
  if (!login.token) throw new Error(`seller login: ${login.__typename}`);
  return login.token;
}

/** Runs one seller action on an order and checks the gateway accepted it. */
async function sellerAction(
  token: string,
  mutation: 'confirmOrder' | 'shipOrder' | 'recordDelivery',
  input: Record<string, unknown>,
): Promise<void> {
  const inputType = {
    confirmOrder: 'OrderActionInput',
    shipOrder: 'ShipOrderInput',
    recordDelivery: 'RecordDeliveryInput',
  }[mutation];
  const data = await gateway<Record<string, { __typename: string; message?: string }>>(
    `mutation ($input: ${inputType}!) {
      ${mutation}(input: $input) { __typename ... on ErrorResult { message } }
    }`,
    { input },
    token,
  );
  expect(data[mutation], JSON.stringify(data)).toMatchObject({ __typename: 'Order' });
}

describe('buying with cash on delivery', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the first product of the category that can be bought and adds it to the cart. */
  async function addFromCategory(slug: string): Promise<string> {
    const { page } = browser;
    await page.goto(`${storefrontUrl}/c/${slug}`);
    await page.getByLabel('In stock only').check();
    const card = page.getByTestId('product-card').first();
    await card.waitFor();
    await card.getByRole('link').first().click();
    const add = page.getByTestId('add-to-cart');
    await add.waitFor();
    const name = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await add.click();
    await page.getByTestId('added-to-cart').waitFor();
    return name;
  }

  it('a guest fills a cart from two sellers, signs in, checks out and follows an order to delivery', async () => {
    const { page } = browser;
    const milk = await addFromCategory('dairy');
    const paper = await addFromCategory('paper');

    await page.getByTestId('cart-link').click();
    const groups = page.getByTestId('cart-group');
    await groups.nth(1).waitFor();
    await page.reload();
    await groups.nth(1).waitFor();
    expect(await groups.count()).toBe(2);
    expect(await page.getByRole('main').textContent()).toContain(milk);
    expect(await page.getByRole('main').textContent()).toContain(paper);
    await browser.screenshot('storefront-cart');

    await page.getByRole('link', { name: 'Check out' }).click();
    await page.getByLabel('Email').fill('alice@marketgate.example');
    await page.getByLabel('Password').fill('demo-pass-123');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('address-form').waitFor();
    expect(await page.getByTestId('checkout-group').count()).toBe(2);
    // Alice has ordered before: the form starts from her last order's address.
    await page.getByText('Filled in from your last order.').waitFor();
    expect(await page.getByLabel('Street address').inputValue()).not.toBe('');
    await page.getByLabel('Recipient name').fill('Alice Wang');
    await page.getByLabel('Mobile phone').fill('138 1234 5678');
    await page.getByLabel('Province').fill('Zhejiang');
    await page.getByLabel('City').fill('Hangzhou');
    await page.getByLabel('District').fill('Xihu');
    await page.getByLabel('Postal code').fill('310000');
    await page.getByLabel('Street address').fill('1 Longjing Road');
    await page.getByRole('button', { name: 'Continue to review' }).click();

    const place = page.getByTestId('place-order');
    await page.getByTestId('cod-status').filter({ hasText: 'available' }).nth(1).waitFor();
    await browser.screenshot('storefront-checkout-review');
    await place.click();

    await page.getByRole('heading', { name: 'Thank you for your order!' }).waitFor();
    const confirmed = page.getByTestId('confirmed-order');
    await confirmed.filter({ hasText: 'North Dairy' }).waitFor();
    await confirmed.filter({ hasText: 'Office Hub' }).waitFor();
    expect(await confirmed.count()).toBe(2);
    const numbers = await confirmed.getByRole('link').allTextContents();
    const orderIds = new URL(page.url()).searchParams.get('orders')?.split(',') ?? [];
    expect(orderIds).toHaveLength(2);
    await browser.screenshot('storefront-order-confirmation');

    await page.getByTestId('account-menu').click();
    await page.getByRole('link', { name: 'My orders', exact: true }).click();
    await page.getByTestId('order-card').nth(1).waitFor();
    const listed = (await page.getByTestId('order-card').allTextContents()).join('\n');
    for (const number of numbers) expect(listed).toContain(number.trim());

    const seller = await sellerToken('sales@north-dairy.example');
    const own = await Promise.all(
      orderIds.map((id) =>
        gateway<{ order: { id: string; total: { amount: number } } | null }>(
          'query ($id: ID!) { order(id: $id) { id total { amount } } }',
          { id },
          seller,
        ),
      ),
    );
    const order = own.map((answer) => answer.order).find((found) => found !== null);
    if (!order) throw new Error('North Dairy sees none of the orders');
    await sellerAction(seller, 'confirmOrder', { orderId: order.id });
    await sellerAction(seller, 'shipOrder', {
      orderId: order.id,
      carrier: 'SF Express',
      trackingNumber: 'SF1234567890',
    });

    await page.goto(`${storefrontUrl}/orders/${order.id}`);
    const timeline = page.getByTestId('order-timeline');
    await timeline.getByText('Shipped').waitFor();
    expect(await page.getByTestId('order-tracking').textContent()).toContain('SF1234567890');

    await sellerAction(seller, 'recordDelivery', {
      orderId: order.id,
      amountCollected: order.total.amount,
    });
    await page.reload();
    await timeline.getByText('Delivered').waitFor();
    expect(await page.getByTestId('order-status').textContent()).toContain('Delivered');
    expect(await page.getByTestId('payment-status').textContent()).toContain('Paid');
    await browser.screenshot('storefront-order-delivered');
  }, 180_000);
});
