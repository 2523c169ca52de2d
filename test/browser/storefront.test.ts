import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';

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
