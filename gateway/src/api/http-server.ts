import { HeaderMap, type ApolloServer } from '@apollo/server';
import accepts from 'accepts';
import bodyParser from 'body-parser';
import finalhandler from 'finalhandler';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import serveStatic from 'serve-static';
import type { Context } from './context.js';
import { logger } from './logger.js';

/** Maximum request body: CSV imports of tens of thousands of rows travel as one string. */
const BODY_LIMIT = '64mb';

export interface HttpServerOptions {
  apollo: ApolloServer<Context>;
  /** The request's context; `clientIp` is the caller's address behind loopback proxies. */
  context(req: IncomingMessage, clientIp: string): Promise<Context>;
  /** Browser origins allowed to call `/graphql`. */
  corsOrigins: readonly string[];
  /** Whether the database answers (`GET /health`). */
  healthy(): Promise<boolean>;
  /** Development only: the IDE's files (served under `/ide/`) and its page (`GET /graphql`). */
  ide: { directory: string; page: string } | null;
  /** Runs each GraphQL request (SQL statement counting wraps it here when asked). */
  around?<T>(serve: () => T): T;
}

/**
 * The gateway's HTTP front on `node:http`, as Apollo's own standalone server is built: three
 * routes do not need a web framework, and Express's router and response helpers cost a few
 * percent of every GraphQL request's CPU. Routes: `/graphql` (GraphQL over HTTP, CORS for
 * `corsOrigins`, the IDE page in development), `/health`, `/ide/` (development); anything else
 * answers 404. A body that is not valid JSON, or too large, answers a GraphQL-shaped error.
 */
export function createHttpServer(options: HttpServerOptions): http.Server {
  const { apollo, corsOrigins, ide } = options;
  const json = bodyParser.json({ limit: BODY_LIMIT });
  const cors = new Set(corsOrigins);
  // The rate limits key on the client: believe X-Forwarded-For only from a proxy on this host.
  const trusted = proxyaddr.compile('loopback');
  const ideFiles = ide ? serveStatic(ide.directory) : null;
  const around = options.around ?? ((serve) => serve());

  async function execute(req: IncomingMessage, res: ServerResponse, search: string) {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search,
        body: (req as { body?: unknown }).body,
      },
      context: () => options.context(req, proxyaddr(req, trusted)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  function graphql(req: IncomingMessage, res: ServerResponse, search: string, fail: Fail) {
    const origin = req.headers.origin;
    if (origin && cors.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.end();
        return;
      }
    }
    if (
      ide &&
      req.method === 'GET' &&
      !new URLSearchParams(search).has('query') &&
      accepts(req).type(['application/json', 'text/html']) === 'text/html'
    ) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(ide.page);
      return;
    }
    json(req, res, (error?: unknown) => {
      if (error) {
        unreadableBody(res, error);
        return;
      }
      around(() => execute(req, res, search)).catch(fail);
    });
  }

  return http.createServer((req, res) => {
    // Made only when needed: a 404, or an error no route answered.
    const fail: Fail = (error) =>
      finalhandler(req, res, {
        onerror: (e: unknown) => logger.error({ err: e }, 'unexpected error'),
      })(error);
    const url = req.url ?? '/';
    const at = url.indexOf('?');
    const path = at < 0 ? url : url.slice(0, at);
    const search = at < 0 ? '' : url.slice(at);
    if (path === '/graphql') {
      graphql(req, res, search, fail);
    } else if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      options.healthy().then((ok) => {
        res.statusCode = ok ? 200 : 503;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
      }, fail);
    } else if (ideFiles && (path === '/ide' || path.startsWith('/ide/'))) {
      req.url = url.slice('/ide'.length) || '/';
      ideFiles(req, res, fail);
    } else {
      fail();
    }
  });
}

type Fail = (error?: unknown) => void;

/** A body-parser error (not JSON, too large, bad charset) as a GraphQL-over-HTTP error. */
function unreadableBody(res: ServerResponse, error: unknown) {
  const { status, type } = error as { status?: number; type?: string };
  const message =
    type === 'entity.too.large'
      ? 'The request body is too large'
      : type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : 'The request body cannot be read';
  res.statusCode = status && status >= 400 && status < 500 ? status : 400;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
}
