import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway } from './support/gateway.js';
import { DEMO_PASSWORD, tokenOf } from './support/portal.js';

const storefrontUrl = inject('storefrontUrl');
const run = randomUUID().slice(0, 8);
const outsider = { email: `outsider-${run}@example.com`, name: 'Olivia Outsider' };
const bannerTitle = `Tea lovers' week ${run}`;

interface Typed {
  __typename: string;
  message?: string;
  id?: string;
}

interface CatalogProduct {
  id: string;
  slug: string;
  name: string;
  seller: { id: string };
  variants: { id: string; minOrderQuantity: number; stock: { available: number } }[];
}

/** As the platform admin: a consumer segment of those tagged `tag`, and a home banner for it. */
async function targetBannerAtTag(adminToken: string, tag: string): Promise<void> {
  const { createSegment } = await gateway<{ createSegment: Typed }>(
    `mutation ($input: CreateSegmentInput!) {
      createSegment(input: $input) { __typename ... on Segment { id } ... on ErrorResult { message } }
    }`,
    {
      input: {
        name: `Tea lovers ${run}`,
        accountType: 'CONSUMER',
        rule: { kind: 'HAS_TAG', tag },
      },
    },
    adminToken,
  );
  expect(createSegment, JSON.stringify(createSegment)).toMatchObject({ __typename: 'Segment' });

  const { createContentBlock } = await gateway<{ createContentBlock: Typed }>(
    `mutation ($input: CreateContentBlockInput!) {
      createContentBlock(input: $input) { __typename ... on ErrorResult { message } }
    }`,
    {
      input: {
        kind: 'BANNER',
        placement: 'STOREFRONT_HOME',
        title: bannerTitle,
        body: 'A new harvest, picked for our regulars.',
        linkUrl: 'https://marketgate.example/tea-week',
        callToAction: 'See the teas',
        target: { segmentIds: [createSegment.id] },
        priority: 500,
        status: 'ACTIVE',
      },
    },
    adminToken,
  );
  expect(createContentBlock, JSON.stringify(createContentBlock)).toMatchObject({
    __typename: 'ContentBlock',
  });
}

/** Two products of one seller that can be bought together, preferably with a single variant. */
async function twoProductsOfOneSeller(): Promise<[CatalogProduct, CatalogProduct]> {
  const { products } = await gateway<{ products: { edges: { node: CatalogProduct }[] } }>(
    `{
      products(first: 100, sort: NEWEST, filter: { inStock: true }) {
        edges { node { id slug name seller { id }
          variants { id minOrderQuantity stock { available } } } }
      }
    }`,
    {},
  );
  const buyable = products.edges
    .map((edge) => edge.node)
    .filter((product) => {
      const [variant] = product.variants;
      return variant && variant.stock.available >= 4 * variant.minOrderQuantity;
    })
    .sort((a, b) => a.variants.length - b.variants.length);
  for (const first of buyable) {
    const second = buyable.find((p) => p !== first && p.seller.id === first.seller.id);
    if (second) return [first, second];
  }
  throw new Error('the demo catalog has no two buyable products of one seller');
}

/** As `token`'s consumer: one cash-on-delivery order holding both products. */
async function orderBoth(token: string, products: CatalogProduct[]): Promise<void> {
  for (const product of products) {
    const [variant] = product.variants;
    const { addToCart } = await gateway<{ addToCart: Typed }>(
      `mutation ($input: AddToCartInput!) {
        addToCart(input: $input) { __typename ... on ErrorResult { message } }
      }`,
      { input: { variantId: variant?.id, quantity: variant?.minOrderQuantity } },
      token,
    );
    expect(addToCart, JSON.stringify(addToCart)).toMatchObject({ __typename: 'Cart' });
  }
  const { checkout } = await gateway<{ checkout: Typed }>(
    `mutation ($input: CheckoutInput!) {
      checkout(input: $input) { __typename ... on ErrorResult { message } }
    }`,
    {
      input: {
        idempotencyKey: randomUUID(),
        paymentMethod: 'CASH_ON_DELIVERY',
        shippingAddress: {
          name: 'Olivia Outsider',
          phone: '138 1234 5678',
          province: 'Zhejiang',
          city: 'Hangzhou',
          district: 'Xihu',
          line1: '18 Wensan Road',
          postalCode: '310000',
        },
      },
    },
    token,
  );
  expect(checkout, JSON.stringify(checkout)).toMatchObject({ __typename: 'CheckoutSuccess' });
}

describe('personal content and cross-sell on the storefront', () => {
  let browser: Browser;
  let pair: [CatalogProduct, CatalogProduct];

  beforeAll(async () => {
    const adminToken = await tokenOf('admin@marketgate.example');
    const aliceToken = await tokenOf('alice@marketgate.example');
    const { me } = await gateway<{ me: { id: string } }>('{ me { id } }', {}, aliceToken);
    const tag = `tea lover ${run}`;
    const { tagAccount } = await gateway<{ tagAccount: Typed }>(
      `mutation ($input: AccountTagInput!) {
        tagAccount(input: $input) { __typename }
      }`,
      { input: { account: { id: me.id, type: 'CONSUMER' }, tag } },
      adminToken,
    );
    expect(tagAccount.__typename).toBe('User');
    await targetBannerAtTag(adminToken, tag);

    const { register } = await gateway<{ register: Typed & { token?: string } }>(
      `mutation ($input: RegisterInput!) {
        register(input: $input) { __typename ... on AuthPayload { token } }
      }`,
      { input: { ...outsider, password: DEMO_PASSWORD } },
    );
    expect(register.__typename).toBe('AuthPayload');
    pair = await twoProductsOfOneSeller();
    await orderBoth(register.token ?? '', pair);
    await orderBoth(register.token ?? '', pair);

    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signInAs(email: string): Promise<void> {
    const { page } = browser;
    await page.goto(storefrontUrl);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${storefrontUrl}/login?redirect=/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Featured products' }).waitFor();
  }

  /** Waits until the home page has asked for its content, then tells whether the banner shows. */
  async function homeShowsBanner(): Promise<boolean> {
    const { page } = browser;
    await page.getByTestId('product-card').first().waitFor();
    await page.getByText('Loading offers for you…').waitFor({ state: 'detached' });
    return (await page.getByRole('heading', { name: bannerTitle }).count()) === 1;
  }

  it('shows a guest no banner meant for a segment', async () => {
    await browser.page.goto(storefrontUrl);
    expect(await homeShowsBanner()).toBe(false);
  });

  it('shows alice, tagged into the segment, its banner on the home page', async () => {
    const { page } = browser;
    await signInAs('alice@marketgate.example');
    expect(await homeShowsBanner()).toBe(true);
    const banner = page.getByTestId('content-banner').filter({ hasText: bannerTitle });
    const cta = banner.getByRole('link', { name: 'See the teas' });
    expect(await cta.getAttribute('href')).toBe('https://marketgate.example/tea-week');
    await cta.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'See the teas',
    );
    await browser.screenshot('storefront-content-home-alice');
  });

  it('shows a consumer outside the segment no banner', async () => {
    await signInAs(outsider.email);
    expect(await homeShowsBanner()).toBe(false);
    await browser.screenshot('storefront-content-home-outsider');
  });

  it('shows what is often bought with a product, and cross-sells it in the cart', async () => {
    const { page } = browser;
    const [bought, withIt] = pair;
    await signInAs('alice@marketgate.example');
    await page.goto(`${storefrontUrl}/p/${bought.slug}`);
    const shelf = page.getByRole('region', { name: 'Often bought with' });
    const item = shelf.getByTestId('recommendation').filter({ hasText: withIt.name });
    await item.waitFor();
    expect(await item.getByTestId('recommendation-reason').textContent()).toMatch(
      /Bought together in \d+ orders/,
    );
    await browser.screenshot('storefront-content-often-bought-with');

    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added-to-cart').waitFor();
    await page.getByTestId('cart-link').click();
    const crossSell = page.getByRole('region', { name: 'Goes well with your cart' });
    const offer = crossSell.getByTestId('recommendation').filter({ hasText: withIt.name });
    await offer.waitFor();
    expect(await offer.getByTestId('recommendation-reason').textContent()).toMatch(
      new RegExp(
        `Bought with ${bought.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in \\d+ orders`,
      ),
    );
    await browser.screenshot('storefront-content-cart-cross-sell');
  });
});

describe('the demo’s history on the storefront', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a guest what the demo’s shoppers bought with its rice cakes', async () => {
    const { products } = await gateway<{
      products: {
        edges: { node: { slug: string; oftenBoughtWith: { product: { name: string } }[] } }[];
      };
    }>(
      `{ products(first: 1, sort: NEWEST, filter: { search: "Rice Cakes" }) {
        edges { node { slug oftenBoughtWith(first: 4) { product { name } } } } } }`,
      {},
    );
    const product = products.edges[0]?.node;
    expect(product?.oftenBoughtWith.length).toBeGreaterThan(0);
    const { page } = browser;
    await page.goto(`${storefrontUrl}/p/${product!.slug}`);
    const shelf = page.getByRole('region', { name: 'Often bought with' });
    const item = shelf
      .getByTestId('recommendation')
      .filter({ hasText: product!.oftenBoughtWith[0]!.product.name });
    await item.waitFor();
    expect(await item.getByTestId('recommendation-reason').textContent()).toMatch(
      /Bought together in \d+ orders/,
    );
  });
});
