import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { placeNorthDairyOrder, registerConsumer } from './support/gateway.js';
import { openAs, signOut } from './support/portal.js';

const portalUrl = inject('portalUrl');

describe('portal lifecycle dashboard', () => {
  let browser: Browser;

  beforeAll(async () => {
    // A consumer becomes North Dairy's customer with two orders: a new customer, a first order
    // and a repeat order in this month's cohort.
    const consumer = await registerConsumer('Lifecycle Shopper');
    await placeNorthDairyOrder(consumer);
    await placeNorthDairyOrder(consumer);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A stage tile's number, read from the B2C funnel. */
  async function stageCount(name: string): Promise<number> {
    const tile = browser.page
      .getByTestId('lifecycle-b2c')
      .getByTestId('lifecycle-stage')
      .filter({ hasText: name });
    return Number(await tile.locator('strong').textContent());
  }

  it('shows North Dairy’s staff its customers’ funnel, by week when asked, with a table', async () => {
    const page = browser.page;
    await openAs(page, portalUrl, 'sales@north-dairy.example', '/seller/orders');
    await page.getByRole('link', { name: 'Customer lifecycle' }).click();
    await page.getByRole('heading', { name: 'Consumers (B2C)' }).waitFor();
    expect(await stageCount('New customers')).toBeGreaterThanOrEqual(1);
    expect(await stageCount('First order')).toBeGreaterThanOrEqual(1);
    expect(await stageCount('Repeat order')).toBeGreaterThanOrEqual(1);
    expect(
      await page
        .getByTestId('lifecycle-b2c')
        .getByRole('img', { name: /over time/ })
        .count(),
    ).toBe(1);

    await page.getByLabel('Split by').selectOption('WEEK');
    await page.waitForURL(/bucket=WEEK/);
    await page.getByTestId('lifecycle-b2c').getByText('Show as a table').click();
    await page.getByTestId('lifecycle-b2c').getByRole('table').waitFor();
    expect(await stageCount('Repeat order')).toBeGreaterThanOrEqual(1);
    await signOut(page);
  });

  it('shows the platform admin everyone’s funnel in the admin workspace', async () => {
    const page = browser.page;
    await openAs(page, portalUrl, 'admin@marketgate.example', '/admin/lifecycle');
    await page.getByRole('heading', { name: 'Consumers (B2C)' }).waitFor();
    expect(await stageCount('Registered')).toBeGreaterThanOrEqual(1);
    expect(await stageCount('Repeat order')).toBeGreaterThanOrEqual(1);
    await page
      .getByTestId('lifecycle-risk')
      .getByRole('heading', { name: 'Accounts at risk' })
      .waitFor();
  });
});
