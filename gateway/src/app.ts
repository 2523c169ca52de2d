import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createContext, type Context } from './api/context.js';
import { formatError } from './api/errors.js';
import { jitExecutor } from './api/jit-executor.js';
import { complexityPlugin, depthRule } from './api/limits.js';
import { logger } from './api/logger.js';
import { createSchema } from './api/schema.js';
import { createServices } from './api/services.js';
import type { Config } from './config/config.js';
import { createDataSource } from './db/data-source.js';
import { countSql, currentSqlCount } from './db/sql-log.js';
import { startSweep } from './jobs/sweep.js';

export interface Gateway {
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Maximum request body: CSV imports of tens of thousands of rows travel as one string. */
const BODY_LIMIT = '64mb';

/**
 * Composes the gateway: data source (migrated), services, schema, HTTP server. Listens on
 * `config.port` (0 picks a free port) and answers at `/graphql`.
 */
export async function startGateway(config: Config): Promise<Gateway> {
  const dataSource = createDataSource(config.database, config.logSql);
  await dataSource.initialize();
  if (config.migrateOnStart) await dataSource.runMigrations({ transaction: 'each' });
  const services = await createServices(config, dataSource);
  const schema = await createSchema();

  const app = express();
  app.disable('x-powered-by');
  // An ETag hashes every response body; GraphQL POST answers are never revalidated.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    gateway: jitExecutor(schema),
    validationRules: [depthRule(config.maxQueryDepth)],
    includeStacktraceInErrorResponses: false,
    // Tokens travel in the Authorization header, never in cookies, so a cross-site form cannot
    // act for a user; the preflight requirement would only break plain GET clients.
    csrfPrevention: false,
    introspection: true,
    formatError: (formatted, error) =>
      formatError(formatted, error, (e) => logger.error({ err: e }, 'unexpected error')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints; the default cache-control plugin would still wrap every
      // resolver (willResolveField), a cost per field on every list.
      ApolloServerPluginCacheControlDisabled(),
      complexityPlugin(schema, config.maxQueryComplexity),
      ...(config.exposeSqlCount
        ? [
            {
              async requestDidStart() {
                return {
                  async willSendResponse({ response }: { response: { body: unknown } }) {
                    const body = response.body as {
                      kind: string;
                      singleResult?: { extensions?: Record<string, unknown> };
                    };
                    if (body.kind === 'single' && body.singleResult) {
                      body.singleResult.extensions = {
                        ...body.singleResult.extensions,
                        sqlStatements: currentSqlCount(),
                      };
                    }
                  },
                };
              },
            },
          ]
        : []),
    ],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  if (config.env === 'development') {
    // The IDE is served from the altair-static package: nothing loads from the internet. Loaded
    // here only, so production processes do not hold it.
    const { getDistDirectory, renderAltair } = await import('altair-static');
    app.use('/ide', express.static(getDistDirectory()));
    app.get('/graphql', (req, res, next) => {
      if (
        req.query.query === undefined &&
        req.accepts(['application/json', 'text/html']) === 'text/html'
      ) {
        res
          .type('html')
          .send(renderAltair({ baseURL: '/ide/', endpointURL: '/graphql', disableAccount: true }));
      } else next();
    });
  }

  const cors = new Set(config.corsOrigins);
  app.use('/graphql', (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && cors.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') {
        res.sendStatus(204);
        return;
      }
    }
    next();
  });

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    // Counting rides on AsyncLocalStorage, whose promise hooks cost every request: only when asked.
    ...(config.exposeSqlCount
      ? [(_req: unknown, _res: unknown, next: () => void) => countSql(next)]
      : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const auth = req.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
        const clock = config.env === 'test' ? req.headers['x-marketgate-now'] : undefined;
        const fixedNow = typeof clock === 'string' ? new Date(clock) : null;
        return createContext({
          config,
          dataSource,
          services,
          token,
          clientIp: req.ip ?? 'unknown',
          fixedNow: fixedNow && !Number.isNaN(fixedNow.getTime()) ? fixedNow : null,
        });
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const stopSweep = startSweep(config, dataSource, services);
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    dataSource,
    async close() {
      await stopSweep();
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}
