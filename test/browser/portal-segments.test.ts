import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway, mutate, type Fields } from './support/gateway.js';
import { openAs, signOut, tokenOf } from './support/portal.js';

const portalUrl = inject('portalUrl');

/** Acme asks Office Hub for a quote (over the API), which makes Acme one of Office Hub's customers. */
async function acmeAsksOfficeHub(): Promise<void> {
  const { sellers } = await gateway<Fields>('{ sellers { id name } }', {});
  const officeHub = (sellers as Fields[]).find((seller) => seller.name === 'Office Hub');
  if (!officeHub) throw new Error('the demo has no Office Hub');
  const { products } = await gateway<Fields>(
    `query ($filter: ProductFilter) {
      products(filter: $filter, first: 1) { edges { node { variants { id minOrderQuantity } } } }
    }`,
    { filter: { sellerId: officeHub.id, inStock: true } },
  );
  const variant = products.edges[0].node.variants[0] as Fields;
  const buyer = await tokenOf('buyer@acme.example');
  const quote = '... on QuoteRequest { id version }';
  const created = await mutate(
    buyer,
    'createQuoteRequest',
    'CreateQuoteRequestInput',
    {
      sellerId: officeHub.id,
      dealKind: 'ONE_OFF',
      deliveryAddress: {
        name: 'Acme Receiving',
        phone: '13800138000',
        province: 'Zhejiang',
        city: 'Hangzhou',
        district: 'Xihu',
        line1: '1 Wensan Road',
        postalCode: '310000',
      },
      lines: [{ variantId: variant.id, quantity: Math.max(50, variant.minOrderQuantity) }],
    },
    'QuoteRequest',
    quote,
  );
  await mutate(
    buyer,
    'submitQuoteRequest',
    'QuoteActionInput',
    { quoteId: created.id, expectedVersion: created.version },
    'QuoteRequest',
    quote,
  );
}

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

  it('seller staff set where a customer company stands, and go back to the proposed stage', async () => {
    await acmeAsksOfficeHub();
    const page = browser.page;
    await signOut(page);
    await openAs(page, portalUrl, 'sales@office-hub.example', '/seller/customers');
    const row = page.getByTestId('customer-row').filter({ hasText: 'Acme Trading Co.' });
    await row.waitFor();
    const stage = row.getByLabel('Lifecycle stage of Acme Trading Co.');
    expect(await stage.locator('option').first().textContent()).toMatch(/^Proposed: /);
    await stage.selectOption('MATURE');
    await page
      .getByRole('status')
      .filter({ hasText: 'Acme Trading Co. is now at Mature.' })
      .waitFor();
    await row.getByText('Set by Office Hub Sales').waitFor();
    await browser.screenshot('portal-seller-customers');
    await stage.selectOption('');
    await page
      .getByRole('status')
      .filter({ hasText: /^Acme Trading Co\. is back at its proposed stage/ })
      .waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('heading', { name: 'Segments', exact: true }).waitFor();
  });
});
