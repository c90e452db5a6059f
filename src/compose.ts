// Builds the whole application from a validated config: database, OpenFGA (embedded or remote),
// modules, HTTP app and background workers. main.ts and the integration tests both start it this way.
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import type { Express } from 'express';
import type { Config } from './config/index.js';
import { createAuthz, type AuthzRuntime } from './authz/index.js';
import { createOrm, type Orm } from './db/orm.js';
import { runMigrations } from './db/migrate.js';
import { UnitOfWork } from './db/unit-of-work.js';
import { createHttpApp } from './http/app.js';
import { createAuthMiddleware } from './http/auth.js';
import { logger as defaultLogger, type Logger } from './observability/logger.js';
import { startDevIssuer, type DevIssuer } from './stand-ins/auth0/dev-issuer.js';
import { createCallerResolver, createModuleRouters, type ModuleDeps } from './modules/index.js';
import { startWorkers, type RunningWorkers } from '../workers/index.js';

export interface Touchline {
  app: Express;
  deps: ModuleDeps;
  orm: Orm;
  fga: AuthzRuntime;
  redis: Redis;
  devIssuer?: DevIssuer;
  workers?: RunningWorkers;
  /** Stops workers, then closes the ORM, Redis, the embedded engine and the dev issuer. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  logger?: Logger;
  startWorkers?: boolean;
  devIssuerStateDir?: string;
}

export async function composeTouchline(config: Config, opts: ComposeOptions = {}): Promise<Touchline> {
  const logger = opts.logger ?? defaultLogger;
  const devIssuer = config.auth.devIssuer ? await startDevIssuer({ stateDir: opts.devIssuerStateDir, audience: config.auth.audience }) : undefined;
  await runMigrations({ databaseUrl: config.databaseUrl });
  const orm = await createOrm({ databaseUrl: config.databaseUrl });
  const fga = await createAuthz(config, orm, logger);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on('error', (err) => logger.warn({ err }, 'Redis connection error'));
  const uow = new UnitOfWork(orm, fga.tupleSync);
  const deps: ModuleDeps = { uow, authz: fga.authz, logger };
  const authenticate = createAuthMiddleware({
    ...(devIssuer ? { issuer: devIssuer.issuer, jwksUri: devIssuer.jwksUri } : { issuerBaseURL: config.auth.issuerBaseUrl }),
    audience: config.auth.audience,
    resolveCaller: createCallerResolver(uow),
  });
  const app = createHttpApp({
    config,
    logger,
    routers: createModuleRouters(deps),
    authenticate,
    readinessProbes: {
      postgres: () => orm.em.fork().getConnection().execute('select 1'),
      redis: () => redis.ping(),
      openfga: () => fga.readinessProbe(),
    },
    extraInfo: () => ({ openfga: { storeId: fga.storeId, modelId: fga.modelId, modelSha256: fga.modelSha256, embedded: fga.embedded } }),
  });
  const workers = opts.startWorkers === false ? undefined : await startWorkers({ tupleSync: fga.tupleSync, logger });
  return {
    app, deps, orm, fga, redis, devIssuer, workers,
    close: async () => {
      await workers?.close();
      await orm.close();
      redis.disconnect();
      await fga.close();
      await devIssuer?.close();
    },
  };
}

/** Listens and resolves once the port is bound (port 0: any free port). */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
