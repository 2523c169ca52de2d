import {
  urqlPlugin,
  type CategoriesQuery,
  type LoginMutation,
  type MeQuery,
  type ProductBySlugQuery,
  type ProductsPageQuery,
} from '@marketgate/graphql-client';
import { createFakeGateway, type FakeGatewayHandler } from '@marketgate/graphql-client/testing';
import { createMarketgateI18n } from '@marketgate/ui';
import { mount } from '@vue/test-utils';
import { createPinia, storeToRefs } from 'pinia';
import { vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from './App.vue';
import { messages } from './messages';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';

/** Mounts the whole portal at `path`, talking to a fake gateway. */
export async function renderApp(path: string, handlers: Record<string, FakeGatewayHandler>) {
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
        createMarketgateI18n(messages, 'en'),
        router,
        [urqlPlugin, storeToRefs(session).client],
      ],
    },
  });
  return { wrapper, router, gateway, session };
}

const cny = (amount: number) => ({ amount, currency: 'CNY' });

export const buyer: NonNullable<MeQuery['me']> = {
  id: 'u1',
  email: 'buyer@acme.example',
  name: 'Acme Buyer',
  isPlatformAdmin: false,
  seller: null,
  memberships: [
    {
      id: 'm1',
      roles: ['BUYER'],
      department: null,
      company: { id: 'c1', name: 'Acme Trading Co.', status: 'VERIFIED' },
    },
  ],
};

export function loginData(kind: 'ok' | 'invalid' | 'throttled'): LoginMutation {
  if (kind === 'ok') {
    return {
      login: {
        __typename: 'AuthPayload',
        token: 'token-1',
        expiresAt: '2030-01-01T00:00:00Z',
        user: { ...buyer, memberships: [] },
      },
    };
  }
  if (kind === 'invalid') {
    return {
      login: {
        __typename: 'InvalidCredentialsError',
        errorCode: 'INVALID_CREDENTIALS',
        message: 'Invalid email or password',
      },
    };
  }
  return {
    login: {
      __typename: 'TooManyAttemptsError',
      errorCode: 'TOO_MANY_ATTEMPTS',
      message: 'Too many attempts',
      retryAfterSeconds: 42,
    },
  };
}

export const categoriesData: CategoriesQuery = {
  categories: [
    { id: '1', name: 'Office', slug: 'office', parentId: null, position: 0 },
    { id: '2', name: 'Paper', slug: 'paper', parentId: '1', position: 0 },
  ],
};

/** One product whose price depends on the viewer: volume price for signed-in members. */
export function productsData(tierPrice: boolean): ProductsPageQuery {
  return {
    products: {
      edges: [
        {
          cursor: 'c1',
          node: {
            id: 'p1',
            slug: 'copy-paper',
            name: 'Copy Paper',
            imageUrls: [],
            inStock: true,
            priceFrom: cny(3000),
            seller: { id: 's1', name: 'Office Hub' },
            variants: [
              {
                id: 'v1',
                listPrice: cny(3000),
                price: tierPrice
                  ? { unitPrice: cny(2700), source: 'TIER' }
                  : { unitPrice: cny(3000), source: 'LIST' },
              },
            ],
          },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: 'c1' },
      totalCount: 1,
      facets: { categories: [], sellers: [] },
    },
  };
}

export function productData(quantity: number): ProductBySlugQuery {
  const tier = quantity >= 10;
  const unit = tier ? 2700 : 3000;
  return {
    product: {
      id: 'p1',
      slug: 'copy-paper',
      name: 'Copy Paper',
      description: 'A4, 80 g/m².',
      imageUrls: [],
      inStock: true,
      attributes: [],
      seller: { id: 's1', name: 'Office Hub' },
      category: { id: '2', name: 'Paper', slug: 'paper' },
      variants: [
        {
          id: 'v1',
          sku: 'PAP-1',
          name: 'Copy Paper, A4',
          options: [{ name: 'Format', value: 'A4' }],
          listPrice: cny(3000),
          minOrderQuantity: 1,
          orderIncrement: 1,
          stock: { available: 500, inStock: true },
          tiers: [{ id: 't10', minQuantity: 10, unitPrice: cny(2700) }],
          price: {
            quantity,
            unitPrice: cny(unit),
            total: cny(unit * quantity),
            source: tier ? 'TIER' : 'LIST',
            ruleId: tier ? 't10' : null,
          },
        },
      ],
    },
  };
}
