import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';

const portalUrl = inject('portalUrl');

describe('business portal', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a wrong password', async () => {
    const { page } = browser;
    await page.goto(portalUrl);
    await page.getByLabel('Work email').fill('buyer@acme.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'The email or password is not correct.',
    );
  });

  it('signs a company buyer in and shows volume-priced products', async () => {
    const { page } = browser;
    await page.goto(portalUrl);
    await page.getByLabel('Work email').fill('buyer@acme.example');
    await page.getByLabel('Password').fill('demo-pass-123');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const user = page.getByTestId('session-user');
    await user.waitFor();
    expect(await user.textContent()).toContain('Acme Buyer');
    await page.getByTestId('product-card').first().waitFor();

    const quantity = page.getByLabel('Prices for quantity');
    await quantity.fill('50');
    await quantity.press('Enter');
    const tierPriced = page.getByTestId('product-card').filter({ hasText: 'Volume price' });
    await tierPriced.first().waitFor();
    expect(await tierPriced.count()).toBeGreaterThan(0);
    await browser.screenshot('portal-catalog');

    await tierPriced.first().getByRole('link').click();
    const offer = page.getByTestId('product-price');
    await offer.waitFor();
    expect(await offer.getByTestId('price-source').textContent()).toContain('Volume price');
    await browser.screenshot('portal-product');
  });

  it('switches the interface to Chinese', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByTestId('product-price').waitFor();
    await browser.screenshot('portal-product-zh');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '登录企业账户' }).waitFor();
  });
});
