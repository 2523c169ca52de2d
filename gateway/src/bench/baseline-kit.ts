import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool, type PoolConnection, type RowDataPacket } from 'mysql2/promise';
import { TokenSigner } from '../modules/identity/token.js';

/**
 * What the hand-written baselines share: the viewer's session read as the gateway sends it,
 * one transaction per mutation with the gateway's retry on deadlock, and a `node:http` server
 * answering one GraphQL mutation's JSON. A request with `x-bench-trace: 1` also gets the
 * statements it ran in `extensions.statements`, which the benchmarks compare with the
 * gateway's.
 */
export type Row = RowDataPacket & Record<string, any>;

/** `alias`.`col` AS `prefix_col`, ... as TypeORM selects an entity's columns. */
export const columns = (alias: string, prefix: string, names: string[]) =>
  names.map((n) => `\`${alias}\`.\`${n}\` AS \`${prefix}_${n}\``).join(', ');

const SESSION = ['id', 'userId', 'expiresAt', 'createdAt'];
const USER = ['id', 'createdAt', 'updatedAt', 'email', 'passwordHash', 'name', 'isPlatformAdmin'];
const MEMBER = ['id', 'createdAt', 'updatedAt', 'companyId', 'userId', 'roles', 'department'];
const COMPANY = [
  'id',
  'createdAt',
  'updatedAt',
  'name',
  'registrationNumber',
  'status',
  'verifiedAt',
];
const STAFF = ['id', 'createdAt', 'updatedAt', 'sellerId', 'userId'];

const sessionColumns = [
  columns('s', 's', SESSION),
  columns('u', 'u', USER),
  columns('m', 'm', MEMBER),
  columns('c', 'c', COMPANY),
  columns('st', 'st', STAFF),
].join(', ');
const sessionJoins =
  'FROM `session` `s` INNER JOIN `user` `u` ON `u`.`id`=`s`.`userId` ' +
  'LEFT JOIN `company_member` `m` ON `m`.`userId`=`u`.`id` ' +
  'LEFT JOIN `company` `c` ON `c`.`id`=`m`.`companyId` ' +
  'LEFT JOIN `seller_staff` `st` ON `st`.`userId`=`u`.`id`';
const sessionWhere = '(`s`.`id` = ? AND `s`.`userId` = ? AND `s`.`expiresAt` > ?)';

/** The viewer's session, user, memberships and staff, as the gateway reads them. */
export const sessionSql = `SELECT ${sessionColumns} ${sessionJoins} WHERE ${sessionWhere}`;

export type Query = (sql: string, params: unknown[]) => Promise<any>;

/** Thrown inside a transaction to roll it back and answer `result`. */
export class Rollback {
  constructor(readonly result: unknown) {}
}

/** Thrown inside a transaction that lost a race: run it again. */
export class Retry extends Error {}

export interface MutationBaselineOptions {
  databaseUrl: string;
  poolSize: number;
  authSecret: string;
  /** The mutation's field in `data`. */
  field: string;
  /**
   * The mutation's transaction for the signed-in viewer, given `variables.input`. It calls
   * `committed` when a statement committed the transaction on the server (no COMMIT follows).
   */
  run(q: Query, viewer: BaselineViewer, input: unknown, committed: () => void): Promise<unknown>;
}

/** The signed-in user and the companies they belong to, with their roles there. */
export interface BaselineViewer {
  userId: number;
  memberships: { companyId: number; roles: string[] }[];
}

export function createMutationBaseline(options: MutationBaselineOptions) {
  const pool = createPool({
    uri: options.databaseUrl,
    connectionLimit: options.poolSize,
    timezone: 'Z',
    charset: 'UTF8MB4_UNICODE_CI',
  });
  const signer = new TokenSigner(options.authSecret);

  async function viewer(q: Query, token: string | null): Promise<BaselineViewer | null> {
    if (!token) return null;
    const claims = await signer.verify(token);
    if (!claims) return null;
    const [rows] = (await q(sessionSql, [claims.sessionId, claims.userId, new Date()])) as [Row[]];
    const first = rows[0];
    if (!first) return null;
    return {
      userId: first.u_id as number,
      memberships: rows
        .filter((r) => r.m_id !== null)
        .map((r) => ({ companyId: r.m_companyId as number, roles: String(r.m_roles).split(',') })),
    };
  }

  /** One transaction on one pooled connection; retried on deadlock or a lost race. */
  async function inTransaction(
    trace: string[] | null,
    work: (q: Query, committed: () => void) => Promise<unknown>,
  ) {
    for (let attempt = 1; ; attempt++) {
      const conn: PoolConnection = await pool.getConnection();
      const q: Query = (sql, params) => {
        trace?.push(sql);
        return conn.query(sql, params);
      };
      let open = true;
      try {
        await q('START TRANSACTION', []);
        const result = await work(q, () => (open = false));
        if (open) await q('COMMIT', []);
        return result;
      } catch (error) {
        if (open) await q('ROLLBACK', []).catch(() => undefined);
        if (error instanceof Rollback) return error.result;
        const e = error as { code?: string };
        const retry =
          error instanceof Retry ||
          e.code === 'ER_LOCK_DEADLOCK' ||
          e.code === 'ER_LOCK_WAIT_TIMEOUT';
        if (attempt < 3 && retry) continue;
        throw error;
      } finally {
        conn.release();
      }
    }
  }

  async function answer(body: string, token: string | null, traced: boolean) {
    const trace = traced ? ([] as string[]) : null;
    const q: Query = (sql, params) => {
      trace?.push(sql);
      return pool.query(sql, params);
    };
    const { variables } = JSON.parse(body) as { variables: { input: unknown } };
    const who = await viewer(q, token);
    if (who === null) {
      return {
        errors: [
          {
            message: 'You must be signed in',
            path: [options.field],
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
        data: null,
      };
    }
    const result = await inTransaction(trace, (tq, committed) =>
      options.run(tq, who, variables.input, committed),
    );
    return {
      data: { [options.field]: result },
      ...(trace ? { extensions: { statements: trace } } : {}),
    };
  }

  return serveJson(answer, () => pool.end());
}

/**
 * A baseline's HTTP side: POST bodies answered as JSON by `answer` (given the body, the bearer
 * token and whether `x-bench-trace: 1` asks for the statements), 500 with the error otherwise;
 * listening on a free loopback port, and `release` called on close.
 */
export function serveJson(
  answer: (body: string, token: string | null, traced: boolean) => Promise<unknown>,
  release: () => Promise<void>,
) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
      answer(
        Buffer.concat(chunks).toString('utf8'),
        token,
        req.headers['x-bench-trace'] === '1',
      ).then(
        (json) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });

  return {
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return `http://127.0.0.1:${port}/`;
    },
    async close(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await release();
    },
  };
}

/**
 * The entry of a forked baseline (`processes.ts` `forkBaseline`): its options arrive over IPC,
 * its address goes back; SIGTERM closes it.
 */
export function serveOverIpc<O>(
  create: (options: O) => { listen(): Promise<string>; close(): Promise<void> },
): void {
  if (!process.send) return;
  process.once('message', (options: O) => {
    const baseline = create(options);
    baseline.listen().then(
      (url) => process.send?.({ url }),
      (error: unknown) => {
        process.stderr.write(`baseline failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
    process.once('SIGTERM', () => {
      baseline.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  });
}
