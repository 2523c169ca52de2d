import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway, mutate, type Fields } from './support/gateway.js';
import { openAs, signOut, tokenOf } from './support/portal.js';

const portalUrl = inject('portalUrl');

/** The id of the one company whose name holds `name`, as the platform admin finds it. */
async function companyId(token: string, name: string): Promise<string> {
  const { allCompanies } = await gateway<Fields>(
    `query ($filter: CompanyFilter) {
      allCompanies(filter: $filter, first: 5) { edges { node { id name } } }
    }`,
    { filter: { search: name } },
    token,
  );
  const [edge] = allCompanies.edges as Fields[];
  if (!edge) throw new Error(`no company named ${name}`);
  return edge.node.id as string;
}

describe('portal buyer dashboard', () => {
  let browser: Browser;
  const tag = `renewal-${randomUUID().slice(0, 8)}`;
  const title = `Renew with us (${tag})`;

  beforeAll(async () => {
    // The platform admin tags Acme, keeps the tagged companies as a segment and targets an
    // active renewal banner on the portal dashboard at it.
    const admin = await tokenOf('admin@marketgate.example');
    const acme = await companyId(admin, 'Acme');
    await mutate(
      admin,
      'tagAccount',
      'AccountTagInput',
      { account: { type: 'COMPANY', id: acme }, tag },
      'Company',
    );
    const segment = await mutate(
      admin,
      'createSegment',
      'CreateSegmentInput',
      {
        name: `Renewal campaign ${tag}`,
        accountType: 'COMPANY',
        rule: { kind: 'ANY', rules: [{ kind: 'HAS_TAG', tag }] },
      },
      'Segment',
      '... on Segment { id memberCount }',
    );
    expect(segment.memberCount).toBe(1);
    await mutate(
      admin,
      'createContentBlock',
      'CreateContentBlockInput',
      {
        kind: 'BANNER',
        placement: 'PORTAL_DASHBOARD',
        title,
        body: 'Renew before your contract ends and keep your prices.',
        linkUrl: `${portalUrl}/contracts`,
        callToAction: 'See my contracts',
        target: { segmentIds: [segment.id] },
        priority: 1000,
        status: 'ACTIVE',
      },
      'ContentBlock',
    );
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
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
