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
    const queue = await gw.gql<Fields>(
      '{ allCompanies(first: 100, filter: { status: PENDING }) { edges { node { id name } } } }',
      {},
      admin,
    );
    expect(queue.data.allCompanies.edges).toContainEqual({
      node: { id: company.id, name: 'Shady Imports' },
    });

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
    const rejectedOnes = await gw.gql<Fields>(
      '{ allCompanies(first: 100, filter: { status: REJECTED }) { edges { node { id } } } }',
      {},
      admin,
    );
    expect(rejectedOnes.data.allCompanies.edges).toEqual([{ node: { id: company.id } }]);
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

describe('the admin lists', () => {
  const COMPANIES = `query ($first: Int, $after: String, $filter: CompanyFilter, $sort: CompanySort) {
    allCompanies(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount edges { node { id name status } } pageInfo { hasNextPage endCursor } } }`;
  const SELLERS = `query ($first: Int, $after: String, $filter: SellerFilter, $sort: SellerSort) {
    allSellers(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount edges { node { id name status } } pageInfo { hasNextPage endCursor } } }`;

  /** Every row of a list, asked two at a time; no row is missed or repeated. */
  async function everyPage(query: string, variables: Fields): Promise<Fields[]> {
    const nodes: Fields[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const res = await gw.gql<Fields>(query, { ...variables, first: 2, after }, admin);
      if (res.errors) throw new Error(res.raw);
      const page = Object.values(res.data)[0] as Fields;
      nodes.push(...page.edges.map((e: Fields) => e.node));
      total = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(nodes).toHaveLength(total);
    return nodes;
  }
  const names = (nodes: Fields[]) => nodes.map((n) => n.name);
  const ids = (nodes: Fields[]) => nodes.map((n) => n.id);

  it('page companies by registration or name, filtered by status and words', async () => {
    const alice = await gw.login('alice@marketgate.example');
    const registered: Fields[] = [];
    for (const [name, number] of [
      ['Paging Delta', 'CN-PG-4'],
      ['Paging Bravo', 'CN-PG-2'],
      ['Paging Echo', 'CN-PG-5'],
      ['Paging Alpha', 'CN-PG-1'],
      ['Paging Bravo', 'CN-PG-22'],
      ['Paging 100% Natural', 'CN-PG-100'],
    ]) {
      const company = await mutate(
        `mutation ($input: RegisterCompanyInput!) { registerCompany(input: $input) {
          ... on Company { id name status } } }`,
        { input: { name, registrationNumber: number } },
        alice,
      );
      registered.push(company);
    }
    const paging = { filter: { search: 'pAGing' } };
    const oldest = await everyPage(COMPANIES, paging);
    expect(ids(oldest)).toEqual(ids(registered));
    expect(ids(await everyPage(COMPANIES, { ...paging, sort: 'CREATED_DESC' }))).toEqual(
      ids(registered).reverse(),
    );
    const byName = await everyPage(COMPANIES, { ...paging, sort: 'NAME_ASC' });
    expect(names(byName)).toEqual([
      'Paging 100% Natural',
      'Paging Alpha',
      'Paging Bravo',
      'Paging Bravo',
      'Paging Delta',
      'Paging Echo',
    ]);
    // Equal names keep the order of their ids, both ways.
    expect(ids(byName.filter((c) => c.name === 'Paging Bravo'))).toEqual([
      registered[1]!.id,
      registered[4]!.id,
    ]);
    expect(ids(await everyPage(COMPANIES, { ...paging, sort: 'NAME_DESC' }))).toEqual(
      ids(byName).reverse(),
    );

    // Wildcards in the words are taken literally; the registration number is searched too.
    const search = async (words: string) =>
      names(await everyPage(COMPANIES, { filter: { search: words } }));
    expect(await search('0% nat')).toEqual(['Paging 100% Natural']);
    expect(await search('g%a')).toEqual([]);
    expect(await search('ging_')).toEqual([]);
    expect(await search(' cn-initech ')).toEqual(['Initech Supplies']);

    const pending = await everyPage(COMPANIES, { filter: { status: 'PENDING' }, sort: 'NAME_ASC' });
    expect(pending.every((c) => c.status === 'PENDING')).toBe(true);
    expect(names(pending)).toContain('Initech Supplies');
    expect(names(pending)).toEqual(expect.arrayContaining(names(registered)));
    const verified = await everyPage(COMPANIES, {
      filter: { status: 'VERIFIED', search: 'co' },
      sort: 'NAME_DESC',
    });
    expect(names(verified)).toEqual(['Globex Corporation', 'Acme Trading Co.']);

    // `companies` stays the signed-in user's own, for admins too.
    const own = await gw.gql<Fields>('{ companies { id } }', {}, alice);
    expect(own.data.companies.map((c: Fields) => c.id)).toEqual(
      expect.arrayContaining(ids(registered)),
    );
    expect((await gw.gql<Fields>('{ companies { id } }', {}, admin)).data.companies).toEqual([]);
  });

  it('page sellers, suspended ones too, by name or creation', async () => {
    const created: Fields[] = [];
    for (const name of ['Shop Paging C', 'Shop Paging A', 'Shop Paging B']) {
      const slug = name.toLowerCase().replaceAll(' ', '-');
      created.push(
        await mutate(
          `mutation ($input: CreateSellerInput!) { createSeller(input: $input) {
            ... on Seller { id name status } } }`,
          { input: { name, slug } },
          admin,
        ),
      );
    }
    const shops = { filter: { search: 'shop paging' } };
    const byName = await everyPage(SELLERS, shops);
    expect(names(byName)).toEqual(['Shop Paging A', 'Shop Paging B', 'Shop Paging C']);
    expect(ids(await everyPage(SELLERS, { ...shops, sort: 'NAME_DESC' }))).toEqual(
      ids(byName).reverse(),
    );
    expect(ids(await everyPage(SELLERS, { ...shops, sort: 'CREATED_ASC' }))).toEqual(ids(created));
    expect(ids(await everyPage(SELLERS, { ...shops, sort: 'CREATED_DESC' }))).toEqual(
      ids(created).reverse(),
    );
    expect(names(await everyPage(SELLERS, { filter: { search: 'NORTH-DAIRY' } }))).toEqual([
      'North Dairy',
    ]);

    const active = await everyPage(SELLERS, { filter: { status: 'ACTIVE' } });
    const everyOne = await everyPage(SELLERS, {});
    expect(ids(active)).toEqual(ids(everyOne));
    expect(await everyPage(SELLERS, { filter: { status: 'SUSPENDED' } })).toEqual([]);
  });

  it('cost a few statements, members and their users included', async () => {
    const res = await gw.gql<Fields>(
      '{ allCompanies(first: 100) { totalCount edges { node { id members { roles user { email } } } } } }',
      {},
      admin,
    );
    expect(res.data.allCompanies.edges.length).toBeGreaterThan(3);
    expect(res.extensions?.sqlStatements).toBeLessThanOrEqual(6);
  });

  it('refuse bad arguments with the field at fault', async () => {
    const refused = async (query: string, variables: Fields) => {
      const res = await gw.gql<Fields>(query, variables, admin);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      return res.errors?.[0]?.extensions?.fields?.map((f) => f.path);
    };
    expect(await refused(COMPANIES, { first: 0 })).toEqual(['first']);
    expect(await refused(SELLERS, { first: 101 })).toEqual(['first']);
    expect(await refused(COMPANIES, { after: 'not-a-cursor' })).toEqual(['after']);
    expect(await refused(SELLERS, { filter: { search: 'x'.repeat(101) } })).toEqual([
      'filter.search',
    ]);
    expect(errorCode(await gw.gql(COMPANIES, { sort: 'NEWEST' }, admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gw.gql(SELLERS, { filter: { status: 'GONE' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    // A cursor of one order does not continue another.
    const byName = await gw.gql<Fields>(COMPANIES, { first: 1, sort: 'NAME_ASC' }, admin);
    const after = byName.data.allCompanies.pageInfo.endCursor;
    expect(await refused(COMPANIES, { first: 1, after, sort: 'CREATED_ASC' })).toEqual(['after']);
  });

  it('are for platform admins only', async () => {
    for (const email of [
      'alice@marketgate.example',
      'admin@acme.example',
      'sales@north-dairy.example',
    ]) {
      const token = await gw.login(email);
      expect(errorCode(await gw.gql(COMPANIES, {}, token))).toBe('FORBIDDEN');
      expect(errorCode(await gw.gql(SELLERS, {}, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await gw.gql(COMPANIES, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gw.gql(SELLERS, {}))).toBe('UNAUTHENTICATED');
  });
});
