import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';

/**
 * Starts the real, built gateway (`dist/main.js`) as a child process on a fresh database of
 * its own: the embedded SQLite by default, a new MariaDB database when
 * MARKETGATE_TEST_DB=mysql (server from MYSQL_TEST_URL, default local root). Tests talk to
 * it over HTTP only, as any client would.
 */
export interface TestGateway {
  url: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    /** The time the gateway should take as now for this request (x-marketgate-now). */
    at?: Date,
  ): Promise<GqlResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data: T;
  errors?: {
    message: string;
    extensions?: {
      code?: string;
      fields?: {
        path: string;
        messages: string[];
        problems: { code: string; params: Record<string, string | number> }[];
      }[];
    };
  }[];
  extensions?: { sqlStatements?: number };
  raw: string;
}

export const DEMO_PASSWORD = 'demo-pass-123';
export const usesMysql = process.env.MARKETGATE_TEST_DB === 'mysql';
const mysqlServer = process.env.MYSQL_TEST_URL ?? 'mysql://root@127.0.0.1:3306';
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export async function startGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mg-e2e-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (usesMysql) {
    const name = `mg_test_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection(mysqlServer);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    databaseUrl = `${mysqlServer.replace(/^mysql:/, 'mariadb:')}/${name}`;
    dropDatabase = async () => {
      const conn = await createConnection(mysqlServer);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  }
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      // Each suite makes the history it asserts on.
      SEED_DEMO_HISTORY: 'false',
      EXPOSE_SQL_COUNT: 'true',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // MARKETGATE_TEST_LOG=1 shows the gateway's own log (errors with their stacks) while tests run.
  if (process.env.MARKETGATE_TEST_LOG) {
    child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  }
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match =
        /gateway ready at (http:\/\/\S+?)"/.exec(output) ??
        /gateway ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });

  async function gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    at?: Date,
  ): Promise<GqlResponse<T>> {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(at ? { 'x-marketgate-now': at.toISOString() } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await res.text();
    return {
      status: res.status,
      raw,
      ...(JSON.parse(raw) as Omit<GqlResponse<T>, 'status' | 'raw'>),
    };
  }

  return {
    url,
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { __typename: string; token?: string } }>(
        'mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { token } } }',
        { input: { email, password } },
      );
      if (!res.data?.login.token) throw new Error(`login of ${email} failed: ${res.raw}`);
      return res.data.login.token;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The one error code of a response that failed with a thrown error. */
export function errorCode(res: GqlResponse<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
