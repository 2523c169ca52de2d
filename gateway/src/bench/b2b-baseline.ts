import 'reflect-metadata';
import type { ResultSetHeader } from 'mysql2/promise';
import {
  columns,
  createMutationBaseline,
  Retry,
  Rollback,
  serveOverIpc,
  type BaselineViewer,
  type Query,
  type Row,
} from './baseline-kit.js';

/**
 * The hand-written call-off baseline: `node:http` and a mysql2 pool of the gateway's size,
 * running the statements the gateway's `placeCallOff` runs (captured with LOG_SQL=true: the
 * session read, then one transaction of 15 statements for a one-line order under no approval
 * threshold) in the same order, with the same row locks (contract, then credit line), answering
 * the same JSON. Forked by `b2b.ts`.
 */
export interface B2bBaselineOptions {
  databaseUrl: string;
  poolSize: number;
  authSecret: string;
}

interface CallOffInput {
  contractId: string;
  idempotencyKey: string;
  lines: { contractLineId: string; quantity: number }[];
}

const CONTRACT = [
  'id',
  'createdAt',
  'updatedAt',
  'companyId',
  'sellerId',
  'quoteId',
  'quoteVersionId',
  'approvalRequestId',
  'kind',
  'status',
  'startsOn',
  'endsOn',
  'termMonths',
  'paymentTerms',
  'totalAmount',
  'currency',
  'buyerSignedByUserId',
  'buyerSignedAt',
  'sellerSignedByUserId',
  'sellerSignedAt',
  'deliveredAt',
  'acceptedAt',
  'disputeNote',
];
const CALL_OFF = [
  'id',
  'createdAt',
  'updatedAt',
  'contractId',
  'companyId',
  'sellerId',
  'placedByUserId',
  'idempotencyKey',
  'status',
  'totalAmount',
  'currency',
];
const LINE = [
  'id',
  'createdAt',
  'updatedAt',
  'contractId',
  'variantId',
  'description',
  'quantity',
  'unitPriceAmount',
  'currency',
  'drawnQuantity',
];
const CREDIT = ['id', 'createdAt', 'updatedAt', 'sellerId', 'companyId', 'limitAmount', 'currency'];
const POLICY = ['id', 'createdAt', 'updatedAt', 'companyId', 'stages', 'callOffThreshold'];

const SQL = {
  contract:
    `SELECT ${columns('Contract', 'Contract', CONTRACT)} FROM \`contract\` \`Contract\` ` +
    'WHERE ((`Contract`.`id` = ?)) LIMIT 1 FOR UPDATE',
  replay:
    `SELECT ${columns('CallOff', 'CallOff', CALL_OFF)} FROM \`call_off\` \`CallOff\` ` +
    'WHERE ((`CallOff`.`contractId` = ?) AND (`CallOff`.`idempotencyKey` = ?)) LIMIT 1',
  lines:
    `SELECT ${columns('ContractLine', 'ContractLine', LINE)} FROM \`contract_line\` ` +
    '`ContractLine` WHERE ((`ContractLine`.`contractId` = ?))',
  credit:
    `SELECT ${columns('CreditLine', 'CreditLine', CREDIT)} FROM \`credit_line\` \`CreditLine\` ` +
    'WHERE ((`CreditLine`.`sellerId` = ?) AND (`CreditLine`.`companyId` = ?)) LIMIT 1 FOR UPDATE',
  exposure:
    'SELECT ((SELECT COALESCE(SUM(m.amountDue - m.amountPaid), 0) FROM contract_milestone m ' +
    'WHERE m.sellerId = ? AND m.companyId = ?) + (SELECT COALESCE(SUM(o.totalAmount), 0) ' +
    "FROM call_off o WHERE o.sellerId = ? AND o.companyId = ? AND o.status = 'PENDING_APPROVAL')) " +
    'AS exposure',
  draw:
    'UPDATE `contract_line` SET `drawnQuantity` = `drawnQuantity` + ?, ' +
    '`updatedAt` = CURRENT_TIMESTAMP WHERE `id` = ? AND `drawnQuantity` + ? <= `quantity`',
  reserve:
    'UPDATE `variant` SET `stockReserved` = `stockReserved` + ?, ' +
    '`updatedAt` = CURRENT_TIMESTAMP WHERE `id` = ? AND `stockOnHand` - `stockReserved` >= ?',
  policy:
    `SELECT ${columns('ApprovalPolicy', 'ApprovalPolicy', POLICY)} FROM \`approval_policy\` ` +
    '`ApprovalPolicy` WHERE ((`ApprovalPolicy`.`companyId` = ?)) LIMIT 1',
  callOff:
    'INSERT INTO `call_off`(`id`, `createdAt`, `updatedAt`, `contractId`, `companyId`, ' +
    '`sellerId`, `placedByUserId`, `idempotencyKey`, `status`, `totalAmount`, `currency`) ' +
    'VALUES (DEFAULT, DEFAULT, DEFAULT, ?, ?, ?, ?, ?, ?, ?, ?) ' +
    'RETURNING `id`, `createdAt`, `updatedAt`',
  callOffLines:
    'INSERT INTO `call_off_line`(`id`, `createdAt`, `updatedAt`, `callOffId`, ' +
    '`contractLineId`, `variantId`, `quantity`, `unitPriceAmount`, `currency`) VALUES ?',
  audit:
    'INSERT INTO `audit_event`(`id`, `actorUserId`, `entityType`, `entityId`, `action`, ' +
    '`fromState`, `toState`, `data`, `createdAt`) VALUES (DEFAULT, ?, ?, ?, ?, ?, ?, ?, DEFAULT)',
  position:
    'SELECT COALESCE(MAX(`m`.`position`), -1) AS `position` FROM `contract_milestone` `m` ' +
    'WHERE `m`.`contractId` = ?',
  invoice:
    'INSERT INTO `contract_milestone`(`id`, `createdAt`, `updatedAt`, `contractId`, ' +
    '`companyId`, `sellerId`, `position`, `callOffId`, `label`, `amountDue`, `amountPaid`, ' +
    '`currency`, `trigger`, `dueDate`, `netDays`, `triggeredAt`, `dueAt`, `paidAt`) ' +
    'VALUES (DEFAULT, DEFAULT, DEFAULT, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
};

const DAY_MS = 86_400_000;

const error = (typename: string, errorCode: string) => ({ __typename: typename, errorCode });

/** The call-off transaction; error results roll back (thrown as `Rollback`). */
async function place(q: Query, viewer: BaselineViewer, input: CallOffInput) {
  const [[contract]] = (await q(SQL.contract, [Number(input.contractId)])) as [Row[]];
  const membership = viewer.memberships.find((m) => m.companyId === contract?.Contract_companyId);
  if (!contract || !membership) throw new Rollback(error('NotFoundError', 'NOT_FOUND'));
  if (!membership.roles.includes('BUYER')) throw new Error('forbidden');
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  if (
    contract.Contract_kind !== 'FRAMEWORK' ||
    contract.Contract_status !== 'ACTIVE' ||
    today < contract.Contract_startsOn ||
    today > contract.Contract_endsOn
  ) {
    throw new Rollback(error('InvalidStateError', 'INVALID_STATE'));
  }
  const contractId = contract.Contract_id as number;
  const companyId = contract.Contract_companyId as number;
  const sellerId = contract.Contract_sellerId as number;
  const currency = contract.Contract_currency as string;
  const key = input.idempotencyKey.trim();
  const [[placed]] = (await q(SQL.replay, [contractId, key])) as [Row[]];
  if (placed) {
    return callOffJson(
      placed.CallOff_id,
      placed.CallOff_status,
      placed.CallOff_totalAmount,
      currency,
    );
  }

  const [lines] = (await q(SQL.lines, [contractId])) as [Row[]];
  const wanted = input.lines.map((l) => {
    const line = lines.find((cl) => cl.ContractLine_id === Number(l.contractLineId));
    if (!line) throw new Error('not a line of this contract');
    return { line, quantity: l.quantity };
  });
  for (const w of wanted) {
    if (w.quantity > w.line.ContractLine_quantity - w.line.ContractLine_drawnQuantity) {
      throw new Rollback(error('CommittedQuantityExceededError', 'COMMITTED_QUANTITY_EXCEEDED'));
    }
  }
  const amount = wanted.reduce(
    (sum, w) => sum + w.quantity * w.line.ContractLine_unitPriceAmount,
    0,
  );
  const [[credit]] = (await q(SQL.credit, [sellerId, companyId])) as [Row[]];
  const [[owed]] = (await q(SQL.exposure, [sellerId, companyId, sellerId, companyId])) as [Row[]];
  const exposure = Number(owed?.exposure ?? 0);
  if (exposure + amount > Number(credit?.CreditLine_limitAmount ?? 0)) {
    throw new Rollback(error('CreditLimitExceededError', 'CREDIT_LIMIT_EXCEEDED'));
  }
  for (const w of wanted) {
    const [drawn] = (await q(SQL.draw, [w.quantity, w.line.ContractLine_id, w.quantity])) as [
      ResultSetHeader,
    ];
    if (!drawn.affectedRows) {
      throw new Rollback(error('CommittedQuantityExceededError', 'COMMITTED_QUANTITY_EXCEEDED'));
    }
  }
  for (const w of [...wanted].sort(
    (a, b) => a.line.ContractLine_variantId - b.line.ContractLine_variantId,
  )) {
    const variantId = w.line.ContractLine_variantId as number | null;
    if (variantId === null) continue;
    const [kept] = (await q(SQL.reserve, [w.quantity, variantId, w.quantity + 1])) as [
      ResultSetHeader,
    ];
    if (kept.affectedRows) continue;
    throw new Error('the bench keeps stock high: a reservation never takes the last unit');
  }
  const [[policy]] = (await q(SQL.policy, [companyId])) as [Row[]];
  const threshold = policy?.ApprovalPolicy_callOffThreshold as number | null | undefined;
  if (threshold !== null && threshold !== undefined && amount >= threshold) {
    throw new Error('the bench sets no approval threshold');
  }
  let inserted: Row | undefined;
  try {
    [[inserted]] = (await q(SQL.callOff, [
      contractId,
      companyId,
      sellerId,
      viewer.userId,
      key,
      'PLACED',
      amount,
      currency,
    ])) as [Row[]];
  } catch (e) {
    // Another request claimed the key meanwhile: run again, and replay its order.
    if ((e as { code?: string }).code === 'ER_DUP_ENTRY') throw new Retry();
    throw e;
  }
  const callOffId = inserted?.id as number;
  await q(SQL.callOffLines, [
    wanted.map((w) => [
      { toSqlString: () => 'DEFAULT' },
      { toSqlString: () => 'DEFAULT' },
      { toSqlString: () => 'DEFAULT' },
      callOffId,
      w.line.ContractLine_id,
      w.line.ContractLine_variantId,
      w.quantity,
      w.line.ContractLine_unitPriceAmount,
      w.line.ContractLine_currency,
    ]),
  ]);
  await q(SQL.audit, [
    viewer.userId,
    'call_off',
    callOffId,
    'placed',
    null,
    'PLACED',
    JSON.stringify({ contractId, amount }),
  ]);
  const [[last]] = (await q(SQL.position, [contractId])) as [Row[]];
  const netDays =
    (JSON.parse(contract.Contract_paymentTerms as string) as { netDays: number | null }).netDays ??
    0;
  const day = Math.floor(now.getTime() / DAY_MS) + netDays;
  await q(SQL.invoice, [
    contractId,
    companyId,
    sellerId,
    Number(last?.position ?? -1) + 1,
    callOffId,
    `Call-off CO-${String(callOffId).padStart(6, '0')}`,
    amount,
    0,
    currency,
    'ON_DATE',
    today,
    netDays,
    now,
    new Date((day + 1) * DAY_MS - 1),
    null,
  ]);
  return callOffJson(callOffId, 'PLACED', amount, currency);
}

function callOffJson(id: number, status: string, amount: number, currency: string) {
  return {
    __typename: 'CallOff',
    id: String(id),
    number: `CO-${String(id).padStart(6, '0')}`,
    status,
    total: { amount: Number(amount), currency },
  };
}

export function createB2bBaseline(options: B2bBaselineOptions) {
  return createMutationBaseline({
    ...options,
    field: 'placeCallOff',
    run: (q, viewer, input) => place(q, viewer, input as CallOffInput),
  });
}

serveOverIpc((options: B2bBaselineOptions) => createB2bBaseline(options));
