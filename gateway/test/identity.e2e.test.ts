import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ LOGIN_MAX_ATTEMPTS: '3' });
});
afterAll(() => gw?.stop());

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) {
  __typename ... on AuthPayload { token user { id email } } ... on ErrorResult { errorCode message } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) {
  __typename ... on AuthPayload { token } ... on TooManyAttemptsError { retryAfterSeconds } ... on ErrorResult { errorCode } } }`;
const ME =
  '{ me { email name isPlatformAdmin seller { slug } memberships { roles department company { name status } } } }';

describe('accounts and sessions', () => {
  it('registers, signs in, answers me, and revokes the token on logout', async () => {
    const reg = await gw.gql<any>(REGISTER, {
      input: { email: 'New.User@Example.com', password: 'long-enough-1', name: 'New User' },
    });
    expect(reg.data.register.__typename).toBe('AuthPayload');
    expect(reg.data.register.user.email).toBe('new.user@example.com');
    const again = await gw.gql<any>(REGISTER, {
      input: { email: 'new.user@example.com', password: 'long-enough-1', name: 'X' },
    });
    expect(again.data.register.errorCode).toBe('EMAIL_TAKEN');

    const token = await gw.login('new.user@example.com', 'long-enough-1');
    expect((await gw.gql<any>(ME, {}, token)).data.me.email).toBe('new.user@example.com');
    expect((await gw.gql<any>('mutation { logout }', {}, token)).data.logout).toBe(true);
    expect((await gw.gql<any>(ME, {}, token)).data.me).toBeNull();
    expect((await gw.gql<any>(ME, {}, 'forged.token.value')).data.me).toBeNull();
  });

  it('validates registration input field by field', async () => {
    const res = await gw.gql<any>(REGISTER, {
      input: { email: 'not-an-email', password: 'short', name: '' },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0]?.extensions?.fields ?? [];
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['email', 'password', 'name']),
    );
    // Each message comes with a code and its parameters, read from the constraint.
    const problems = Object.fromEntries(fields.map((f) => [f.path, f.problems]));
    expect(problems).toMatchObject({
      email: [{ code: 'EMAIL', params: {} }],
      password: [{ code: 'LENGTH', params: { min: 10, max: 200 } }],
    });
    for (const field of fields) expect(field.problems).toHaveLength(field.messages.length);
    expect(res.raw).not.toContain('password":"short');
  });

  it('rate-limits failed sign-ins per email', async () => {
    const input = { email: 'warehouse@acme.example', password: 'wrong-password' };
    for (let i = 0; i < 3; i++) {
      expect((await gw.gql<any>(LOGIN, { input })).data.login.errorCode).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const blocked = await gw.gql<any>(LOGIN, { input: { ...input, password: 'demo-pass-123' } });
    expect(blocked.data.login.__typename).toBe('TooManyAttemptsError');
    expect(blocked.data.login.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('answers the signed-in user with their memberships in the login result itself', async () => {
    const res = await gw.gql<any>(
      `mutation ($input: LoginInput!) { login(input: $input) {
        ... on AuthPayload { user { email memberships { roles company { name } } } } } }`,
      { input: { email: 'buyer@globex.example', password: 'demo-pass-123' } },
    );
    expect(res.data.login.user.memberships).toEqual([
      { roles: ['BUYER', 'COMPANY_ADMIN'], company: { name: 'Globex Corporation' } },
    ]);
  });

  it('shows roles: seller staff, company approvers with departments, platform admin', async () => {
    const staff = await gw.gql<any>(ME, {}, await gw.login('sales@north-dairy.example'));
    expect(staff.data.me.seller.slug).toBe('north-dairy');
    const finance = await gw.gql<any>(ME, {}, await gw.login('finance@acme.example'));
    expect(finance.data.me.memberships).toEqual([
      {
        roles: ['APPROVER'],
        department: 'FINANCE',
        company: { name: 'Acme Trading Co.', status: 'VERIFIED' },
      },
    ]);
    const admin = await gw.gql<any>(ME, {}, await gw.login('admin@marketgate.example'));
    expect(admin.data.me.isPlatformAdmin).toBe(true);
  });
});

describe('companies', () => {
  const REGISTER_COMPANY = `mutation ($input: RegisterCompanyInput!) { registerCompany(input: $input) {
    __typename ... on Company { id status } ... on ErrorResult { errorCode } } }`;
  const REVIEW = `mutation ($input: ReviewCompanyInput!) { reviewCompany(input: $input) {
    __typename ... on Company { status verifiedAt } ... on ErrorResult { errorCode } } }`;
  const PRICE =
    '{ products(first: 1, sort: PRICE_DESC) { edges { node { variants { price(quantity: 200) { source } } } } } }';

  it('stays pending until a platform admin verifies it; then its members see tier prices', async () => {
    const reg = await gw.gql<any>(REGISTER, {
      input: { email: 'owner@initech.example', password: 'long-enough-1', name: 'Owner' },
    });
    const owner = reg.data.register.token;
    const company = await gw.gql<any>(
      REGISTER_COMPANY,
      { input: { name: 'Initech', registrationNumber: 'CN-INI-9' } },
      owner,
    );
    expect(company.data.registerCompany).toMatchObject({
      __typename: 'Company',
      status: 'PENDING',
    });
    const dup = await gw.gql<any>(
      REGISTER_COMPANY,
      { input: { name: 'Copy', registrationNumber: 'cn-ini-9' } },
      owner,
    );
    expect(dup.data.registerCompany.errorCode).toBe('ALREADY_EXISTS');

    expect(
      (await gw.gql<any>(PRICE, {}, owner)).data.products.edges[0].node.variants[0].price.source,
    ).toBe('LIST');
    const id = company.data.registerCompany.id;
    const byConsumer = await gw.gql<any>(
      REVIEW,
      { input: { companyId: id, decision: 'VERIFY' } },
      await gw.login('alice@marketgate.example'),
    );
    expect(errorCode(byConsumer)).toBe('FORBIDDEN');
    const anonymous = await gw.gql<any>(REVIEW, { input: { companyId: id, decision: 'VERIFY' } });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');

    const admin = await gw.login('admin@marketgate.example');
    const verified = await gw.gql<any>(
      REVIEW,
      { input: { companyId: id, decision: 'VERIFY' } },
      admin,
    );
    expect(verified.data.reviewCompany.status).toBe('VERIFIED');
    const twice = await gw.gql<any>(
      REVIEW,
      { input: { companyId: id, decision: 'REJECT' } },
      admin,
    );
    expect(twice.data.reviewCompany.errorCode).toBe('INVALID_STATE');
    expect(
      (await gw.gql<any>(PRICE, {}, owner)).data.products.edges[0].node.variants[0].price.source,
    ).toBe('TIER');
  });

  it('lets a company admin invite members and set roles, and no one else', async () => {
    const INVITE = `mutation ($input: InviteCompanyMemberInput!) { inviteCompanyMember(input: $input) {
      __typename ... on InvitationPayload { token invitation { email roles department } }
      ... on CompanyMember { id roles } ... on ErrorResult { errorCode } } }`;
    const acmeAdmin = await gw.login('admin@acme.example');
    const companies = await gw.gql<any>(
      '{ companies { id name members { user { email } } } }',
      {},
      acmeAdmin,
    );
    const acme = companies.data.companies[0];
    expect(acme.members.length).toBe(7);

    const invite = await gw.gql<any>(
      INVITE,
      {
        input: {
          companyId: acme.id,
          email: 'new@acme.example',
          roles: ['APPROVER'],
          department: 'FINANCE',
        },
      },
      acmeAdmin,
    );
    expect(invite.data.inviteCompanyMember.__typename).toBe('InvitationPayload');
    const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
      __typename ... on AuthPayload { token } ... on ErrorResult { errorCode } } }`;
    const accepted = await gw.gql<any>(ACCEPT, {
      input: {
        token: invite.data.inviteCompanyMember.token,
        name: 'New Approver',
        password: 'long-enough-1',
      },
    });
    expect(accepted.data.acceptInvitation.__typename).toBe('AuthPayload');
    const reused = await gw.gql<any>(ACCEPT, {
      input: { token: invite.data.inviteCompanyMember.token, name: 'X', password: 'long-enough-1' },
    });
    expect(reused.data.acceptInvitation.errorCode).toBe('INVITATION_INVALID');
    const me = await gw.gql<any>(ME, {}, accepted.data.acceptInvitation.token);
    expect(me.data.me.memberships[0]).toMatchObject({ roles: ['APPROVER'], department: 'FINANCE' });

    const existing = await gw.gql<any>(
      INVITE,
      { input: { companyId: acme.id, email: 'alice@marketgate.example', roles: ['BUYER'] } },
      acmeAdmin,
    );
    expect(existing.data.inviteCompanyMember.__typename).toBe('CompanyMember');

    const noDept = await gw.gql<any>(
      INVITE,
      { input: { companyId: acme.id, email: 'x@acme.example', roles: ['APPROVER'] } },
      acmeAdmin,
    );
    expect(errorCode(noDept)).toBe('BAD_USER_INPUT');
    const byBuyer = await gw.gql<any>(
      INVITE,
      { input: { companyId: acme.id, email: 'y@acme.example', roles: ['BUYER'] } },
      await gw.login('buyer@acme.example'),
    );
    expect(errorCode(byBuyer)).toBe('FORBIDDEN');
    const otherCompany = await gw.gql<any>(
      INVITE,
      { input: { companyId: acme.id, email: 'z@acme.example', roles: ['BUYER'] } },
      await gw.login('buyer@globex.example'),
    );
    expect(errorCode(otherCompany)).toBe('FORBIDDEN');

    const SET = `mutation ($input: SetCompanyMemberRolesInput!) { setCompanyMemberRoles(input: $input) {
      __typename ... on CompanyMember { roles } ... on ErrorResult { errorCode } } }`;
    const adminMember = (
      await gw.gql<any>('{ companies { members { id user { email } } } }', {}, acmeAdmin)
    ).data.companies[0].members.find((m: any) => m.user.email === 'admin@acme.example');
    const lastAdmin = await gw.gql<any>(
      SET,
      { input: { memberId: adminMember.id, roles: ['BUYER'] } },
      acmeAdmin,
    );
    expect(lastAdmin.data.setCompanyMemberRoles.errorCode).toBe('INVALID_STATE');
  });
});

describe('sellers', () => {
  it('are created by platform admins, who invite their staff', async () => {
    const admin = await gw.login('admin@marketgate.example');
    const CREATE = `mutation ($input: CreateSellerInput!) { createSeller(input: $input) {
      __typename ... on Seller { id slug } ... on ErrorResult { errorCode } } }`;
    const created = await gw.gql<any>(
      CREATE,
      { input: { name: 'Tea House', slug: 'tea-house' } },
      admin,
    );
    expect(created.data.createSeller.__typename).toBe('Seller');
    expect(
      (await gw.gql<any>(CREATE, { input: { name: 'Tea', slug: 'tea-house' } }, admin)).data
        .createSeller.errorCode,
    ).toBe('ALREADY_EXISTS');
    expect(
      errorCode(
        await gw.gql<any>(
          CREATE,
          { input: { name: 'Nope', slug: 'nope' } },
          await gw.login('sales@office-hub.example'),
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await gw.gql<any>(CREATE, { input: { name: 'Bad', slug: 'Bad Slug!' } }, admin)),
    ).toBe('BAD_USER_INPUT');

    const INVITE = `mutation ($input: InviteSellerStaffInput!) { inviteSellerStaff(input: $input) {
      __typename ... on InvitationPayload { token } ... on ErrorResult { errorCode } } }`;
    const invite = await gw.gql<any>(
      INVITE,
      { input: { sellerId: created.data.createSeller.id, email: 'staff@tea.example' } },
      admin,
    );
    expect(invite.data.inviteSellerStaff.__typename).toBe('InvitationPayload');
    const other = await gw.gql<any>(
      INVITE,
      { input: { sellerId: created.data.createSeller.id, email: 'spy@tea.example' } },
      await gw.login('sales@office-hub.example'),
    );
    expect(errorCode(other)).toBe('FORBIDDEN');
  });
});
