import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway } from './support/gateway.js';
import { DEMO_PASSWORD, openAs } from './support/portal.js';

const portalUrl = inject('portalUrl');
const storefrontUrl = inject('storefrontUrl');
const run = randomUUID().slice(0, 8);
const tag = `oolong fan ${run}`;
const segmentName = `Oolong fans ${run}`;
const bannerTitle = `Oolong harvest ${run}`;
const inside = { email: `oolong-a-${run}@example.com`, name: `Ada Oolong ${run}` };
const outside = { email: `oolong-b-${run}@example.com`, name: `Ben Outside ${run}` };

/** A new consumer, signed up over the gateway API; answers their user id. */
async function register(consumer: { email: string; name: string }): Promise<string> {
  const { register } = await gateway<{
    register: { __typename: string; user?: { id: string } };
  }>(
    `mutation ($input: RegisterInput!) {
      register(input: $input) { __typename ... on AuthPayload { user { id } } }
    }`,
    { input: { ...consumer, password: DEMO_PASSWORD } },
  );
  if (!register.user) throw new Error(`register answered ${register.__typename}`);
  return register.user.id;
}

describe('portal content block editor', () => {
  let browser: Browser;

  beforeAll(async () => {
    await register(inside);
    await register(outside);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets the platform admin tag a consumer, build a segment of the tag and target a storefront banner at it', async () => {
    const { page } = browser;
    await openAs(page, portalUrl, 'admin@marketgate.example', '/admin/customers');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.getByLabel('Show').selectOption('CONSUMER');
    await page.getByLabel('Name, email or registration number').fill(inside.name);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const customer = page.getByTestId('customer-row').filter({ hasText: inside.name });
    await customer.getByLabel(`Add a tag to ${inside.name}`).fill(tag);
    await customer.getByLabel(`Add a tag to ${inside.name}`).press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${inside.name} is tagged ${tag}.` })
      .waitFor();

    await nav.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByRole('heading', { name: 'New segment' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(segmentName);
    await page.getByRole('radio', { name: 'Consumers' }).check();
    const rule = page.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Condition').selectOption('HAS_TAG');
    await rule.getByLabel('Tag', { exact: true }).fill(tag);
    const members = page.getByTestId('segment-preview');
    await members
      .getByTestId('segment-preview-count')
      .filter({ hasText: '1 account matches' })
      .waitFor();
    await members.getByRole('listitem').filter({ hasText: inside.name }).waitFor();
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByTestId('segment-row').filter({ hasText: segmentName }).waitFor();

    await nav.getByRole('link', { name: 'Content' }).click();
    await page.getByRole('heading', { name: 'Content', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New block' }).click();
    await page.getByRole('heading', { name: 'New content block' }).waitFor();

    await page.getByLabel('Placement').selectOption('STOREFRONT_HOME');
    await page.getByLabel('Title', { exact: true }).fill(bannerTitle);
    await page.getByLabel('Text', { exact: true }).fill('Picked this week, for those who love it.');
    await page.getByLabel('Link', { exact: true }).fill('https://marketgate.example/oolong');
    await page.getByLabel('Link text').fill('See the oolongs');
    await page.getByLabel('Priority', { exact: true }).fill('1000');
    await page.getByLabel('Active', { exact: true }).check();
    await page.getByLabel('Members of any of the chosen segments or tags').check();
    await page.getByRole('checkbox', { name: segmentName }).check();
    await browser.screenshot('portal-content-editor');
    await page.getByRole('button', { name: 'Create block' }).click();
    await page.getByText('The block was created.').waitFor();
    expect(page.url()).toMatch(/\/admin\/content\/\d+$/);
    expect(await page.getByTestId('content-status').textContent()).toBe('Active');

    const preview = page.getByTestId('content-preview');
    await preview.getByLabel('Find a consumer by name or email').fill(inside.name);
    await preview.getByRole('button', { name: 'Find' }).click();
    await preview.getByRole('button', { name: `Preview as ${inside.name}` }).click();
    await preview.getByText(`${inside.name} sees this block.`).waitFor();
    const marked = preview.getByTestId('preview-banner').filter({ hasText: 'This block' });
    expect(await marked.getByRole('heading').textContent()).toBe(bannerTitle);
    await browser.screenshot('portal-content-preview-inside');

    await preview.getByLabel('Find a consumer by name or email').fill(outside.name);
    await preview.getByRole('button', { name: 'Find' }).click();
    await preview.getByRole('button', { name: `Preview as ${outside.name}` }).click();
    await preview.getByText(`${outside.name} does not see this block.`).waitFor();
    expect(await preview.getByRole('heading', { name: bannerTitle }).count()).toBe(0);
    await browser.screenshot('portal-content-preview-outside');

    await page.getByRole('link', { name: 'All content' }).click();
    const row = page.getByTestId('content-row').filter({ hasText: bannerTitle });
    await row.waitFor();
    expect(await row.getByTestId('content-target').textContent()).toBe(`Segments: ${segmentName}`);
    expect(await row.textContent()).toContain('Storefront home');
    expect(await row.textContent()).toContain('Active');
    await browser.screenshot('portal-content-list');
  });

  async function storefrontHomeAs(email: string): Promise<boolean> {
    const { page } = browser;
    await page.goto(storefrontUrl);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${storefrontUrl}/login?redirect=/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Featured products' }).waitFor();
    await page.getByTestId('product-card').first().waitFor();
    await page.getByText('Loading offers for you…').waitFor({ state: 'detached' });
    return (await page.getByRole('heading', { name: bannerTitle }).count()) === 1;
  }

  it('shows the banner on the storefront home to the consumer in the segment only', async () => {
    expect(await storefrontHomeAs(inside.email)).toBe(true);
    const banner = browser.page.getByTestId('content-banner').filter({ hasText: bannerTitle });
    expect(await banner.getByRole('link', { name: 'See the oolongs' }).getAttribute('href')).toBe(
      'https://marketgate.example/oolong',
    );
    await browser.screenshot('portal-content-storefront-inside');

    expect(await storefrontHomeAs(outside.email)).toBe(false);
    await browser.screenshot('portal-content-storefront-outside');
  });
});
