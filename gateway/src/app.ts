import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createContext, type Context } from './api/context.js';
import { formatError } from './api/errors.js';
import { createHttpServer } from './api/http-server.js';
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
  // The IDE is served from the altair-static package: nothing loads from the internet. Loaded
  // in development only, so production processes do not hold it.
  const altair = config.env === 'development' ? await import('altair-static') : null;
  const httpServer = createHttpServer({
    apollo,
    corsOrigins: config.corsOrigins,
    ide: altair && {
      directory: altair.getDistDirectory(),
      page: altair.renderAltair({
        baseURL: '/ide/',
        endpointURL: '/graphql',
        disableAccount: true,
      }),
    },
    async healthy() {
      try {
        await dataSource.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    // Counting rides on AsyncLocalStorage, whose promise hooks cost every request: only when asked.
    ...(config.exposeSqlCount ? { around: (serve) => countSql(serve).result } : {}),
    context(req, clientIp) {
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
      const clock = config.env === 'test' ? req.headers['x-marketgate-now'] : undefined;
      const fixedNow = typeof clock === 'string' ? new Date(clock) : null;
      return createContext({
        config,
        dataSource,
        services,
        token,
        clientIp,
        fixedNow: fixedNow && !Number.isNaN(fixedNow.getTime()) ? fixedNow : null,
      });
    },
  });

  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();

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
