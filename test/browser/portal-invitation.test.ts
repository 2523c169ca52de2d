import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { openAs } from './support/portal.js';

const portalUrl = inject('portalUrl');

describe('joining a company by invitation', () => {
  let inviter: Browser;
  let invitee: Browser | undefined;

  beforeAll(async () => {
    inviter = await openBrowser();
  });

  afterAll(async () => {
    await inviter?.close();
    await invitee?.close();
  });

  it('a company admin invites a buyer, who accepts the link and starts buying', async () => {
    const admin = inviter.page;
    await inviter.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: portalUrl,
    });
    await openAs(admin, portalUrl, 'admin@acme.example', '/company/invitations');
    await admin.getByLabel('Email').fill('jun.buyer@acme.example');
    await admin.getByRole('button', { name: 'Invite', exact: true }).click();
    const linkField = admin.getByTestId('invitation-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${portalUrl}/invitations/accept\\?token=[\\w-]{20,}$`));
    await admin.getByRole('button', { name: 'Copy link' }).click();
    await admin.getByText('Link copied.').waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await admin.getByTestId('invitation-row').first().textContent()).toContain(
      'jun.buyer@acme.example',
    );
    await inviter.screenshot('portal-invitation-link');

    // The invitee opens the link in a browser of their own, signed in as no one.
    invitee = await openBrowser();
    const page = invitee.page;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Join Acme Trading Co. on Marketgate' }).waitFor();
    const terms = await page.getByTestId('invitation-terms').textContent();
    expect(terms).toContain('jun.buyer@acme.example');
    expect(terms).toContain('Buyer');

    await page.getByLabel('Your name').fill('Jun Buyer');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByText('Use 10 to 200 characters.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('jun-secret-2026');
    await page.getByLabel('Password again').fill('jun-secret-2026');
    await invitee.screenshot('portal-invitation-accept');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();

    const user = page.getByTestId('session-user');
    await user.waitFor();
    expect(await user.textContent()).toContain('Jun Buyer');
    await page.getByRole('link', { name: 'Quick order', exact: true }).waitFor();
    // A new member starts on the first tab of the company workspace: the dashboard.
    await page.getByRole('heading', { name: 'Acme Trading Co.: dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await invitee.screenshot('portal-invitation-joined');

    // The link worked once.
    await page.goto(link);
    await page
      .getByRole('heading', { name: 'This invitation has been accepted already' })
      .waitFor();
  });
});
