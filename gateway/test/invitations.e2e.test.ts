import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw?.stop());

type Fields = Record<string, any>;

const PREVIEW = `query ($token: String!) { invitation(token: $token) {
  __typename
  ... on InvitationPreview { kind organizationName email roles department expiresAt }
  ... on InvitationInvalidError { errorCode message reason } } }`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  __typename ... on AuthPayload { token } ... on InvitationInvalidError { reason } } }`;
const ME = '{ me { email seller { name } memberships { roles department company { name } } } }';

async function preview(token: string, at?: Date): Promise<Fields> {
  const res = await gw.gql<Fields>(PREVIEW, { token }, undefined, at);
  if (res.errors) throw new Error(res.raw);
  return res.data.invitation;
}

async function inviteToAcme(email: string, roles: string[], department?: string) {
  const acmeAdmin = await gw.login('admin@acme.example');
  const companies = await gw.gql<Fields>('{ companies { id } }', {}, acmeAdmin);
  const res = await gw.gql<Fields>(
    `mutation ($input: InviteCompanyMemberInput!) { inviteCompanyMember(input: $input) {
      ... on InvitationPayload { token invitation { expiresAt } } } }`,
    { input: { companyId: companies.data.companies[0].id, email, roles, department } },
    acmeAdmin,
  );
  return res.data.inviteCompanyMember as { token: string; invitation: { expiresAt: string } };
}

describe('an invitation seen by whoever holds its token', () => {
  it("shows a company's invitation without signing in, and nothing beyond its terms", async () => {
    const { token, invitation } = await inviteToAcme('ming@acme.example', ['APPROVER'], 'FINANCE');
    const res = await gw.gql<Fields>(PREVIEW, { token });
    expect(res.data.invitation).toEqual({
      __typename: 'InvitationPreview',
      kind: 'COMPANY_MEMBER',
      organizationName: 'Acme Trading Co.',
      email: 'ming@acme.example',
      roles: ['APPROVER'],
      department: 'FINANCE',
      expiresAt: expect.any(String),
    });
    // MySQL keeps whole seconds.
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    expect(seconds(res.data.invitation.expiresAt)).toBe(seconds(invitation.expiresAt));
    // Neither the company's registration, its people, nor the stored token hash come along.
    expect(res.raw).not.toMatch(/CN-ACME-0001|admin@acme\.example|tokenHash/);
    const wider = await gw.gql<Fields>(
      'query ($token: String!) { invitation(token: $token) { ... on InvitationPreview { company { id } } } }',
      { token },
    );
    expect(wider.errors?.[0]?.message).toContain('Cannot query field "company"');
  });

  it("shows a seller's staff invitation, which has no roles", async () => {
    const admin = await gw.login('admin@marketgate.example');
    const seller = await gw.gql<Fields>(
      `mutation { createSeller(input: { name: "Lotus Tea House", slug: "lotus-tea" }) {
        ... on Seller { id } } }`,
      {},
      admin,
    );
    const invited = await gw.gql<Fields>(
      `mutation ($input: InviteSellerStaffInput!) { inviteSellerStaff(input: $input) {
        ... on InvitationPayload { token } } }`,
      { input: { sellerId: seller.data.createSeller.id, email: 'staff@lotus.example' } },
      admin,
    );
    const token = invited.data.inviteSellerStaff.token;
    expect(await preview(token)).toMatchObject({
      __typename: 'InvitationPreview',
      kind: 'SELLER_STAFF',
      organizationName: 'Lotus Tea House',
      email: 'staff@lotus.example',
      roles: [],
      department: null,
    });

    const accepted = await gw.gql<Fields>(ACCEPT, {
      input: { token, name: 'Lotus Staff', password: 'long-enough-1' },
    });
    const me = await gw.gql<Fields>(ME, {}, accepted.data.acceptInvitation.token);
    expect(me.data.me).toEqual({
      email: 'staff@lotus.example',
      seller: { name: 'Lotus Tea House' },
      memberships: [],
    });
  });

  it('answers an unknown token with a typed error that tells nothing more', async () => {
    for (const token of ['not-a-token', 'x'.repeat(32), '']) {
      expect(await preview(token)).toEqual({
        __typename: 'InvitationInvalidError',
        errorCode: 'INVITATION_INVALID',
        message: 'The invitation is unknown, used or expired',
        reason: 'UNKNOWN',
      });
    }
  });

  it('is used once accepted, both to look at and to accept again', async () => {
    const { token } = await inviteToAcme('lan@acme.example', ['BUYER']);
    const accepted = await gw.gql<Fields>(ACCEPT, {
      input: { token, name: 'Lan', password: 'long-enough-1' },
    });
    expect(accepted.data.acceptInvitation.__typename).toBe('AuthPayload');
    expect(await preview(token)).toMatchObject({
      __typename: 'InvitationInvalidError',
      reason: 'USED',
    });
    const again = await gw.gql<Fields>(ACCEPT, {
      input: { token, name: 'Lan again', password: 'long-enough-1' },
    });
    expect(again.data.acceptInvitation).toEqual({
      __typename: 'InvitationInvalidError',
      reason: 'USED',
    });
  });

  it('expires after seven days on the test clock, both to look at and to accept', async () => {
    const { token, invitation } = await inviteToAcme('hui@acme.example', ['BUYER']);
    const expiresAt = new Date(invitation.expiresAt);
    const justBefore = new Date(expiresAt.getTime() - 60_000);
    expect((await preview(token, justBefore)).__typename).toBe('InvitationPreview');
    expect(await preview(token, expiresAt)).toMatchObject({ reason: 'EXPIRED' });

    const late = await gw.gql<Fields>(
      ACCEPT,
      { input: { token, name: 'Hui', password: 'long-enough-1' } },
      undefined,
      new Date(expiresAt.getTime() + 86400_000),
    );
    expect(late.data.acceptInvitation).toEqual({
      __typename: 'InvitationInvalidError',
      reason: 'EXPIRED',
    });
    expect((await preview(token)).__typename).toBe('InvitationPreview');
  });
});
