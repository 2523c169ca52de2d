import { graphql, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createContext } from '../../api/context.js';
import { createSchema } from '../../api/schema.js';
import { createServices, type Services } from '../../api/services.js';
import type { Config } from '../../config/config.js';
import { DEMO_PASSWORD } from './demo.js';

type Fields = Record<string, any>;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Consumers who shop in the demo besides Alice (all with the demo password). */
const shoppers = [
  'Bo Chen',
  'Lina Wang',
  'Hao Zhang',
  'Mei Liu',
  'Jun Zhao',
  'Xia Huang',
  'Tom Becker',
];

/**
 * Who bought which demo products when: a basket is a list of [seller slug, product index among
 * that seller's products] bought together, `daysAgo` before the demo was loaded. The first two
 * North Dairy products travel together often, and with Office Hub's first: "often bought with".
 */
const orders: { shopper: string; daysAgo: number; basket: [string, number][] }[] = [
  {
    shopper: 'Alice Consumer',
    daysAgo: 150,
    basket: [
      ['north-dairy', 0],
      ['north-dairy', 1],
    ],
  },
  {
    shopper: 'Alice Consumer',
    daysAgo: 20,
    basket: [
      ['north-dairy', 0],
      ['office-hub', 0],
    ],
  },
  {
    shopper: 'Bo Chen',
    daysAgo: 170,
    basket: [
      ['north-dairy', 0],
      ['north-dairy', 1],
    ],
  },
  {
    shopper: 'Bo Chen',
    daysAgo: 110,
    basket: [
      ['north-dairy', 1],
      ['office-hub', 2],
    ],
  },
  {
    shopper: 'Bo Chen',
    daysAgo: 45,
    basket: [
      ['north-dairy', 0],
      ['north-dairy', 2],
    ],
  },
  {
    shopper: 'Bo Chen',
    daysAgo: 6,
    basket: [
      ['north-dairy', 0],
      ['north-dairy', 1],
    ],
  },
  {
    shopper: 'Lina Wang',
    daysAgo: 130,
    basket: [
      ['office-hub', 0],
      ['office-hub', 1],
    ],
  },
  {
    shopper: 'Lina Wang',
    daysAgo: 12,
    basket: [
      ['office-hub', 1],
      ['north-dairy', 0],
    ],
  },
  {
    shopper: 'Hao Zhang',
    daysAgo: 160,
    basket: [
      ['office-hub', 2],
      ['office-hub', 1],
    ],
  },
  {
    shopper: 'Mei Liu',
    daysAgo: 75,
    basket: [
      ['north-dairy', 0],
      ['north-dairy', 1],
    ],
  },
  {
    shopper: 'Mei Liu',
    daysAgo: 30,
    basket: [
      ['north-dairy', 1],
      ['office-hub', 0],
    ],
  },
  { shopper: 'Jun Zhao', daysAgo: 9, basket: [['north-dairy', 2]] },
  {
    shopper: 'Xia Huang',
    daysAgo: 200,
    basket: [
      ['office-hub', 0],
      ['north-dairy', 0],
    ],
  },
  {
    shopper: 'Tom Becker',
    daysAgo: 3,
    basket: [
      ['office-hub', 1],
      ['north-dairy', 0],
    ],
  },
];

const ADDRESS = {
  name: 'Demo Receiver',
  phone: '13800138000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  line1: '1 Demo Road',
  postalCode: '310012',
};

const QUOTE =
  '... on QuoteRequest { id version status lines { id } approval { id version } contract { id } }';

/**
 * Runs the gateway's own operations in process, as a signed-in demo account and at a chosen
 * instant of the request clock: the history is made by the real rules (stock, approvals,
 * contract terms), not written around them.
 */
class DemoClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly config: Config,
    private readonly dataSource: DataSource,
    private readonly services: Services,
    private readonly schema: GraphQLSchema,
  ) {}

  /** The data of an operation as `email` (null: anonymous); throws on any error or error result. */
  async run(email: string | null, source: string, variables: Fields = {}, at?: Date) {
    const contextValue = await createContext({
      config: this.config,
      dataSource: this.dataSource,
      services: this.services,
      token: email === null ? null : (this.tokens.get(email) ?? null),
      clientIp: '127.0.0.1',
      fixedNow: at ?? null,
    });
    const result = await graphql({
      schema: this.schema,
      source,
      variableValues: variables,
      contextValue,
    });
    if (result.errors?.length) throw new Error(`demo history: ${result.errors[0]!.message}`);
    const data = result.data as Fields;
    for (const value of Object.values(data)) {
      if (typeof value?.__typename === 'string' && value.__typename.endsWith('Error')) {
        throw new Error(`demo history: ${value.__typename}: ${value.message}`);
      }
    }
    return data;
  }

  /** Runs a mutation taking `input`, returning its result (`selection` added to `__typename`). */
  async mutate(
    email: string,
    name: string,
    inputType: string,
    input: Fields,
    selection: string,
    at: Date,
  ) {
    const data = await this.run(
      email,
      `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename
        ... on ErrorResult { message } ${selection} } }`,
      { input },
      at,
    );
    return data[name] as Fields;
  }

  async signIn(email: string): Promise<void> {
    const data = await this.run(
      null,
      `mutation ($input: LoginInput!) { login(input: $input) { __typename
        ... on ErrorResult { message } ... on AuthPayload { token } } }`,
      { input: { email, password: DEMO_PASSWORD } },
    );
    this.tokens.set(email, data.login.token);
  }

  async register(name: string, email: string): Promise<void> {
    const data = await this.run(
      null,
      `mutation ($input: RegisterInput!) { register(input: $input) { __typename
        ... on ErrorResult { message } ... on AuthPayload { token } } }`,
      { input: { email, password: DEMO_PASSWORD, name } },
    );
    this.tokens.set(email, data.register.token);
  }
}

const emailOf = (name: string) =>
  name === 'Alice Consumer'
    ? 'alice@marketgate.example'
    : `${name.toLowerCase().replace(/\s+/g, '.')}@shoppers.example`;

/** The demo sellers with staff to run their orders and deals. */
const sellerEmail: Record<string, string> = {
  'north-dairy': 'sales@north-dairy.example',
  'office-hub': 'sales@office-hub.example',
};

/**
 * A few months of business on the freshly seeded demo, relative to `now`: consumers' cash on
 * delivery orders taken to the door (first-time, repeat and lapsed buyers; products often
 * bought together), Acme's one-year framework agreement with North Dairy signed 300 days ago
 * (so it ends within 90 days) with call-off orders under it and an earlier one-off deal, their
 * bills paid on time, and a one-off deal of Globex with Office Hub whose deposit is overdue.
 * Everything goes through the gateway's operations at past instants.
 */
export async function seedDemoHistory(
  config: Config,
  dataSource: DataSource,
  now = new Date(),
): Promise<void> {
  const client = new DemoClient(
    config,
    dataSource,
    await createServices(config, dataSource),
    await createSchema(),
  );
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY + hours * HOUR);
  for (const email of [
    'alice@marketgate.example',
    ...Object.values(sellerEmail),
    'buyer@acme.example',
    'sourcing@acme.example',
    'admin@acme.example',
    'buyer@globex.example',
  ]) {
    await client.signIn(email);
  }
  for (const name of shoppers) await client.register(name, emailOf(name));

  const sellers = (await client.run(null, '{ sellers { id slug } }')).sellers as Fields[];
  const sellerIds = new Map(sellers.map((s) => [s.slug as string, s.id as string]));
  const variants = new Map<string, Fields[]>();
  for (const seller of sellers.filter((s) => s.slug in sellerEmail)) {
    const page = await client.run(
      null,
      `query ($seller: ID!) { products(first: 20, sort: NEWEST, filter: { sellerId: $seller, inStock: true }) {
        edges { node { variants { id stock { available } minOrderQuantity orderIncrement } } } } }`,
      { seller: seller.id },
    );
    variants.set(
      seller.slug,
      page.products.edges
        .map((e: Fields) => e.node.variants[0])
        .filter(
          (v: Fields) =>
            v.stock.available >= 20 && v.minOrderQuantity === 1 && v.orderIncrement === 1,
        ),
    );
  }
  const variantOf = (slug: string, index: number): Fields => {
    const found = variants.get(slug)?.[index];
    if (!found) throw new Error(`demo history: no product ${index} of ${slug} to sell`);
    return found;
  };

  for (const order of orders) {
    const email = emailOf(order.shopper);
    const placedAt = ago(order.daysAgo);
    for (const [slug, index] of order.basket) {
      await client.mutate(
        email,
        'addToCart',
        'AddToCartInput',
        { variantId: variantOf(slug, index).id, quantity: 1 },
        '',
        placedAt,
      );
    }
    const checkout = await client.mutate(
      email,
      'checkout',
      'CheckoutInput',
      { shippingAddress: ADDRESS, paymentMethod: 'CASH_ON_DELIVERY', idempotencyKey: randomUUID() },
      '... on CheckoutSuccess { orders { id total { amount } seller { slug } } }',
      placedAt,
    );
    for (const placed of checkout.orders as Fields[]) {
      const seller = sellerEmail[placed.seller.slug]!;
      const act = (name: string, inputType: string, input: Fields, hours: number) =>
        client.mutate(
          seller,
          name,
          inputType,
          { orderId: placed.id, ...input },
          '',
          ago(order.daysAgo, hours),
        );
      await act('confirmOrder', 'OrderActionInput', {}, 2);
      await act(
        'shipOrder',
        'ShipOrderInput',
        { carrier: 'SF Express', trackingNumber: `SF${placed.id.padStart(10, '0')}` },
        20,
      );
      await act(
        'recordDelivery',
        'RecordDeliveryInput',
        { amountCollected: placed.total.amount },
        60,
      );
    }
  }

  // Acme's year with North Dairy, approved by sourcing: call-off orders every two months since.
  const agreement = await signDeal(client, ago, {
    buyer: 'buyer@acme.example',
    signer: 'admin@acme.example',
    approver: 'sourcing@acme.example',
    seller: 'sales@north-dairy.example',
    sellerId: sellerIds.get('north-dairy')!,
    variantId: variantOf('north-dairy', 3).id,
    daysAgo: 300,
    quote: { dealKind: 'FRAMEWORK', termMonths: 12, notes: 'Weekly supply for our canteen.' },
    offer: { paymentTerms: { kind: 'NET', netDays: 30 }, unitPrice: 1_000, committedQuantity: 400 },
  });
  for (const daysAgo of [250, 190, 130, 70, 15]) {
    const placed = await client.mutate(
      'buyer@acme.example',
      'placeCallOff',
      'PlaceCallOffInput',
      {
        contractId: agreement.id,
        idempotencyKey: randomUUID(),
        lines: [{ contractLineId: agreement.lines[0].id, quantity: 30 }],
      },
      '... on CallOff { id }',
      ago(daysAgo),
    );
    await client.run(
      'sales@north-dairy.example',
      'mutation ($id: ID!) { deliverCallOff(id: $id) { __typename ... on ErrorResult { message } } }',
      { id: placed.id },
      ago(daysAgo - 3),
    );
  }
  await payDueBills(client, 'sales@north-dairy.example', agreement.id, now);
  // One-off orders: a deposit on signing, the rest on acceptance. Acme's earlier one with North
  // Dairy is what its renewal may add; Globex's is with Office Hub.
  const oneOff = {
    paymentTerms: {
      kind: 'INSTALLMENTS',
      milestones: [
        { label: 'Deposit', percentBp: 3000, trigger: 'ON_SIGNING' },
        { label: 'Final', percentBp: 7000, trigger: 'ON_ACCEPTANCE', netDays: 30 },
      ],
    },
    unitPrice: 2_500,
  };
  const earlier = await signDeal(client, ago, {
    buyer: 'buyer@acme.example',
    signer: 'admin@acme.example',
    approver: 'sourcing@acme.example',
    seller: 'sales@north-dairy.example',
    sellerId: sellerIds.get('north-dairy')!,
    variantId: variantOf('north-dairy', 4).id,
    daysAgo: 200,
    quote: { dealKind: 'ONE_OFF' },
    offer: oneOff,
  });
  await payDueBills(client, 'sales@north-dairy.example', earlier.id, now);
  await signDeal(client, ago, {
    buyer: 'buyer@globex.example',
    signer: 'buyer@globex.example',
    seller: 'sales@office-hub.example',
    sellerId: sellerIds.get('office-hub')!,
    variantId: variantOf('office-hub', 3).id,
    daysAgo: 45,
    quote: { dealKind: 'ONE_OFF' },
    offer: oneOff,
  });
}

/**
 * Acme pays on time: the seller records a transfer for each bill of the contract that is due by
 * `now`, three days before its due time (or an hour after a bill due at once was raised).
 * Globex's deposit is left unpaid, so the demo has one overdue bill to show.
 */
async function payDueBills(client: DemoClient, seller: string, contractId: string, now: Date) {
  const { contract } = await client.run(
    seller,
    `query ($id: ID!) { contract(id: $id) {
      milestones { id dueAt triggeredAt outstanding { amount } } } }`,
    { id: contractId },
    now,
  );
  for (const bill of contract.milestones as Fields[]) {
    if (!bill.dueAt || bill.outstanding.amount === 0) continue;
    const due = Date.parse(bill.dueAt);
    if (due > now.getTime()) continue;
    const paidAt = new Date(
      Math.min(now.getTime(), Math.max(Date.parse(bill.triggeredAt) + HOUR, due - 3 * DAY)),
    );
    await client.mutate(
      seller,
      'recordContractPayment',
      'RecordContractPaymentInput',
      { milestoneId: bill.id, amount: bill.outstanding.amount, reference: `DEMO-${bill.id}` },
      '',
      paidAt,
    );
  }
}

interface Deal {
  buyer: string;
  /** Who signs for the company (an admin or a management approver). */
  signer: string;
  /** Who approves for the company, when its policy has one stage for the amount. */
  approver?: string;
  seller: string;
  sellerId: string;
  variantId: string;
  /** When the request was sent; the rest follows over the next days. */
  daysAgo: number;
  /** The request's kind and terms besides its one line of 10 units. */
  quote: Fields;
  /** The offer's payment terms and its line's price (and commitment). */
  offer: { paymentTerms: Fields; unitPrice: number; committedQuantity?: number };
}

/**
 * A request for quotation taken to a signed contract: sent, offered, accepted (and approved
 * when the company's policy asks), signed by both sides. The contract.
 */
async function signDeal(
  client: DemoClient,
  ago: (days: number, hours?: number) => Date,
  deal: Deal,
): Promise<Fields> {
  const at = (days: number, hours = 0) => ago(deal.daysAgo - days, hours);
  const action = (who: string, name: string, quote: Fields, when: Date) =>
    client.mutate(
      who,
      name,
      'QuoteActionInput',
      { quoteId: quote.id, expectedVersion: quote.version },
      QUOTE,
      when,
    );
  const created = await client.mutate(
    deal.buyer,
    'createQuoteRequest',
    'CreateQuoteRequestInput',
    {
      sellerId: deal.sellerId,
      deliveryAddress: ADDRESS,
      lines: [{ variantId: deal.variantId, quantity: 10 }],
      ...deal.quote,
    },
    QUOTE,
    at(0),
  );
  const submitted = await action(deal.buyer, 'submitQuoteRequest', created, at(0, 1));
  const { paymentTerms, ...line } = deal.offer;
  const offered = await client.mutate(
    deal.seller,
    'offerQuote',
    'OfferInput',
    {
      quoteId: submitted.id,
      expectedVersion: submitted.version,
      validUntil: at(10).toISOString(),
      paymentTerms,
      lines: [{ lineId: submitted.lines[0].id, ...line }],
    },
    QUOTE,
    at(1),
  );
  const accepted = await action(deal.buyer, 'acceptQuote', offered, at(2));
  let contractId = accepted.contract?.id as string | undefined;
  if (!contractId) {
    const approval = accepted.approval as Fields;
    if (!deal.approver) throw new Error('demo history: an approval nobody was named to give');
    await client.mutate(
      deal.approver,
      'decideApproval',
      'DecideApprovalInput',
      {
        requestId: approval.id,
        expectedVersion: approval.version,
        decision: 'APPROVE',
        comment: 'Regular supplier, good price.',
      },
      '',
      at(2, 4),
    );
    const quote = await client.run(
      deal.buyer,
      'query ($id: ID!) { quoteRequest(id: $id) { contract { id } } }',
      { id: accepted.id },
    );
    contractId = quote.quoteRequest.contract.id as string;
  }
  const sign = `mutation ($id: ID!) { signContract(id: $id) { __typename
    ... on ErrorResult { message } ... on Contract { id lines { id } } } }`;
  await client.run(deal.signer, sign, { id: contractId }, at(3));
  return (await client.run(deal.seller, sign, { id: contractId }, at(3, 3))).signContract as Fields;
}
