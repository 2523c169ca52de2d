import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

/** One GraphQL request to the gateway as `token`'s user (anonymous without one), over HTTP. */
export async function gateway<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(`${inject('gatewayUrl')}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`gateway: ${JSON.stringify(body)}`);
  return body.data;
}

export type Fields = Record<string, any>;

/** One mutation over the gateway API as `token`'s user; throws unless it answers `expected`. */
export async function mutate(
  token: string,
  name: string,
  inputType: string,
  input: Fields,
  expected: string,
  selection = '',
): Promise<Fields> {
  const data = await gateway<Fields>(
    `mutation ($input: ${inputType}!) {
      ${name}(input: $input) { __typename ... on ErrorResult { errorCode message } ${selection} }
    }`,
    { input },
    token,
  );
  const answer = data[name] as Fields;
  if (answer.__typename !== expected) throw new Error(`${name} answered ${JSON.stringify(answer)}`);
  return answer;
}

export interface PlacedOrder {
  id: string;
  number: string;
  placedAt: string;
  total: { amount: number; currency: string };
}

/** A new consumer's token. */
export async function registerConsumer(name = 'Lin Wei'): Promise<string> {
  const { register } = await gateway<{ register: { __typename: string; token?: string } }>(
    `mutation ($input: RegisterInput!) {
      register(input: $input) { __typename ... on AuthPayload { token } }
    }`,
    {
      input: {
        email: `consumer-${randomUUID()}@example.test`,
        name,
        password: 'demo-pass-123',
      },
    },
  );
  if (!register.token) throw new Error(`register answered ${register.__typename}`);
  return register.token;
}

/**
 * A consumer (a new one unless `token` says who) puts one North Dairy item in the cart and checks
 * out cash on delivery.
 */
export async function placeNorthDairyOrder(token?: string): Promise<PlacedOrder> {
  token ??= await registerConsumer();

  const { sellers } = await gateway<{ sellers: { id: string; name: string }[] }>(
    '{ sellers { id name } }',
    {},
  );
  const northDairy = sellers.find((seller) => seller.name === 'North Dairy');
  if (!northDairy) throw new Error('the demo has no North Dairy');
  const { products } = await gateway<{
    products: { edges: { node: { variants: { id: string; stock: { available: number } }[] } }[] };
  }>(
    `query ($filter: ProductFilter) {
      products(filter: $filter, first: 10) {
        edges { node { variants { id stock { available } } } }
      }
    }`,
    { filter: { sellerId: northDairy.id, inStock: true } },
  );
  const variant = products.edges
    .flatMap((edge) => edge.node.variants)
    .find((v) => v.stock.available > 0);
  if (!variant) throw new Error('no North Dairy variant in stock');

  const { addToCart } = await gateway<{ addToCart: { __typename: string } }>(
    `mutation ($input: AddToCartInput!) { addToCart(input: $input) { __typename } }`,
    { input: { variantId: variant.id, quantity: 1 } },
    token,
  );
  if (addToCart.__typename !== 'Cart')
    throw new Error(`addToCart answered ${addToCart.__typename}`);

  const { checkout } = await gateway<{
    checkout: { __typename: string; orders?: (PlacedOrder & { seller: { id: string } })[] };
  }>(
    `mutation ($input: CheckoutInput!) {
      checkout(input: $input) {
        __typename
        ... on CheckoutSuccess { orders { id number placedAt total { amount currency } seller { id } } }
      }
    }`,
    {
      input: {
        idempotencyKey: randomUUID(),
        paymentMethod: 'CASH_ON_DELIVERY',
        shippingAddress: {
          name: 'Lin Wei',
          phone: '13800138000',
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
  const order = checkout.orders?.find((o) => o.seller.id === northDairy.id);
  if (!order) throw new Error(`checkout answered ${checkout.__typename}`);
  return order;
}
