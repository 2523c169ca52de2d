import type { Page } from 'playwright-core';
import { gateway } from './gateway.js';

/** Every demo account's password. */
export const DEMO_PASSWORD = 'demo-pass-123';

/** Signs `email` into the portal from its login screen and waits for the signed-in header. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('session-user').waitFor();
}

/** Signs out from the header and waits for the login screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Work email').waitFor();
}

/**
 * Opens `path` in the portal as `email`: whoever was signed in is forgotten, the portal asks for
 * a login first, then goes there.
 */
export async function openAs(page: Page, portalUrl: string, email: string, path: string) {
  await page.goto(`${portalUrl}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${portalUrl}${path}`);
  await signIn(page, email);
}

/** A bearer token for a demo account, for steps a test takes over the gateway API. */
export async function tokenOf(email: string): Promise<string> {
  const { login } = await gateway<{ login: { __typename: string; token?: string } }>(
    `mutation ($input: LoginInput!) {
      login(input: $input) { __typename ... on AuthPayload { token } }
    }`,
    { input: { email, password: DEMO_PASSWORD } },
  );
  if (!login.token) throw new Error(`login of ${email} answered ${login.__typename}`);
  return login.token;
}
