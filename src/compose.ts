// Builds the whole application from a validated config: dev issuer, database, OpenFGA (embedded or
// remote), modules, HTTP app and background workers. main.ts and the integration tests both use it.
import type { Express } from 'express';
import { Redis } from 'ioredis';
import { createAuthz } from './authz/index.js';
import { ConfigError, emailProductionProblems, emailSettingsOf, type Config } from './config/index.js';
import { runMigrations } from './db/migrate.js';
import { createOrm } from './db/orm.js';
import { createSqlReader } from './db/sql-reader.js';
import { UnitOfWork } from './db/unit-of-work.js';
import { startEmailRuntime, type EmailRuntime } from './email/email-runtime.js';
import { createHttpApp } from './http/app.js';
import { createAuthMiddleware } from './http/auth.js';
import { auditChangeLog } from './modules/audit/change-log/record-tuple-changes.js';
import { createDecisionLog } from './modules/audit/decision-log.js';
import { createCallerResolver, createModuleRouters, createPublicRouters, type ModuleDeps } from './modules/index.js';
import { desiredTuples } from './modules/tuple-sources.js';
import { logger as processLogger, type Logger } from './observability/logger.js';
import type { Role } from './server-runtime/role.js';
import type { Running } from './server-runtime/stop-order.js';
import { startDevIssuer } from './stand-ins/auth0/dev-issuer.js';
import { defaultDevIssuerStateDir } from './stand-ins/auth0/dev-issuer-settings.js';
import { QUEUE_DASHBOARD_PATH, queueDashboardRouter } from './jobs/queue-dashboard.js';
import { startWorkers } from '../workers/index.js';

export interface ComposeOptions {
  /** 'api' serves HTTP only, 'workers' runs background work (plus health endpoints), 'all' both. */
  role?: Role;
  logger?: Logger;
  startWorkers?: boolean;
  devIssuerStateDir?: string;
  /** Where the SendGrid stand-in keeps its webhook key (default: beside the dev issuer's; tests: a fresh key). */
  sendgridStandInStateDir?: string;
  /** false: another process migrated already (an API process of a cluster: the first process did). */
  migrate?: boolean;
  /** Filled as parts start, so a failed start-up can still close what it opened. */
  running?: Running;
  isShuttingDown?: () => boolean;
}

export interface Touchline {
  app: Express;
  deps: ModuleDeps;
  running: Required<Pick<Running, 'orm' | 'redis' | 'authz'>> & Running;
  migrationsApplied: string[];
  /** Job queues and outbox, the mail sender and, without SENDGRID_API_KEY, the SendGrid stand-in. */
  email: EmailRuntime;
}

export async function composeTouchline(config: Config, opts: ComposeOptions = {}): Promise<Touchline> {
  const role = opts.role ?? 'all';
  const logger = opts.logger ?? processLogger;
  const running: Running = opts.running ?? {};
  const serveApi = role !== 'workers';
  const emailSettings = emailSettingsOf(config);
  if (config.nodeEnv === 'production' && emailProductionProblems(emailSettings).length) throw new ConfigError(emailProductionProblems(emailSettings));

  if (serveApi && config.auth.devIssuer) {
    running.devIssuer = await startDevIssuer({ stateDir: opts.devIssuerStateDir, audience: config.auth.audience });
  }
  // Only the API role migrates: two processes racing through the same migrations helps nobody.
  const migrationsApplied = (opts.migrate ?? serveApi) ? await runMigrations(config) : [];
  const orm = (running.orm = await createOrm(config));
  const sql = (running.sql = createSqlReader(config));
  const redis = (running.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false }));
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  await redis.connect();
  const fga = (running.authz = await createAuthz(config, orm, logger));
  const email = (running.email = await startEmailRuntime(config, emailSettings, {
    orm,
    redis,
    logger,
    standInStateDir: opts.sendgridStandInStateDir ?? (config.nodeEnv === 'test' ? undefined : defaultDevIssuerStateDir()),
  }));
  const uow = new UnitOfWork(orm, fga.tupleSync, email.outbox, auditChangeLog);
  const deps: ModuleDeps = { uow, sql, authz: fga.authz.withDecisionLog(createDecisionLog(sql)), logger, publicBaseUrl: email.links.baseUrl };

  const dashboard = serveApi ? queueDashboardRouter({ queues: email.queues.all(), password: emailSettings.queues.dashboardPassword, development: config.nodeEnv === 'development' }) : undefined;
  const issuer = running.devIssuer;
  const authenticate = serveApi
    ? createAuthMiddleware({
        ...(issuer ? { issuer: issuer.issuer, jwksUri: issuer.jwksUri } : { issuerBaseURL: config.auth.issuerBaseUrl }),
        audience: config.auth.audience,
        resolveCaller: createCallerResolver(uow),
      })
    : undefined;
  const app = createHttpApp({
    config,
    logger,
    routers: serveApi ? createModuleRouters(deps) : [],
    publicRouters: serveApi ? [...createPublicRouters(deps, { linkSecret: email.links.secret, sendgridWebhookKey: email.webhookPublicKey }), ...(dashboard ? [{ under: QUEUE_DASHBOARD_PATH, router: dashboard }] : [])] : [],
    // The workers role serves only /healthz, /readyz and /metrics; /v1 has no routes there.
    authenticate: authenticate ?? ((_req, _res, next) => next()),
    readinessProbes: {
      postgres: () => orm.em.fork().getConnection().execute('select 1'),
      redis: () => redis.ping(),
      openfga: () => fga.readinessProbe(),
      accepting: async () => {
        if (opts.isShuttingDown?.()) throw new Error('shutting down');
      },
    },
    rateLimit: serveApi ? { redis, ...config.rateLimit } : undefined,
    extraInfo: () => ({ role, openfga: { embedded: fga.embedded, storeId: fga.storeId, ...fga.activeModel() } }),
  });
  if (role !== 'api' && opts.startWorkers !== false) {
    running.workers = await startWorkers({
      tupleSync: fga.tupleSync,
      desiredTuples,
      logger,
      jobs: {
        outbox: email.outbox,
        email: {
          redisUrl: config.redisUrl,
          prefix: emailSettings.queues.prefix,
          concurrency: emailSettings.delivery.concurrency,
          // The stalled-job check runs as often as a lock lasts: a killed worker's job moves on within ~2 locks.
          lockDurationMs: emailSettings.delivery.jobLockMs,
          stalledIntervalMs: emailSettings.delivery.jobLockMs,
          logger: logger.child({ worker: 'email' }),
          send: { orm, sender: email.sender, links: email.links, unknownOutcomeGraceMs: emailSettings.delivery.unknownOutcomeGraceMs, logger: logger.child({ worker: 'email' }) },
        },
      },
    });
  }
  return { app, deps, running: running as Touchline['running'], migrationsApplied, email };
}
