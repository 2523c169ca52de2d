import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { openAs, signOut } from './support/portal.js';

const portalUrl = inject('portalUrl');

describe('portal buyer dashboard', () => {
  let browser: Browser;
  const tag = `key-account-${randomUUID().slice(0, 8)}`;
  const segmentName = `Renewals due (${tag})`;
  const title = `Renew with us (${tag})`;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the platform admin tags Acme and targets a renewal banner at tagged companies whose contract ends within 90 days', async () => {
    const page = browser.page;
    await openAs(page, portalUrl, 'admin@marketgate.example', '/admin/customers');
    const nav = page.getByRole('navigation', { name: 'Main' });

    await page.getByLabel('Name, email or registration number').fill('Acme');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const acme = page.getByTestId('customer-row').filter({ hasText: 'Acme Trading Co.' });
    await acme.getByLabel('Add a tag to Acme Trading Co.').fill(tag);
    await acme.getByLabel('Add a tag to Acme Trading Co.').press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Acme Trading Co. is tagged ${tag}.` })
      .waitFor();

    // The demo's Acme has a framework agreement with North Dairy ending within 90 days.
    await nav.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByLabel('Name', { exact: true }).fill(segmentName);
    await page.getByLabel('Members match').selectOption('ALL');
    const tagged = page.getByRole('group', { name: 'Rule 1' });
    await tagged.getByLabel('Condition').selectOption('HAS_TAG');
    await tagged.getByLabel('Tag', { exact: true }).fill(tag);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const ending = page.getByRole('group', { name: 'Rule 2' });
    await ending.getByLabel('Condition').selectOption('CONTRACT_ENDING');
    await ending.getByLabel('Days').fill('90');
    const preview = page.getByTestId('segment-preview');
    await preview
      .getByTestId('segment-preview-count')
      .filter({ hasText: '1 account matches' })
      .waitFor();
    await preview.getByRole('listitem').filter({ hasText: 'Acme Trading Co.' }).waitFor();
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByTestId('segment-row').filter({ hasText: segmentName }).waitFor();

    await nav.getByRole('link', { name: 'Content' }).click();
    await page.getByRole('heading', { name: 'Content', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New block' }).click();
    await page.getByRole('heading', { name: 'New content block' }).waitFor();
    await page.getByLabel('Placement').selectOption('PORTAL_DASHBOARD');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Text', { exact: true })
      .fill('Renew before your contract ends and keep your prices.');
    await page.getByLabel('Link', { exact: true }).fill(`${portalUrl}/contracts`);
    await page.getByLabel('Link text').fill('See my contracts');
    await page.getByLabel('Priority', { exact: true }).fill('1000');
    await page.getByLabel('Active', { exact: true }).check();
    await page.getByLabel('Members of any of the chosen segments or tags').check();
    await page.getByRole('checkbox', { name: segmentName }).check();
    await page.getByRole('button', { name: 'Create block' }).click();
    await page.getByText('The block was created.').waitFor();

    const previewAs = page.getByTestId('content-preview');
    await previewAs.getByLabel('Find a company by name or registration number').fill('Acme');
    await previewAs.getByRole('button', { name: 'Find' }).click();
    await previewAs.getByRole('button', { name: 'Preview as Acme Trading Co.' }).click();
    await previewAs.getByText('Acme Trading Co. sees this block.').waitFor();
    await browser.screenshot('portal-dashboard-banner-preview');
    await signOut(page);
  });

  it('shows Acme’s buyer the banner targeted at its segment, and Globex’s buyer not', async () => {
    const page = browser.page;
    await openAs(page, portalUrl, 'buyer@acme.example', '/dashboard');
    await page.getByRole('heading', { name: /: dashboard$/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').first().textContent()).toContain('Dashboard');

    const banner = page.getByTestId('dashboard-banner').filter({ hasText: title });
    await banner.waitFor();
    const link = banner.getByRole('link', { name: 'See my contracts' });
    expect(await link.getAttribute('href')).toBe(`${portalUrl}/contracts`);
    for (const section of ['dashboard-renewals', 'dashboard-reorders', 'dashboard-similar']) {
      await page.getByTestId(section).getByRole('heading', { level: 2 }).waitFor();
    }
    await page.getByTestId('dashboard-renewals').locator('[role="alert"]').waitFor({
      state: 'detached',
    });
    // The demo's agreement with North Dairy, due for renewal.
    await page.getByTestId('dashboard-renewal').filter({ hasText: 'North Dairy' }).waitFor();
    await browser.screenshot('portal-dashboard-acme');

    await page.setViewportSize({ width: 800, height: 1100 });
    await browser.screenshot('portal-dashboard-acme-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The call to action is reachable from the keyboard.
    await link.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'See my contracts',
    );

    await signOut(page);
    await openAs(page, portalUrl, 'buyer@globex.example', '/dashboard');
    await page.getByRole('heading', { name: /Globex.*: dashboard$/ }).waitFor();
    await page.getByTestId('dashboard-renewals').getByRole('heading', { level: 2 }).waitFor();
    await page
      .locator('[data-testid="dashboard-content"][aria-busy="false"]')
      .waitFor({ state: 'attached' });
    expect(await page.getByTestId('dashboard-banner').filter({ hasText: title }).count()).toBe(0);
    await browser.screenshot('portal-dashboard-globex');
  });
});
