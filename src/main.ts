// The composition root: config → dev issuer → database → OpenFGA → modules → HTTP → workers, and the
// reverse on SIGTERM/SIGINT. `--role api|workers` runs one half (docker-compose); the default runs both.
import { Redis } from 'ioredis';
import { createAuthz } from './authz/index.js';
import { loadConfig, type Config } from './config/index.js';
import { runMigrations } from './db/migrate.js';
import { createOrm } from './db/orm.js';
import { UnitOfWork } from './db/unit-of-work.js';
import { createHttpApp } from './http/app.js';
import { createAuthMiddleware } from './http/auth.js';
import { createCallerResolver, createModuleRouters } from './modules/index.js';
import { logger } from './observability/logger.js';
import { listen } from './server-runtime/http-server.js';
import { readRole, type Role } from './server-runtime/role.js';
import type { ShutdownSequence } from './server-runtime/shutdown.js';
import { browsableHost, formatStartupBanner } from './server-runtime/startup-banner.js';
import { shutdownSequence, type Running } from './server-runtime/stop-order.js';
import { startDevIssuer } from './stand-ins/auth0/dev-issuer.js';
import { startWorkers } from '../workers/index.js';

async function start(config: Config, role: Role, running: Running, state: { shuttingDown: boolean }): Promise<void> {
  const serveApi = role !== 'workers';
  if (serveApi && config.auth.devIssuer) running.devIssuer = await startDevIssuer({ audience: config.auth.audience });

  // Only the API role migrates: two processes racing through the same migrations helps nobody.
  const migrationsApplied = serveApi ? await runMigrations(config) : [];
  running.orm = await createOrm(config);
  running.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  running.redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  await running.redis.connect();
  running.authz = await createAuthz(config, running.orm, logger);
  const { authz, tupleSync } = running.authz;
  const uow = new UnitOfWork(running.orm, tupleSync);

  const issuer = running.devIssuer;
  const authenticate = serveApi
    ? createAuthMiddleware({
        ...(issuer ? { issuer: issuer.issuer, jwksUri: issuer.jwksUri } : { issuerBaseURL: config.auth.issuerBaseUrl }),
        audience: config.auth.audience,
        resolveCaller: createCallerResolver(uow),
      })
    : undefined;
  const orm = running.orm;
  const redis = running.redis;
  const fga = running.authz;
  const app = createHttpApp({
    config,
    routers: serveApi ? createModuleRouters({ uow, authz, logger }) : [],
    // The workers role serves only /healthz, /readyz and /metrics; /v1 has no routes there.
    authenticate: authenticate ?? ((_req, _res, next) => next()),
    readinessProbes: {
      postgres: () => orm.em.fork().getConnection().execute('select 1'),
      redis: () => redis.ping(),
      openfga: () => fga.readinessProbe(),
      accepting: async () => {
        if (state.shuttingDown) throw new Error('shutting down');
      },
    },
    extraInfo: () => ({ role, openfga: { embedded: fga.embedded, storeId: fga.storeId, modelId: fga.modelId, modelSha256: fga.modelSha256 } }),
  });
  const { server, port } = await listen(app, config.port, config.host);
  running.server = server;

  running.workers = role === 'api' ? undefined : await startWorkers({ tupleSync, logger });

  const apiUrl = `http://${browsableHost(config.host)}:${port}`;
  if (config.nodeEnv !== 'production') {
    process.stdout.write(
      `${formatStartupBanner({
        servesApi: serveApi,
        apiUrl,
        bindAddress: `${config.host}:${port}`,
        fga: { url: fga.apiUrl, embedded: fga.embedded, datastore: fga.embedded ? config.openfga.embeddedDatastore : undefined, storeId: fga.storeId, modelId: fga.modelId },
        devIssuer: issuer ? { baseUrl: issuer.baseUrl, issuer: issuer.issuer } : undefined,
        workers: running.workers?.names ?? [],
        migrationsApplied,
      })}\n`,
    );
  }
  logger.info(
    { role, apiUrl, openfgaUrl: fga.apiUrl, openfgaEmbedded: fga.embedded, devIssuer: issuer?.baseUrl, workers: running.workers?.names ?? [] },
    'touchline started',
  );
}

async function main(): Promise<void> {
  let config: Config;
  let role: Role;
  try {
    config = loadConfig();
    role = readRole();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  logger.level = config.logLevel;

  const running: Running = {};
  const state = { shuttingDown: false };
  let sequence: ShutdownSequence | undefined;
  const stop = async (reason: string, exitCode: number) => {
    sequence ??= shutdownSequence(config, running, state);
    const clean = await sequence.run(reason);
    logger.info({ exitCode: clean ? exitCode : 1 }, 'stopped');
    process.exit(clean ? exitCode : 1);
  };
  let signals = 0;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      // A second Ctrl-C means "now": skip whatever is still draining.
      if (++signals > 1) process.exit(1);
      void stop(signal, 0);
    });
  }
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    void stop('unhandledRejection', 1);
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void stop('uncaughtException', 1);
  });

  try {
    await start(config, role, running, state);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await stop('start-up failed', 1);
  }
}

await main();
