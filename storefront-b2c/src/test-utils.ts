import {
  urqlPlugin,
  type CartFieldsFragment,
  type CategoriesQuery,
  type MeQuery,
  type ProductBySlugQuery,
  type ProductsPageQuery,
} from '@marketgate/graphql-client';
import { createFakeGateway, type FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import { createMarketgateI18n, type SupportedLocale } from '@marketgate/ui';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, storeToRefs } from 'pinia';
import { vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { messages } from './messages';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';

/** Mounts the whole storefront at `path`, talking to a fake gateway. */
export async function renderApp(
  path: string,
  handlers: Record<string, FakeGatewayHandler>,
  locale: SupportedLocale = 'en',
) {
  const gateway = createFakeGateway(handlers);
  vi.stubGlobal('fetch', gateway.fetch);
  const pinia = createPinia();
  const session = useSessionStore(pinia);
  const router = createAppRouter(pinia, createMemoryHistory());
  await router.push(path);
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [
        pinia,
        createMarketgateI18n(messages, locale),
        router,
        [urqlPlugin, storeToRefs(session).client],
      ],
    },
  });
  await flushPromises();
  return { wrapper, router, gateway, session, pinia };
}

const cny = (amount: number) => ({ amount, currency: 'CNY' });

export const categoriesData: CategoriesQuery = {
  categories: [
    { id: '1', name: 'Tea', slug: 'tea', parentId: null, position: 0 },
    { id: '2', name: 'Green tea', slug: 'green-tea', parentId: '1', position: 0 },
    { id: '3', name: 'Paper', slug: 'paper', parentId: null, position: 1 },
  ],
};

export function productsData(
  names: string[],
  pageInfo: { hasNextPage: boolean; endCursor: string | null } = {
    hasNextPage: false,
    endCursor: null,
  },
): ProductsPageQuery {
  return {
    products: {
      edges: names.map((name, index) => ({
        cursor: `c-${name}`,
        node: {
          id: `p-${name}`,
          slug: name.toLowerCase().replace(/\s+/g, '-'),
          name,
          imageUrls: [],
          inStock: index % 2 === 0,
          priceFrom: cny(1000 + index * 100),
          seller: { id: 's1', name: 'Hangzhou Tea Co.' },
        },
      })),
      pageInfo,
      totalCount: names.length,
      facets: {
        categories: [],
        sellers: [
          { seller: { id: 's1', name: 'Hangzhou Tea Co.' }, count: 3 },
          { seller: { id: 's2', name: 'Paper Mill' }, count: 2 },
        ],
      },
    },
  };
}

export function productData(quantity = 1): ProductBySlugQuery {
  const variant = (id: string, value: string, unit: number, available: number) => ({
    id,
    sku: `SKU-${id}`,
    name: `Longjing, ${value}`,
    options: [{ name: 'Weight', value }],
    listPrice: cny(unit),
    minOrderQuantity: 1,
    orderIncrement: 1,
    stock: { available, inStock: available > 0 },
    tiers: [],
    price: {
      quantity,
      unitPrice: cny(unit),
      total: cny(unit * quantity),
      source: 'LIST' as const,
      ruleId: null,
    },
  });
  return {
    product: {
      id: 'p1',
      slug: 'longjing',
      name: 'Longjing',
      description: 'Pan-fired green tea.',
      imageUrls: [],
      inStock: true,
      attributes: [{ name: 'Origin', value: 'Hangzhou' }],
      seller: { id: 's1', name: 'Hangzhou Tea Co.' },
      category: { id: '2', name: 'Green tea', slug: 'green-tea' },
      variants: [variant('v1', '100 g', 5800, 40), variant('v2', '250 g', 12800, 3)],
    },
  };
}

export interface TestLine {
  id: string;
  name: string;
  seller: 'north' | 'office';
  quantity: number;
  unit: number;
  available?: number;
}

const sellers = {
  north: { id: 's-north', name: 'North Dairy' },
  office: { id: 's-office', name: 'Office Hub' },
};

/** A cart as the gateway answers it: lines grouped per seller, a 5.00 COD fee per group. */
export function cartData(
  lines: TestLine[],
  token: string | null = 'guest-1',
): CartFieldsFragment & { __typename: 'Cart' } {
  const groups = (['north', 'office'] as const)
    .map((key) => ({ key, lines: lines.filter((line) => line.seller === key) }))
    .filter((group) => group.lines.length > 0)
    .map(({ key, lines: own }) => {
      const items = own.reduce((sum, line) => sum + line.unit * line.quantity, 0);
      return {
        seller: sellers[key],
        lines: own.map((line) => ({
          id: line.id,
          quantity: line.quantity,
          available: line.available ?? 50,
          unitPrice: cny(line.unit),
          lineTotal: cny(line.unit * line.quantity),
          variant: { id: `v-${line.id}`, sku: `SKU-${line.id}`, name: line.name, options: [] },
          product: { id: `p-${line.id}`, slug: line.id, name: line.name, imageUrls: [] },
        })),
        itemsTotal: cny(items),
        codFee: cny(500),
        total: cny(items + 500),
      };
    });
  const subtotal = lines.reduce((sum, line) => sum + line.unit * line.quantity, 0);
  return {
    __typename: 'Cart',
    id: 'cart-1',
    token,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: lines.length > 0 ? cny(subtotal) : null,
    groups,
  };
}

export const alice: NonNullable<MeQuery['me']> = {
  id: 'u1',
  email: 'alice@marketgate.example',
  name: 'Alice',
  isPlatformAdmin: false,
  seller: null,
  memberships: [],
};

export function authPayload(token: string) {
  return {
    __typename: 'AuthPayload' as const,
    token,
    expiresAt: '2030-01-01T00:00:00Z',
    user: alice,
  };
}
