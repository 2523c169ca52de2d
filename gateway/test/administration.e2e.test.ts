import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let admin: string;
beforeAll(async () => {
  gw = await startGateway();
  admin = await gw.login('admin@marketgate.example');
});
afterAll(() => gw?.stop());

type Fields = Record<string, any>;

async function mutate(query: string, variables: Fields, token: string): Promise<Fields> {
  const res = await gw.gql<Fields>(query, variables, token);
  if (res.errors) throw new Error(res.raw);
  return Object.values(res.data)[0] as Fields;
}

describe('company admins', () => {
  const INVITE = `mutation ($input: InviteCompanyMemberInput!) { inviteCompanyMember(input: $input) {
    __typename ... on InvitationPayload { token } ... on ErrorResult { errorCode } } }`;
  const INVITATIONS = '{ companies { id invitations { email roles department expiresAt } } }';

  it('see their company’s pending invitations; accepted and expired ones drop out', async () => {
    const acmeAdmin = await gw.login('admin@acme.example');
    const acme = (await gw.gql<Fields>(INVITATIONS, {}, acmeAdmin)).data.companies[0];
    expect(acme.invitations).toEqual([]);
    const tokens: string[] = [];
    for (const email of ['first@acme.example', 'second@acme.example', 'third@acme.example']) {
      const invited = await mutate(
        INVITE,
        { input: { companyId: acme.id, email, roles: ['APPROVER'], department: 'FINANCE' } },
        acmeAdmin,
      );
      expect(invited.__typename).toBe('InvitationPayload');
      tokens.push(invited.token);
    }
    const accepted = await mutate(
      `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { __typename } }`,
      { input: { token: tokens[1], name: 'Second', password: 'long-enough-1' } },
      acmeAdmin,
    );
    expect(accepted.__typename).toBe('AuthPayload');
    const pending = (await gw.gql<Fields>(INVITATIONS, {}, acmeAdmin)).data.companies[0];
    expect(pending.invitations).toMatchObject([
      { email: 'third@acme.example', roles: ['APPROVER'], department: 'FINANCE' },
      { email: 'first@acme.example' },
    ]);

    const inEightDays = new Date(Date.now() + 8 * 86400_000);
    const later = await gw.gql<Fields>(INVITATIONS, {}, acmeAdmin, inEightDays);
    expect(later.data.companies[0].invitations).toEqual([]);

    const buyer = await gw.login('buyer@acme.example');
    expect((await gw.gql<Fields>(INVITATIONS, {}, buyer)).data.companies[0].invitations).toEqual(
      [],
    );
  });
});

describe('platform admins', () => {
  const REGISTER_COMPANY = `mutation ($input: RegisterCompanyInput!) { registerCompany(input: $input) {
    __typename ... on Company { id } } }`;
  const REVIEW = `mutation ($input: ReviewCompanyInput!) { reviewCompany(input: $input) {
    __typename ... on Company { status } ... on ErrorResult { errorCode } } }`;

  it('reject a pending company only with a reason', async () => {
    const alice = await gw.login('alice@marketgate.example');
    const company = await mutate(
      REGISTER_COMPANY,
      { input: { name: 'Shady Imports', registrationNumber: 'CN-SHADY-1' } },
      alice,
    );
    const queue = await gw.gql<Fields>('{ companies(status: PENDING) { id name } }', {}, admin);
    expect(queue.data.companies).toContainEqual({ id: company.id, name: 'Shady Imports' });

    const silent = await gw.gql<Fields>(
      REVIEW,
      { input: { companyId: company.id, decision: 'REJECT', reason: '  ' } },
      admin,
    );
    expect(errorCode(silent)).toBe('BAD_USER_INPUT');
    expect(silent.errors?.[0]?.extensions?.fields).toEqual([
      {
        path: 'reason',
        messages: ['Say why the company is rejected'],
        problems: [{ code: 'REQUIRED', params: {} }],
      },
    ]);
    const rejected = await mutate(
      REVIEW,
      {
        input: { companyId: company.id, decision: 'REJECT', reason: 'Registration not found' },
      },
      admin,
    );
    expect(rejected.status).toBe('REJECTED');
    expect(
      (await gw.gql<Fields>('{ companies(status: PENDING) { id } }', {}, admin)).data.companies,
    ).not.toContainEqual({ id: company.id });
  });

  const CATEGORY = `__typename ... on Category { id name slug parentId position }
    ... on ErrorResult { errorCode message }`;
  const CREATE_CATEGORY = `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { ${CATEGORY} } }`;
  const UPDATE_CATEGORY = `mutation ($input: UpdateCategoryInput!) { updateCategory(input: $input) { ${CATEGORY} } }`;

  it('rename and move categories with their subcategories; product filters follow', async () => {
    const refs = await gw.gql<Fields>('{ categories { id slug } sellers { id slug } }');
    const categoryId = (slug: string): string =>
      refs.data.categories.find((c: Fields) => c.slug === slug).id;
    const top = await mutate(CREATE_CATEGORY, { input: { name: 'Frozen', slug: 'frozen' } }, admin);
    const child = await mutate(
      CREATE_CATEGORY,
      { input: { name: 'Ice cream', slug: 'ice-cream', parentId: top.id } },
      admin,
    );
    const dairy = await gw.login('sales@north-dairy.example');
    const product = await mutate(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { ... on Product { id } } }`,
      { input: { categoryId: child.id, name: 'Vanilla Tub' } },
      dairy,
    );
    const under = async (id: string): Promise<string[]> => {
      const res = await gw.gql<Fields>(
        'query ($id: ID!) { products(first: 50, filter: { categoryId: $id, status: DRAFT }) { edges { node { id } } } }',
        { id },
        admin,
      );
      return res.data.products.edges.map((e: Fields) => e.node.id);
    };
    expect(await under(categoryId('dairy'))).not.toContain(product.id);

    const moved = await mutate(
      UPDATE_CATEGORY,
      {
        input: {
          id: top.id,
          name: 'Frozen food',
          slug: 'frozen-food',
          parentId: categoryId('dairy'),
          position: 3,
        },
      },
      admin,
    );
    expect(moved).toMatchObject({
      __typename: 'Category',
      name: 'Frozen food',
      slug: 'frozen-food',
      parentId: categoryId('dairy'),
      position: 3,
    });
    expect(await under(categoryId('dairy'))).toContain(product.id);
    expect(await under(top.id)).toContain(product.id);

    const intoOwnChild = await mutate(
      UPDATE_CATEGORY,
      {
        input: { id: top.id, name: 'Frozen', slug: 'frozen-food', parentId: child.id, position: 0 },
      },
      admin,
    );
    expect(intoOwnChild.errorCode).toBe('INVALID_STATE');
    const taken = await mutate(
      UPDATE_CATEGORY,
      { input: { id: child.id, name: 'Ice', slug: 'dairy', parentId: top.id, position: 0 } },
      admin,
    );
    expect(taken).toMatchObject({ errorCode: 'ALREADY_EXISTS' });
    const toTop = await mutate(
      UPDATE_CATEGORY,
      { input: { id: top.id, name: 'Frozen', slug: 'frozen', parentId: null, position: 0 } },
      admin,
    );
    expect(toTop.parentId).toBeNull();
    expect(await under(categoryId('dairy'))).not.toContain(product.id);
    expect(await under(top.id)).toContain(product.id);

    const bySeller = await gw.gql<Fields>(
      UPDATE_CATEGORY,
      { input: { id: top.id, name: 'Mine', slug: 'mine', parentId: null, position: 0 } },
      dairy,
    );
    expect(errorCode(bySeller)).toBe('FORBIDDEN');
  });

  it('archive any shop’s product, but only with a reason', async () => {
    const sellers = await gw.gql<Fields>('{ sellers { id slug } }');
    const sellerId = sellers.data.sellers.find((s: Fields) => s.slug === 'north-dairy').id;
    const products = await gw.gql<Fields>(
      'query ($sellerId: ID!) { products(first: 2, filter: { sellerId: $sellerId }) { edges { node { id } } } }',
      { sellerId },
    );
    const [first, second] = products.data.products.edges.map((e: Fields) => e.node);
    const ARCHIVE = `mutation ($id: ID!, $reason: String) { archiveProduct(id: $id, reason: $reason) {
      __typename ... on Product { status } ... on ErrorResult { errorCode } } }`;
    const unexplained = await gw.gql<Fields>(ARCHIVE, { id: first.id }, admin);
    expect(errorCode(unexplained)).toBe('BAD_USER_INPUT');
    expect(unexplained.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('reason');
    expect(
      (await mutate(ARCHIVE, { id: first.id, reason: 'Misleading health claims' }, admin)).status,
    ).toBe('ARCHIVED');
    const again = await mutate(ARCHIVE, { id: first.id, reason: 'Again' }, admin);
    expect(again.errorCode).toBe('INVALID_STATE');

    // The shop's own staff archive their products without having to say why.
    const staff = await gw.login('sales@north-dairy.example');
    expect((await mutate(ARCHIVE, { id: second.id }, staff)).status).toBe('ARCHIVED');
  });
});
