import 'reflect-metadata';
import { stockReservationBlock } from '../modules/catalog/catalog.service.js';
import { validateAddress, type AddressInput } from '../modules/ordering/address.js';
import { newOrderNumber } from '../modules/ordering/ordering.service.js';
import {
  createMutationBaseline,
  Retry,
  Rollback,
  columns,
  serveOverIpc,
  type Query,
  type Row,
} from './baseline-kit.js';

/**
 * The hand-written checkout baseline: `node:http` and a mysql2 pool of the gateway's size,
 * running the statements the gateway's `checkout` runs (captured with LOG_SQL=true: the
 * session read, then one transaction of 9 statements when every variant keeps a unit, the last
 * a MariaDB block that reserves the stock and commits), in the same order, with the same locks
 * and the same retry on deadlock, answering the same JSON.
 * Forked by `checkout.ts`; it reports its address over IPC.
 *
 * The one GraphQL document it answers is `checkoutMutation` (checkout-workloads.ts). A request
 * with `x-bench-trace: 1` also gets the statements it ran in `extensions.statements`, which
 * the benchmark compares with the gateway's.
 */
export interface BaselineOptions {
  databaseUrl: string;
  poolSize: number;
  authSecret: string;
  /** The gateway's defaults: COD fee, largest COD order, platform currency, confirm timeout. */
  codFee: number;
  codMaxOrderAmount: number;
  platformCurrency: string;
  confirmTimeoutSeconds: number;
}

const CART = ['id', 'createdAt', 'updatedAt', 'token', 'userId'];
const CART_LINE = ['id', 'createdAt', 'updatedAt', 'cartId', 'variantId', 'quantity'];
const VARIANT = [
  'id',
  'createdAt',
  'updatedAt',
  'productId',
  'sku',
  'name',
  'options',
  'listPrice',
  'currency',
  'minOrderQuantity',
  'orderIncrement',
  'stockOnHand',
  'stockReserved',
  'position',
];
const PRODUCT = [
  'id',
  'createdAt',
  'updatedAt',
  'sellerId',
  'categoryId',
  'slug',
  'name',
  'description',
  'attributes',
  'imageUrls',
  'status',
  'minPrice',
  'currency',
  'inStock',
];
const SELLER = [
  'id',
  'createdAt',
  'updatedAt',
  'name',
  'slug',
  'description',
  'status',
  'codFeeAmount',
];

/** The columns a joined row holds under `prefix_`, by their own names. */
function part(row: Row, prefix: string): Row {
  const out = {} as Row;
  for (const key in row)
    if (key.startsWith(`${prefix}_`)) out[key.slice(prefix.length + 1)] = row[key];
  return out;
}

/** The statements, as the gateway sends them (see the file comment). */
const SQL = {
  replay:
    'SELECT `id`, `userId`, `idempotencyKey`, `createdAt` FROM `checkout` ' +
    'WHERE `userId` = ? AND `idempotencyKey` = ? LIMIT 1',
  replayOrders:
    'SELECT `id`, `number`, `status`, `currency`, `totalAmount` FROM `customer_order` ' +
    'WHERE `checkoutId` = ? ORDER BY `id` ASC',
  claim:
    'INSERT INTO `checkout`(`id`, `userId`, `idempotencyKey`, `createdAt`) ' +
    'VALUES (DEFAULT, ?, ?, DEFAULT) RETURNING `id`, `createdAt`',
  cart:
    `SELECT ${columns('c', 'c', CART)}, ${columns('l', 'l', CART_LINE)} FROM \`cart\` \`c\` ` +
    'LEFT JOIN `cart_line` `l` ON `l`.`cartId` = `c`.`id` WHERE `c`.`userId` = ? ' +
    'ORDER BY `l`.`id` FOR UPDATE',
  sellables:
    `SELECT ${columns('v', 'v', VARIANT)}, ${columns('p', 'p', PRODUCT)}, ` +
    `${columns('s', 's', SELLER)} FROM \`variant\` \`v\` ` +
    'INNER JOIN `product` `p` ON `p`.`id` = `v`.`productId` ' +
    'INNER JOIN `seller` `s` ON `s`.`id` = `p`.`sellerId` WHERE `v`.`id` IN (?)',
  orders:
    'INSERT INTO `customer_order`(`id`, `createdAt`, `updatedAt`, `number`, `checkoutId`, ' +
    '`userId`, `sellerId`, `status`, `paymentMethod`, `currency`, `itemsAmount`, ' +
    '`codFeeAmount`, `totalAmount`, `carrier`, `trackingNumber`, `confirmBy`, `shipName`, ' +
    '`shipPhone`, `shipProvince`, `shipCity`, `shipDistrict`, `shipLine1`, `shipPostalcode`) ' +
    'VALUES ? RETURNING `id`, `createdAt`, `updatedAt`',
  orderLines:
    'INSERT INTO `order_line`(`id`, `orderId`, `productId`, `variantId`, `sku`, `productName`, ' +
    '`variantName`, `currency`, `unitAmount`, `quantity`) VALUES ?',
  payments:
    'INSERT INTO `payment`(`id`, `createdAt`, `updatedAt`, `orderId`, `method`, `status`, ' +
    '`currency`, `dueAmount`, `collectedAmount`, `collectedAt`, `reconciledAt`, ' +
    '`remittanceId`) VALUES ?',
  audit:
    'INSERT INTO `audit_event`(`id`, `actorUserId`, `entityType`, `entityId`, `action`, ' +
    '`fromState`, `toState`, `data`, `createdAt`) VALUES ?',
  deleteLines: 'DELETE FROM `cart_line` WHERE `id` IN (?)',
  lockVariants:
    'SELECT `id`, `sku`, `stockOnHand`, `stockReserved` FROM `variant` WHERE `id` IN (?) FOR UPDATE',
  stockFlags:
    'UPDATE `product` SET `inStock` = CASE WHEN EXISTS (SELECT 1 FROM variant v ' +
    'WHERE v.productId = product.id AND v.stockOnHand > v.stockReserved) THEN 1 ELSE 0 END, ' +
    '`updatedAt` = CURRENT_TIMESTAMP WHERE `id` IN (?)',
};

/** Raw SQL `?` for a multi-row insert value that must stay `DEFAULT`. */
const DEFAULT = { toSqlString: () => 'DEFAULT' };

const errorResult = (errorCode: string, extra: Record<string, unknown> = {}) => ({
  errorCode,
  ...extra,
});

interface CheckoutInput {
  shippingAddress: AddressInput;
  paymentMethod: string;
  idempotencyKey: string;
}

function outOfStock(lines: { sku: string; requested: number; available: number }[]) {
  return {
    __typename: 'OutOfStockError',
    ...errorResult('OUT_OF_STOCK', { lines }),
  };
}

const orderJson = (o: { id: number; number: string; totalAmount: number; currency: string }) => ({
  id: String(o.id),
  number: o.number,
  status: 'PLACED',
  total: { amount: o.totalAmount, currency: o.currency },
});

export function createBaseline(options: BaselineOptions) {
  /** The checkout transaction; an error result rolls back (thrown as `Rollback`). */
  async function place(q: Query, userId: number, input: CheckoutInput, committed: () => void) {
    const checked = validateAddress(input.shippingAddress, 'shippingAddress');
    if ('problems' in checked) {
      throw new Rollback({
        __typename: 'InvalidAddressError',
        ...errorResult('INVALID_ADDRESS'),
      });
    }
    const address = checked.address;
    let checkoutId: number;
    try {
      const [claimed] = (await q(SQL.claim, [userId, input.idempotencyKey])) as [Row[]];
      checkoutId = claimed[0]!.id as number;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ER_DUP_ENTRY') throw error;
      const [done] = (await q(SQL.replay, [userId, input.idempotencyKey])) as [Row[]];
      if (!done[0]) throw new Retry();
      const [orders] = (await q(SQL.replayOrders, [done[0].id])) as [Row[]];
      return {
        __typename: 'CheckoutSuccess',
        replayed: true,
        orders: orders.map((o) => orderJson(o as Parameters<typeof orderJson>[0])),
      };
    }
    const [cartRows] = (await q(SQL.cart, [userId])) as [Row[]];
    const cart = cartRows[0] && part(cartRows[0], 'c');
    const lines = cartRows.filter((r) => r.l_id !== null).map((r) => part(r, 'l'));
    if (!cart || lines.length === 0) {
      throw new Rollback({ __typename: 'EmptyCartError', ...errorResult('EMPTY_CART') });
    }
    const [sellableRows] = (await q(SQL.sellables, [lines.map((l) => l.variantId)])) as [Row[]];
    const variants = new Map(sellableRows.map((r) => [r.v_id as number, part(r, 'v')]));
    const products = new Map(sellableRows.map((r) => [r.p_id as number, part(r, 'p')]));
    const sellers = new Map(sellableRows.map((r) => [r.s_id as number, part(r, 's')]));

    const short: { sku: string; requested: number; available: number }[] = [];
    const groups = new Map<number, { seller: Row; lines: { line: Row; v: Row; p: Row }[] }>();
    for (const line of lines) {
      const v = variants.get(line.variantId);
      if (!v) continue;
      const p = products.get(v.productId);
      const seller = p ? sellers.get(p.sellerId) : undefined;
      const available =
        seller?.status === 'ACTIVE' && p?.status === 'ACTIVE'
          ? Math.max(0, v.stockOnHand - v.stockReserved)
          : 0;
      if (!p || !seller || available < line.quantity) {
        short.push({ sku: v.sku, requested: line.quantity, available });
        continue;
      }
      const group = groups.get(seller.id) ?? { seller, lines: [] };
      group.lines.push({ line, v, p });
      groups.set(seller.id, group);
    }
    if (short.length) throw new Rollback(outOfStock(short));

    const now = new Date();
    const orders: {
      id: number;
      number: string;
      sellerId: number;
      currency: string;
      itemsAmount: number;
      codFeeAmount: number;
      totalAmount: number;
    }[] = [];
    for (const { seller, lines: own } of groups.values()) {
      const currency = own[0]!.v.currency as string;
      const itemsAmount = own.reduce((n, l) => n + l.v.listPrice * l.line.quantity, 0);
      const codFeeAmount = (seller.codFeeAmount as number | null) ?? options.codFee;
      const totalAmount = itemsAmount + codFeeAmount;
      const reason =
        currency !== options.platformCurrency
          ? 'CURRENCY_NOT_ACCEPTED'
          : totalAmount > options.codMaxOrderAmount
            ? 'AMOUNT_ABOVE_LIMIT'
            : null;
      if (reason) {
        throw new Rollback({
          __typename: 'CashOnDeliveryNotAvailableError',
          ...errorResult('COD_NOT_AVAILABLE'),
        });
      }
      orders.push({
        id: 0,
        number: newOrderNumber(now),
        sellerId: seller.id,
        currency,
        itemsAmount,
        codFeeAmount,
        totalAmount,
      });
    }
    const confirmBy = new Date(now.getTime() + options.confirmTimeoutSeconds * 1000);
    const [inserted] = (await q(SQL.orders, [
      orders.map((o) => [
        DEFAULT,
        DEFAULT,
        DEFAULT,
        o.number,
        checkoutId,
        userId,
        o.sellerId,
        'PLACED',
        input.paymentMethod,
        o.currency,
        o.itemsAmount,
        o.codFeeAmount,
        o.totalAmount,
        null,
        null,
        confirmBy,
        address.name,
        address.phone,
        address.province,
        address.city,
        address.district,
        address.line1,
        address.postalCode,
      ]),
    ])) as [Row[]];
    orders.forEach((o, i) => (o.id = inserted[i]!.id as number));
    const ordered = [...groups.values()];
    await q(SQL.orderLines, [
      ordered.flatMap(({ lines: own }, i) =>
        own.map(({ line, v, p }) => [
          DEFAULT,
          orders[i]!.id,
          p.id,
          v.id,
          v.sku,
          p.name,
          v.name,
          v.currency,
          v.listPrice,
          line.quantity,
        ]),
      ),
    ]);
    await q(SQL.payments, [
      orders.map((o) => [
        DEFAULT,
        DEFAULT,
        DEFAULT,
        o.id,
        input.paymentMethod,
        'PENDING',
        o.currency,
        o.totalAmount,
        null,
        null,
        null,
        null,
      ]),
    ]);
    await q(SQL.audit, [
      orders.map((o) => [
        DEFAULT,
        userId,
        'order',
        o.id,
        'order.placed',
        null,
        'PLACED',
        JSON.stringify({ actor: 'CONSUMER', note: '' }),
        now,
      ]),
    ]);
    await q(SQL.deleteLines, [lines.map((l) => l.id)]);

    const wanted = lines
      .map((l) => ({ v: variants.get(l.variantId)!, quantity: l.quantity as number }))
      .sort((a, b) => a.v.id - b.v.id);
    const block = stockReservationBlock(
      wanted.map((w) => ({ variantId: w.v.id as number, quantity: w.quantity })),
    );
    // The block answers a result set, then the OK of the block itself.
    const [[[reserved]]] = (await q(block.sql, block.params)) as [[[Row]]];
    if (Number(reserved.open) === 0) {
      committed();
      return { __typename: 'CheckoutSuccess', replayed: false, orders: orders.map(orderJson) };
    }
    const unreserved = wanted.filter((_, i) => reserved.outcomes[i] === 's');
    const emptied = wanted
      .filter((_, i) => reserved.outcomes[i] === 'e')
      .map((w) => w.v.productId as number);
    if (unreserved.length) {
      const [current] = (await q(SQL.lockVariants, [unreserved.map((u) => u.v.id)])) as [Row[]];
      const byId = new Map(current.map((v) => [v.id as number, v]));
      throw new Rollback(
        outOfStock(
          unreserved.map((u) => {
            const v = byId.get(u.v.id) ?? u.v;
            return {
              sku: v.sku,
              requested: u.quantity,
              available: Math.max(0, v.stockOnHand - v.stockReserved),
            };
          }),
        ),
      );
    }
    if (emptied.length) {
      await q(SQL.stockFlags, [[...new Set(emptied)].sort((a, b) => a - b)]);
    }
    return { __typename: 'CheckoutSuccess', replayed: false, orders: orders.map(orderJson) };
  }

  return createMutationBaseline({
    ...options,
    field: 'checkout',
    run: (q, viewer, input, committed) =>
      place(q, viewer.userId, input as CheckoutInput, committed),
  });
}

// Forked by the benchmark: options arrive over IPC, the address goes back.
serveOverIpc((options: BaselineOptions) => createBaseline(options));
