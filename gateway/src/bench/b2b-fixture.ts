import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { TokenSigner } from '../modules/identity/token.js';

/** What the B2B benchmark orders under: a verified company, its buyers, a framework contract. */
export interface B2bFixture {
  companyId: number;
  sellerId: number;
  contractId: number;
  /** Contract lines, one per variant, each with plenty left to draw. */
  lines: { id: number; variantId: number; unitPrice: number }[];
  /** Bearer tokens of the company's buyers. */
  tokens: string[];
}

const REGISTRATION = 'BENCH-B2B-0001';
const EMAIL_DOMAIN = 'bench-b2b.invalid';

/**
 * The fixture, written in bulk and replaced on every run (registering and negotiating through
 * the API would cost a scrypt per user and minutes of setup): a company with `buyers` buyers
 * and their sessions, an active 12-month framework agreement with the first seller over
 * `lines` of its variants at list price, those variants' stock set high, a credit line.
 */
export async function prepareB2b(
  dataSource: DataSource,
  config: Config,
  buyers: number,
  lines: number,
): Promise<B2bFixture> {
  const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);
  const old = (await q('SELECT id FROM company WHERE registrationNumber = ?', [REGISTRATION])) as {
    id: number;
  }[];
  for (const { id } of old) {
    await q(
      'DELETE FROM contract_line WHERE contractId IN (SELECT id FROM contract WHERE companyId = ?)',
      [id],
    );
    for (const table of [
      'contract',
      'contract_milestone',
      'contract_payment',
      'call_off',
      'credit_line',
    ]) {
      await q(`DELETE FROM \`${table}\` WHERE companyId = ?`, [id]);
    }
    await q('DELETE FROM company WHERE id = ?', [id]); // members cascade
  }
  await q('TRUNCATE TABLE call_off_line');
  await q('DELETE FROM user WHERE email LIKE ?', [`%@${EMAIL_DOMAIN}`]); // sessions cascade
  await q(
    "INSERT INTO company (name, registrationNumber, status, verifiedAt) VALUES ('Bench B2B Co', ?, 'VERIFIED', NOW())",
    [REGISTRATION],
  );
  const [{ id: companyId }] = (await q('SELECT id FROM company WHERE registrationNumber = ?', [
    REGISTRATION,
  ])) as [{ id: number }];
  const [{ id: sellerId }] = (await q(
    "SELECT s.id FROM seller s WHERE s.status = 'ACTIVE' ORDER BY s.id LIMIT 1",
  )) as [{ id: number }];
  const variants = (await q(
    `SELECT v.id, v.listPrice FROM variant v JOIN product p ON p.id = v.productId
     WHERE p.sellerId = ? AND p.status = 'ACTIVE' AND v.currency = ? ORDER BY v.id LIMIT ?`,
    [sellerId, config.platformCurrency, lines],
  )) as { id: number; listPrice: number }[];
  await q('UPDATE variant SET stockOnHand = 1000000000, stockReserved = 0 WHERE id IN (?)', [
    variants.map((v) => v.id),
  ]);

  await q('INSERT INTO user (email, passwordHash, name) VALUES ?', [
    Array.from({ length: buyers }, (_, i) => [
      `buyer-${i}@${EMAIL_DOMAIN}`,
      'scrypt$disabled',
      `B2B Buyer ${i}`,
    ]),
  ]);
  const users = (await q('SELECT id FROM user WHERE email LIKE ? ORDER BY id', [
    `%@${EMAIL_DOMAIN}`,
  ])) as { id: number }[];
  await q('INSERT INTO company_member (companyId, userId, roles, department) VALUES ?', [
    users.map((u) => [companyId, u.id, 'BUYER', null]),
  ]);
  const expiresAt = new Date(Date.now() + 24 * 3600 * 1000);
  const sessions = users.map((u) => ({ userId: u.id, sessionId: randomUUID() }));
  await q('INSERT INTO session (id, userId, expiresAt) VALUES ?', [
    sessions.map((s) => [s.sessionId, s.userId, expiresAt]),
  ]);
  const signer = new TokenSigner(config.authSecret);
  const tokens = await Promise.all(sessions.map((s) => signer.sign(s, expiresAt)));

  const today = new Date().toISOString().slice(0, 10);
  const end = new Date(Date.now() + 364 * 86_400_000).toISOString().slice(0, 10);
  await q(
    `INSERT INTO contract (companyId, sellerId, quoteId, quoteVersionId, approvalRequestId, kind,
       status, startsOn, endsOn, termMonths, paymentTerms, totalAmount, currency)
     VALUES (?, ?, ?, 0, 0, 'FRAMEWORK', 'ACTIVE', ?, ?, 12, ?, 0, ?)`,
    [
      companyId,
      sellerId,
      -companyId,
      today,
      end,
      JSON.stringify({ kind: 'NET', milestones: [], netDays: 30 }),
      config.platformCurrency,
    ],
  );
  const [{ id: contractId }] = (await q('SELECT id FROM contract WHERE companyId = ?', [
    companyId,
  ])) as [{ id: number }];
  await q(
    'INSERT INTO contract_line (contractId, variantId, description, quantity, unitPriceAmount, currency, drawnQuantity) VALUES ?',
    [
      variants.map((v) => [
        contractId,
        v.id,
        `Bench line ${v.id}`,
        1_000_000_000,
        v.listPrice,
        config.platformCurrency,
        0,
      ]),
    ],
  );
  const contractLines = (await q(
    'SELECT id, variantId, unitPriceAmount FROM contract_line WHERE contractId = ? ORDER BY id',
    [contractId],
  )) as { id: number; variantId: number; unitPriceAmount: number }[];
  await q(
    'INSERT INTO credit_line (sellerId, companyId, limitAmount, currency) VALUES (?, ?, 0, ?)',
    [sellerId, companyId, config.platformCurrency],
  );
  return {
    companyId,
    sellerId,
    contractId,
    lines: contractLines.map((l) => ({
      id: l.id,
      variantId: l.variantId,
      unitPrice: Number(l.unitPriceAmount),
    })),
    tokens,
  };
}

/** Unpaid installments and invoices of the fixture's company (what its credit must cover). */
export async function exposureOf(dataSource: DataSource, fixture: B2bFixture): Promise<number> {
  const [row] = (await dataSource.query(
    'SELECT COALESCE(SUM(amountDue - amountPaid), 0) AS owed FROM contract_milestone WHERE sellerId = ? AND companyId = ?',
    [fixture.sellerId, fixture.companyId],
  )) as [{ owed: number | string }];
  return Number(row.owed);
}

export async function setCreditLimit(
  dataSource: DataSource,
  fixture: B2bFixture,
  limit: number,
): Promise<void> {
  await dataSource.query(
    'UPDATE credit_line SET limitAmount = ? WHERE sellerId = ? AND companyId = ?',
    [limit, fixture.sellerId, fixture.companyId],
  );
}
