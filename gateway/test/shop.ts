import { randomUUID } from 'node:crypto';
import type { TestGateway } from './harness.js';

/** Consumer and seller moves shared by the ordering suites, all through the public API. */

export const ADDRESS = {
  name: 'Li Lei',
  phone: '13800138000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  line1: '1 Wensan Road',
  postalCode: '310000',
};

export const SELLERS = {
  dairy: 'sales@north-dairy.example',
  office: 'sales@office-hub.example',
};

export interface SellableVariant {
  id: string;
  sku: string;
  listPrice: number;
  productId: string;
}

export const ORDER_FIELDS = `id number status placedAt shippingAddress { name phone province city district line1 postalCode } total { amount currency } itemsTotal { amount } codFee { amount }
  seller { slug } canCancel confirmBy carrier trackingNumber
  lines { sku quantity unitPrice { amount } lineTotal { amount } variant { id } }
  payment { status amount { amount } collected { amount } }
  timeline { status from actor note }`;

export const CHECKOUT = `mutation ($input: CheckoutInput!) { checkout(input: $input) {
  __typename
  ... on CheckoutSuccess { replayed orders { ${ORDER_FIELDS} } }
  ... on OutOfStockError { errorCode message lines { sku requested available } }
  ... on CashOnDeliveryNotAvailableError { errorCode reason seller { slug } }
  ... on InvalidAddressError { errorCode fields { path message code } }
  ... on EmptyCartError { errorCode }
} }`;

export const ADD_TO_CART = `mutation ($input: AddToCartInput!) { addToCart(input: $input) {
  __typename
  ... on Cart { id token itemCount subtotal { amount } lines { id quantity available variant { id } }
    groups { seller { slug } itemsTotal { amount } codFee { amount } total { amount } } }
  ... on InsufficientStockError { available }
  ... on NotFoundError { errorCode }
} }`;

let emails = 0;

export async function registerConsumer(gw: TestGateway, cartToken?: string): Promise<string> {
  const res = await gw.gql<{ register: { token?: string } }>(
    `mutation ($input: RegisterInput!) { register(input: $input) { ... on AuthPayload { token } } }`,
    {
      input: {
        email: `buyer-${process.pid}-${++emails}-${randomUUID().slice(0, 8)}@example.com`,
        password: 'buyer-pass-123',
        name: 'Test Buyer',
        cartToken,
      },
    },
  );
  if (!res.data?.register.token) throw new Error(`register failed: ${res.raw}`);
  return res.data.register.token;
}

/** The first ACTIVE variant of a product of the seller with `slug`. */
export async function variantOf(gw: TestGateway, slug: string, skip = 0): Promise<SellableVariant> {
  const sellers = await gw.gql<{ sellers: { id: string; slug: string }[] }>(
    '{ sellers { id slug } }',
  );
  const sellerId = sellers.data.sellers.find((s) => s.slug === slug)?.id;
  const res = await gw.gql<{
    products: {
      edges: {
        node: {
          id: string;
          variants: { id: string; sku: string; listPrice: { amount: number } }[];
        };
      }[];
    };
  }>(
    `query ($filter: ProductFilter) { products(first: 20, filter: $filter) { edges { node { id
      variants { id sku listPrice { amount } } } } } }`,
    { filter: { sellerId } },
  );
  const node = res.data.products.edges[skip]?.node;
  const v = node?.variants[0];
  if (!node || !v) throw new Error(`no product of ${slug}: ${res.raw}`);
  return { id: v.id, sku: v.sku, listPrice: v.listPrice.amount, productId: node.id };
}

/** A variant and the product it belongs to: enough to read its stock in one lookup. */
export type VariantRef = Pick<SellableVariant, 'id' | 'productId'>;

/** Sets a variant's available units (no reservations assumed) as its seller's staff. */
export async function setAvailable(
  gw: TestGateway,
  sellerToken: string,
  variant: VariantRef,
  available: number,
): Promise<void> {
  const now = await stockOf(gw, variant);
  const delta = available - now.available;
  if (delta === 0) return;
  const res = await gw.gql(
    `mutation ($input: AdjustStockInput!) { adjustStock(input: $input) { __typename } }`,
    { input: { variantId: variant.id, delta, reason: 'CORRECTION' } },
    sellerToken,
  );
  if ((res.data as { adjustStock?: { __typename: string } }).adjustStock?.__typename !== 'Variant')
    throw new Error(`adjustStock failed: ${res.raw}`);
}

export async function stockOf(gw: TestGateway, variant: VariantRef): Promise<Stock> {
  const res = await gw.gql<{ product: { variants: { id: string; stock: Stock }[] } | null }>(
    `query ($id: ID!) { product(id: $id) { variants { id stock { onHand reserved available } } } }`,
    { id: variant.productId },
  );
  const found = res.data.product?.variants.find((v) => v.id === variant.id);
  if (!found) throw new Error(`variant ${variant.id} not found: ${res.raw}`);
  return found.stock;
}

interface Stock {
  onHand: number;
  reserved: number;
  available: number;
}

export async function addToCart(
  gw: TestGateway,
  variantId: string,
  quantity: number,
  token?: string,
  cartToken?: string,
) {
  const res = await gw.gql<{ addToCart: any }>(
    ADD_TO_CART,
    { input: { variantId, quantity, cartToken } },
    token,
  );
  return res.data.addToCart;
}

export async function checkout(
  gw: TestGateway,
  token: string,
  patch: Record<string, unknown> = {},
  at?: Date,
) {
  const res = await gw.gql<{ checkout: any }>(
    CHECKOUT,
    {
      input: {
        shippingAddress: ADDRESS,
        paymentMethod: 'CASH_ON_DELIVERY',
        idempotencyKey: randomUUID(),
        ...patch,
      },
    },
    token,
    at,
  );
  return res;
}

/** Runs a seller mutation taking `input` and returns its result (with order fields). */
export async function sellerDoes(
  gw: TestGateway,
  token: string,
  mutation: string,
  input: Record<string, unknown>,
  at?: Date,
) {
  const inputType = {
    confirmOrder: 'OrderActionInput',
    receiveReturn: 'OrderActionInput',
    shipOrder: 'ShipOrderInput',
    recordDelivery: 'RecordDeliveryInput',
    recordRefusal: 'RecordRefusalInput',
    cancelOrder: 'CancelOrderInput',
  }[mutation];
  const res = await gw.gql<Record<string, any>>(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename
      ... on Order { ${ORDER_FIELDS} }
      ... on ErrorResult { errorCode message }
      ... on CollectedAmountMismatchError { expected { amount } } } }`,
    { input },
    token,
    at,
  );
  return res.data?.[mutation] ?? res;
}
