import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway, type Fields } from './support/gateway.js';
import { openAs, tokenOf } from './support/portal.js';

const portalUrl = inject('portalUrl');

describe('portal customers and segments', () => {
  let browser: Browser;
  const tag = `segments-${randomUUID().slice(0, 8)}`;
  const name = `Renew or ${tag}`;
  const company = 'Globex Corporation';

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the platform admin tags a company, builds a segment with a live count and finds it listed', async () => {
    const page = browser.page;
    await openAs(page, portalUrl, 'admin@marketgate.example', '/admin/customers');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Customers' }).waitFor();

    // Customers: find the company, tag it.
    await page.getByLabel('Name, email or registration number').fill('Globex');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/admin\/customers\?q=Globex$/);
    const row = page.getByTestId('customer-row').filter({ hasText: company });
    await row.waitFor();
    await row.getByLabel(`Add a tag to ${company}`).fill(tag);
    await row.getByLabel(`Add a tag to ${company}`).press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${company} is tagged ${tag}.` })
      .waitFor();
    await row.getByTestId('customer-tag').filter({ hasText: tag }).waitFor();
    expect(
      await row.getByRole('button', { name: `Remove tag ${tag} from ${company}` }).count(),
    ).toBe(1);
    await browser.screenshot('portal-customers-tagged');

    // Segments: "has tag OR contract ending within 90 days", counted while it is written.
    await nav.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByRole('heading', { name: 'New segment' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    expect(await page.getByRole('radio', { name: 'Companies' }).isChecked()).toBe(true);
    await page.getByLabel('Members match').selectOption('ANY');
    const first = page.getByRole('group', { name: 'Rule 1' });
    await first.getByLabel('Condition').selectOption('HAS_TAG');
    await first.getByLabel('Tag', { exact: true }).fill(tag);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const second = page.getByRole('group', { name: 'Rule 2' });
    // Keyboard users land on the new rule's condition.
    expect(
      await second.getByLabel('Condition').evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await second.getByLabel('Condition').selectOption('CONTRACT_ENDING');
    await second.getByLabel('Days').fill('90');

    const rule = {
      kind: 'ANY',
      rules: [
        { kind: 'HAS_TAG', tag },
        { kind: 'CONTRACT_ENDING', days: 90 },
      ],
    };
    const admin = await tokenOf('admin@marketgate.example');
    const { segmentPreview } = await gateway<Fields>(
      `query ($rule: SegmentRuleInput!) {
        segmentPreview(accountType: COMPANY, rule: $rule, first: 10) { memberCount }
      }`,
      { rule },
      admin,
    );
    const count = segmentPreview.memberCount as number;
    expect(count).toBeGreaterThanOrEqual(1);
    const preview = page.getByTestId('segment-preview');
    await preview
      .getByTestId('segment-preview-count')
      .filter({ hasText: count === 1 ? '1 account matches' : `${count} accounts match` })
      .waitFor();
    await preview.getByRole('listitem').filter({ hasText: company }).waitFor();
    await browser.screenshot('portal-segment-editor');

    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('heading', { name: 'Segments', exact: true }).waitFor();
    const listed = page.getByTestId('segment-row').filter({ hasText: name });
    await listed.waitFor();
    expect((await listed.getByTestId('segment-members').textContent())?.trim()).toBe(String(count));
    expect(await listed.textContent()).toContain('Platform');
    await browser.screenshot('portal-segments-list');

    // The company's row now shows the segment it belongs to.
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Tag', { exact: true }).selectOption(tag);
    const tagged = page.getByTestId('customer-row').filter({ hasText: company });
    await tagged.getByRole('button', { name: `Segments of ${company}` }).click();
    await page.getByTestId('customer-segments').getByRole('link', { name }).waitFor();
  });
});
