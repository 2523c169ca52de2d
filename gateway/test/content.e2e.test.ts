import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startGateway, type TestGateway } from './harness.js';
import {
  addToCart,
  checkout,
  registerConsumer,
  setAvailable,
  variantOf,
  type SellableVariant,
} from './shop.js';

type Fields = Record<string, any>;
type Placement = 'STOREFRONT_HOME' | 'PRODUCT_PAGE' | 'CART' | 'PORTAL_DASHBOARD';

const DAY = 86_400_000;
/** The suite's "today": whole seconds, so that both databases keep its instants exactly. */
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * DAY);
const at = (ms: number) => new Date(T0.getTime() + ms);

let gw: TestGateway;
const token: Record<string, string> = {};
const ids: Record<string, string> = {};
const variants: Record<string, SellableVariant> = {};

async function ask(who: string | null, query: string, variables: Fields = {}, when?: Date) {
  const res = await gw.gql<Fields>(query, variables, who ? token[who] : undefined, when);
  if (res.errors) throw new Error(res.raw);
  return res.data;
}

const CREATE = `mutation ($input: CreateContentBlockInput!) { createContentBlock(input: $input) {
  __typename ... on ContentBlock { id } ... on ErrorResult { errorCode message } } }`;

/** A block of `who`'s: active, for everyone, unless `input` says otherwise. */
function blockInput(input: Fields): Fields {
  return {
    kind: 'BANNER',
    placement: 'STOREFRONT_HOME',
    status: 'ACTIVE',
    target: { everyone: true },
    ...input,
  };
}

async function createBlock(who: string, input: Fields): Promise<string> {
  const res = await gw.gql<Fields>(CREATE, { input: blockInput(input) }, token[who]);
  expect(res.data?.createContentBlock?.__typename, res.raw).toBe('ContentBlock');
  return res.data.createContentBlock.id;
}

/** The titles `who` (null: a guest) sees in a placement, as of `when`. */
async function placed(who: string | null, placement: Placement, when = T0, first = 10) {
  const data = await ask(
    who,
    `query ($p: ContentPlacement!, $first: Int!) {
      placedContent(placement: $p, first: $first) { title } }`,
    { p: placement, first },
    when,
  );
  return data.placedContent.map((b: Fields) => b.title);
}

async function createSegment(who: string, accountType: string, rule: Fields): Promise<string> {
  const data = await ask(
    who,
    `mutation ($input: CreateSegmentInput!) { createSegment(input: $input) {
      __typename ... on Segment { id } } }`,
    { input: { name: `segment ${randomUUID().slice(0, 8)}`, accountType, rule } },
  );
  expect(data.createSegment.__typename).toBe('Segment');
  return data.createSegment.id;
}

async function tag(who: string, account: Fields, text: string) {
  const data = await ask(
    who,
    `mutation ($input: AccountTagInput!) { tagAccount(input: $input) { __typename } }`,
    { input: { account, tag: text } },
  );
  expect(data.tagAccount.__typename).not.toBe('NotFoundError');
}

/** A new consumer who ordered once from each seller named. */
async function consumer(who: string, ...sellers: string[]) {
  token[who] = await registerConsumer(gw);
  for (const seller of sellers) {
    await addToCart(gw, variants[seller]!.id, 1, token[who]);
    expect((await checkout(gw, token[who]!)).data.checkout.__typename).toBe('CheckoutSuccess');
  }
  ids[who] = (await ask(who, '{ me { id } }')).me.id;
  return { type: 'CONSUMER', id: ids[who] };
}

/** The BAD_USER_INPUT fields of a refused create, as path -> problem codes. */
async function refusal(who: string, input: Fields): Promise<Record<string, string[]>> {
  const res = await gw.gql<Fields>(CREATE, { input: blockInput(input) }, token[who]);
  expect(errorCode(res), res.raw).toBe('BAD_USER_INPUT');
  const fields = res.errors![0]!.extensions!.fields!;
  return Object.fromEntries(fields.map((f) => [f.path, f.problems.map((p) => p.code)]));
}

beforeAll(async () => {
  gw = await startGateway({ SWEEP_INTERVAL_SECONDS: '0' });
  const logins = {
    admin: 'admin@marketgate.example',
    dairy: 'sales@north-dairy.example',
    office: 'sales@office-hub.example',
  };
  for (const [who, email] of Object.entries(logins)) token[who] = await gw.login(email);
  for (const [who, slug] of [
    ['dairy', 'north-dairy'],
    ['office', 'office-hub'],
  ] as const) {
    variants[who] = await variantOf(gw, slug);
    await setAvailable(gw, token[who]!, variants[who]!, 10_000);
  }
});
afterAll(() => gw?.stop());

describe('targeting', () => {
  const account: Record<string, Fields> = {};
  let firstTimers: string;

  beforeAll(async () => {
    account.first = await consumer('first', 'dairy');
    account.loyal = await consumer('loyal', 'dairy', 'dairy');
    account.officeOnly = await consumer('officeOnly', 'office');
    firstTimers = await createSegment('dairy', 'CONSUMER', { kind: 'FIRST_TIME_BUYER' });
    await tag('dairy', account.loyal, 'Loyal');
    await createBlock('dairy', {
      title: 'welcome back',
      priority: 30,
      target: { segmentIds: [firstTimers] },
    });
    await createBlock('dairy', {
      kind: 'PRODUCT_SLOT',
      title: 'for loyal buyers',
      priority: 20,
      productIds: [variants.dairy!.productId],
      target: { tags: [' LOYAL '] },
    });
    await createBlock('admin', { title: 'for everyone', priority: 10 });
  });

  it('shows a block to the accounts of its segments or tags, and everyone blocks to all', async () => {
    expect(await placed('first', 'STOREFRONT_HOME')).toEqual(['welcome back', 'for everyone']);
    expect(await placed('loyal', 'STOREFRONT_HOME')).toEqual(['for loyal buyers', 'for everyone']);
    expect(await placed('officeOnly', 'STOREFRONT_HOME')).toEqual(['for everyone']);
    expect(await placed(null, 'STOREFRONT_HOME')).toEqual(['for everyone']);
    // Seller staff and admins are not consumers: they see what everyone sees.
    expect(await placed('dairy', 'STOREFRONT_HOME')).toEqual(['for everyone']);
    // Another placement shows none of them.
    expect(await placed('first', 'CART')).toEqual([]);
  });

  it('shows a slot with its products, and its targeting only to those who keep it', async () => {
    const query = `{ placedContent(placement: STOREFRONT_HOME) { kind title
      products { id } target { everyone tags } } }`;
    const data = await ask('loyal', query);
    expect(data.placedContent[0]).toEqual({
      kind: 'PRODUCT_SLOT',
      title: 'for loyal buyers',
      products: [{ id: variants.dairy!.productId }],
      target: null,
    });
  });

  it('keeps a slot product off sale for its editors, and shows only those on sale', async () => {
    const { categories } = await ask('dairy', '{ categories { id } }');
    const draft = await ask(
      'dairy',
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) {
        ... on Product { id status } } }`,
      { input: { name: `Not yet on sale ${randomUUID()}`, categoryId: categories[0].id } },
    );
    expect(draft.createProduct.status).toBe('DRAFT');
    const id = await createBlock('dairy', {
      kind: 'PRODUCT_SLOT',
      title: 'coming soon',
      productIds: [draft.createProduct.id, variants.dairy!.productId],
      status: 'DRAFT',
    });
    const query = `query ($id: ID!) { contentBlock(id: $id) { products { id } chosenProducts { id } } }`;
    expect((await ask('dairy', query, { id })).contentBlock).toEqual({
      products: [{ id: variants.dairy!.productId }],
      chosenProducts: [{ id: draft.createProduct.id }, { id: variants.dairy!.productId }],
    });
    const preview = await ask(
      'dairy',
      `query ($a: AccountInput!) { previewContentAs(placement: STOREFRONT_HOME, account: $a,
        includeDrafts: true, first: 10) { title chosenProducts { id } } }`,
      { a: account.loyal },
    );
    expect(preview.previewContentAs.find((b: Fields) => b.title === 'coming soon')).toEqual({
      title: 'coming soon',
      chosenProducts: [{ id: draft.createProduct.id }, { id: variants.dairy!.productId }],
    });
    const seen = await ask(
      'loyal',
      '{ placedContent(placement: STOREFRONT_HOME, first: 10) { title chosenProducts { id } } }',
    );
    expect(seen.placedContent.every((b: Fields) => b.chosenProducts === null)).toBe(true);
    await ask('dairy', 'mutation ($id: ID!) { archiveContentBlock(id: $id) { __typename } }', {
      id,
    });
  });

  it('lets editors preview as one of their accounts', async () => {
    const preview = async (who: string, of: Fields, includeDrafts = false) =>
      (
        await ask(
          who,
          `query ($a: AccountInput!, $d: Boolean!) { previewContentAs(placement: STOREFRONT_HOME,
            account: $a, includeDrafts: $d, first: 10) { title target { everyone tags segments { id } } } }`,
          { a: of, d: includeDrafts },
        )
      ).previewContentAs as Fields[];
    const mine = await preview('dairy', account.first!);
    expect(mine).toEqual([
      {
        title: 'welcome back',
        target: { everyone: false, tags: [], segments: [{ id: firstTimers }] },
      },
    ]);
    // Not a customer of the dairy: nothing, as for an unknown account.
    expect(await preview('dairy', account.officeOnly!)).toEqual([]);
    expect((await preview('admin', account.loyal!)).map((b) => b.title)).toEqual([
      'for loyal buyers',
      'for everyone',
    ]);
    await createBlock('dairy', {
      title: 'draft',
      status: 'DRAFT',
      priority: 99,
      target: { segmentIds: [firstTimers] },
    });
    expect((await preview('dairy', account.first!, true)).map((b) => b.title)).toEqual([
      'draft',
      'welcome back',
    ]);
    expect(await placed('first', 'STOREFRONT_HOME')).toEqual(['welcome back', 'for everyone']);
  });

  it('costs the same statements however many targeted blocks there are', async () => {
    const cost = async () =>
      (
        await gw.gql<Fields>(
          '{ placedContent(placement: STOREFRONT_HOME, first: 10) { title products { id } } }',
          {},
          token.loyal,
        )
      ).extensions?.sqlStatements;
    const before = await cost();
    for (let i = 0; i < 5; i++) {
      const segment = await createSegment('office', 'CONSUMER', { kind: 'LAPSED', days: 1 + i });
      await createBlock('office', { title: `office ${i}`, target: { segmentIds: [segment] } });
      await createBlock('dairy', { title: `tagged ${i}`, target: { tags: [`tag ${i}`] } });
      await createBlock('admin', {
        kind: 'PRODUCT_SLOT',
        title: `slot ${i}`,
        productIds: [variants.office!.productId],
        target: { tags: ['loyal'] },
      });
    }
    // The session, then the candidates, their segments, the viewer's tags, one membership
    // statement and the slots' products.
    expect(before).toBeLessThanOrEqual(6);
    expect(await cost()).toBe(before);
  });
});

describe('schedule, status and priority', () => {
  it('shows a block from its start (included) until its end (excluded)', async () => {
    await createBlock('admin', {
      placement: 'CART',
      title: 'tomorrow only',
      startsAt: at(DAY).toISOString(),
      endsAt: at(2 * DAY).toISOString(),
    });
    expect(await placed(null, 'CART', at(DAY - 1000))).toEqual([]);
    expect(await placed(null, 'CART', at(DAY))).toEqual(['tomorrow only']);
    expect(await placed(null, 'CART', at(2 * DAY - 1000))).toEqual(['tomorrow only']);
    expect(await placed(null, 'CART', at(2 * DAY))).toEqual([]);
  });

  it('shows the highest priority first, the newest first among equals, at most `first`', async () => {
    for (const [title, priority] of [
      ['low, older', 5],
      ['high', 50],
      ['low, newer', 5],
    ] as const) {
      await createBlock('office', { placement: 'PRODUCT_PAGE', title, priority });
    }
    expect(await placed(null, 'PRODUCT_PAGE')).toEqual(['high', 'low, newer', 'low, older']);
    expect(await placed(null, 'PRODUCT_PAGE', T0, 2)).toEqual(['high', 'low, newer']);
  });

  it('hides drafts and archived blocks; an archived block cannot change', async () => {
    const id = await createBlock('dairy', { placement: 'CART', title: 'soon', status: 'DRAFT' });
    expect(await placed(null, 'CART')).toEqual([]);
    const UPDATE = `mutation ($input: UpdateContentBlockInput!) { updateContentBlock(input: $input) {
      __typename ... on ContentBlock { status title } } }`;
    const update = (title: string) =>
      ask('dairy', UPDATE, {
        input: { id, placement: 'CART', title, status: 'ACTIVE', target: { everyone: true } },
      });
    expect((await update('now')).updateContentBlock).toMatchObject({ status: 'ACTIVE' });
    expect(await placed(null, 'CART')).toEqual(['now']);
    const archived = await ask(
      'dairy',
      `mutation ($id: ID!) { archiveContentBlock(id: $id) { __typename ... on ContentBlock { status } } }`,
      { id },
    );
    expect(archived.archiveContentBlock.status).toBe('ARCHIVED');
    expect(await placed(null, 'CART')).toEqual([]);
    expect((await update('again')).updateContentBlock.__typename).toBe('InvalidStateError');
  });
});

describe('companies on the portal dashboard', () => {
  it("shows a company's members the blocks for its segments", async () => {
    const company = async (who: string) => {
      token[who] = await registerConsumer(gw);
      const created = await ask(
        who,
        `mutation ($input: RegisterCompanyInput!) { registerCompany(input: $input) {
          ... on Company { id } } }`,
        { input: { name: `${who} Ltd`, registrationNumber: `T-${randomUUID().slice(0, 12)}` } },
      );
      return { type: 'COMPANY', id: created.registerCompany.id as string };
    };
    const key = await company('keyBuyer');
    await company('otherBuyer');
    await tag('admin', key, 'key account');
    const segment = await createSegment('admin', 'COMPANY', {
      kind: 'HAS_TAG',
      tag: 'key account',
    });
    await createBlock('admin', {
      placement: 'PORTAL_DASHBOARD',
      title: 'renew early',
      target: { segmentIds: [segment] },
    });
    expect(await placed('keyBuyer', 'PORTAL_DASHBOARD')).toEqual(['renew early']);
    expect(await placed('otherBuyer', 'PORTAL_DASHBOARD')).toEqual([]);
    expect(await placed('first', 'PORTAL_DASHBOARD')).toEqual([]);
    // A company segment cannot target storefront consumers.
    expect(await refusal('admin', { title: 'x', target: { segmentIds: [segment] } })).toEqual({
      'input.target.segmentIds.0': ['NOT_APPLICABLE'],
    });
  });
});

describe('owners', () => {
  let dairyBlock: string;
  let officeSegment: string;

  beforeAll(async () => {
    dairyBlock = await createBlock('dairy', {
      placement: 'CART',
      title: 'dairy only',
      status: 'DRAFT',
    });
    officeSegment = await createSegment('office', 'CONSUMER', { kind: 'FIRST_TIME_BUYER' });
  });

  it("lets a shop name only its own segments and products; the platform anyone's", async () => {
    expect(await refusal('dairy', { title: 'x', target: { segmentIds: [officeSegment] } })).toEqual(
      { 'input.target.segmentIds.0': ['NOT_FOUND'] },
    );
    expect(
      await refusal('dairy', {
        kind: 'PRODUCT_SLOT',
        title: 'x',
        productIds: [variants.dairy!.productId, variants.office!.productId],
      }),
    ).toEqual({ 'input.productIds.1': ['NOT_FOUND'] });
    await createBlock('admin', {
      kind: 'PRODUCT_SLOT',
      title: 'platform picks',
      status: 'DRAFT',
      productIds: [variants.dairy!.productId, variants.office!.productId],
      target: { segmentIds: [officeSegment] },
    });
  });

  it('lists and changes only your own blocks; admins every block', async () => {
    const list = async (who: string) =>
      (
        await ask(
          who,
          '{ contentBlocks(first: 100) { totalCount edges { node { id seller { slug } } } } }',
        )
      ).contentBlocks as Fields;
    const dairy = await list('dairy');
    expect(dairy.edges.every((e: Fields) => e.node.seller?.slug === 'north-dairy')).toBe(true);
    expect(dairy.edges.map((e: Fields) => e.node.id)).toContain(dairyBlock);
    expect((await list('office')).edges.map((e: Fields) => e.node.id)).not.toContain(dairyBlock);
    const all = await list('admin');
    expect(all.totalCount).toBeGreaterThan(dairy.totalCount);
    expect(all.edges.map((e: Fields) => e.node.id)).toContain(dairyBlock);

    const archive = (who: string) =>
      ask(who, 'mutation ($id: ID!) { archiveContentBlock(id: $id) { __typename } }', {
        id: dairyBlock,
      });
    expect((await archive('office')).archiveContentBlock.__typename).toBe('NotFoundError');
    const byId = await ask('office', `query ($id: ID!) { contentBlock(id: $id) { id } }`, {
      id: dairyBlock,
    });
    expect(byId.contentBlock).toBeNull();
    expect((await archive('admin')).archiveContentBlock.__typename).toBe('ContentBlock');
  });

  it('refuses consumers and guests as editors', async () => {
    const res = await gw.gql(CREATE, { input: blockInput({ title: 'x' }) }, token.first);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(errorCode(await gw.gql('{ contentBlocks { totalCount } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('bad input', () => {
  it('names every problem at its path', async () => {
    expect(
      await refusal('dairy', {
        title: '  ',
        status: 'ARCHIVED',
        startsAt: at(DAY).toISOString(),
        endsAt: T0.toISOString(),
        productIds: ['1'],
        target: { everyone: false, tags: ['!!'] },
      }),
    ).toEqual({
      'input.title': ['REQUIRED'],
      'input.status': ['ONE_OF'],
      'input.startsAt': ['NOT_ABOVE'],
      'input.productIds': ['NOT_APPLICABLE'],
      'input.target.tags.0': ['TAG'],
    });
    expect(await refusal('dairy', { title: 'x', target: {} })).toEqual({
      'input.target': ['REQUIRED'],
    });
    expect(
      await refusal('dairy', { title: 'x', target: { everyone: true, tags: ['vip'] } }),
    ).toEqual({ 'input.target.tags': ['NOT_APPLICABLE'] });
    expect(
      await refusal('dairy', { kind: 'PRODUCT_SLOT', title: 'x', linkUrl: 'https://x.example' }),
    ).toEqual({ 'input.linkUrl': ['NOT_APPLICABLE'], 'input.productIds': ['ITEMS_RANGE'] });
    expect(
      await refusal('dairy', {
        title: 'x',
        imageUrl: 'ftp://x',
        callToAction: 'Go',
        priority: 2000,
      }),
    ).toEqual({ imageUrl: ['URL'], priority: ['MAX'] });
    expect(await refusal('dairy', { title: 'x', callToAction: 'Go' })).toEqual({
      'input.linkUrl': ['REQUIRED'],
    });
  });
});
