import type {
  RequestsCompanyAddressFragment,
  RequestsContractFragment,
  RequestsDraftFragment,
  RequestsQuickOrderLineFragment,
  RequestsSummaryFragment,
} from '@marketgate/graphql-client';

/** Gateway answers shared by the requests specs. */

export const cny = (amount: number) => ({ amount, currency: 'CNY' });

export const dairy = { id: 's1', name: 'North Dairy' };

export const hangzhou: RequestsCompanyAddressFragment = {
  id: 'a1',
  label: 'Hangzhou warehouse',
  isDefault: true,
  address: {
    name: 'Acme Receiving',
    phone: '13800138000',
    province: 'Zhejiang',
    city: 'Hangzhou',
    district: 'Xihu',
    line1: '88 Wensan Road, Building 3',
    postalCode: '310012',
  },
};

export const ningbo: RequestsCompanyAddressFragment = {
  id: 'a2',
  label: 'Ningbo plant',
  isDefault: false,
  address: { ...hangzhou.address, city: 'Ningbo', line1: '1 Harbour Road' },
};

/** Acme's addresses, as `companies` lists them for a member. */
export const companyAddresses = (addresses = [ningbo, hangzhou]) => ({
  companies: [{ id: 'c1', addresses }],
});

export const frameworkContract: RequestsContractFragment = {
  id: 'k1',
  number: 'C-000007',
  endsOn: '2027-12-31',
  seller: dairy,
  lines: [{ id: 'cl1', variantId: 'v3', remainingQuantity: 400 }],
};

function variant(id: string, sku: string, name: string, min = 1) {
  return {
    id,
    sku,
    name,
    minOrderQuantity: min,
    orderIncrement: 1,
    tiers: [{ id: `t-${id}`, minQuantity: 100 }],
    product: { id: `p-${id}`, slug: `product-${id}`, name, seller: dairy },
  };
}

export function quickLine(
  row: number,
  fields: Partial<RequestsQuickOrderLineFragment> &
    Pick<RequestsQuickOrderLineFragment, 'sku' | 'quantity'>,
): RequestsQuickOrderLineFragment {
  return {
    row,
    problem: null,
    problemCode: null,
    contractId: null,
    contractLineId: null,
    price: null,
    variant: null,
    ...fields,
  };
}

/** What the gateway answers for the lines of `quickOrderText` it is sent. */
export const quickOrderAnswer: RequestsQuickOrderLineFragment[] = [
  quickLine(1, {
    sku: 'MILK-1',
    quantity: 120,
    variant: variant('v1', 'MILK-1', 'Fresh Milk 1 L'),
    price: {
      quantity: 120,
      unitPrice: cny(850),
      total: cny(102_000),
      source: 'TIER',
      ruleId: 't-v1',
    },
  }),
  quickLine(2, {
    sku: 'NOPE-9',
    quantity: 5,
    problem: 'No product on sale has this SKU',
    problemCode: 'UNKNOWN_SKU',
  }),
  quickLine(3, {
    sku: 'CHEESE-3',
    quantity: 10,
    variant: variant('v3', 'CHEESE-3', 'Cheddar 200 g'),
    contractId: 'k1',
    contractLineId: 'cl1',
    price: {
      quantity: 10,
      unitPrice: cny(1_500),
      total: cny(15_000),
      source: 'CONTRACT',
      ruleId: 'cl1',
    },
  }),
  quickLine(4, {
    sku: 'YOG-4',
    quantity: 30,
    variant: variant('v4', 'YOG-4', 'Yogurt 6-pack', 50),
    price: { quantity: 30, unitPrice: cny(900), total: cny(27_000), source: 'LIST', ruleId: null },
    problem: 'The minimum order is 50',
    problemCode: 'BELOW_MINIMUM',
  }),
];

/** Five lines: line 3 cannot be read; the others are sent in order (see `quickOrderAnswer`). */
export const quickOrderText = 'MILK-1\t120\nNOPE-9 5\nBUTTER-2, 0\nCHEESE-3;10\nYOG-4 30\n';

export function draft(fields: Partial<RequestsDraftFragment> = {}): RequestsDraftFragment {
  return {
    id: 'q9',
    number: 'RFQ-000009',
    status: 'DRAFT',
    version: 1,
    dealKind: 'ONE_OFF',
    termMonths: null,
    wantedDeliveryDate: null,
    notes: '',
    updatedAt: '2026-11-28T08:00:00Z',
    company: { id: 'c1' },
    seller: dairy,
    deliveryAddress: hangzhou.address,
    lines: [
      {
        id: 'l1',
        variantId: 'v1',
        description: 'Fresh Milk 1 L · Carton',
        quantity: 120,
        targetUnitPrice: null,
      },
    ],
    ...fields,
  };
}

export function summary(fields: Partial<RequestsSummaryFragment> = {}): RequestsSummaryFragment {
  return {
    id: 'q9',
    number: 'RFQ-000009',
    status: 'DRAFT',
    dealKind: 'ONE_OFF',
    termMonths: null,
    createdAt: '2026-11-28T08:00:00Z',
    updatedAt: '2026-11-28T08:00:00Z',
    company: { id: 'c1' },
    seller: dairy,
    lines: [{ id: 'l1' }],
    latestVersion: null,
    ...fields,
  };
}
