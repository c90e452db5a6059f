// The composition root: config → dev issuer → database → OpenFGA → modules → HTTP → workers, and the
// reverse on SIGTERM/SIGINT. `--role api|workers` runs one half (docker-compose); the default runs both.
// API_PROCESSES > 1 serves the API from that many processes (server-runtime/api-cluster.ts).
import cluster from 'node:cluster';
import { composeTouchline } from './compose.js';
import { loadConfig, type Config } from './config/index.js';
import { logger } from './observability/logger.js';
import { runMigrations } from './db/migrate.js';
import { reportApiReady, startApiCluster } from './server-runtime/api-cluster.js';
import { listen } from './server-runtime/http-server.js';
import { readRole, type Role } from './server-runtime/role.js';
import type { ShutdownSequence } from './server-runtime/shutdown.js';
import { browsableHost, formatStartupBanner } from './server-runtime/startup-banner.js';
import { shutdownSequence, type Running } from './server-runtime/stop-order.js';

async function start(config: Config, role: Role, running: Running, state: { shuttingDown: boolean }): Promise<void> {
  // An API process of a cluster: the first process has migrated and prints the banner.
  const clustered = cluster.isWorker;
  const { app, migrationsApplied, email } = await composeTouchline(config, { role, running, isShuttingDown: () => state.shuttingDown, migrate: clustered ? false : undefined });
  const { server, port } = await listen(app, config.port, config.host);
  running.server = server;
  const fga = running.authz!;
  const issuer = running.devIssuer;

  const apiUrl = `http://${browsableHost(config.host)}:${port}`;
  if (clustered) {
    reportApiReady({ port, devIssuer: issuer && { baseUrl: issuer.baseUrl, issuer: issuer.issuer } });
    logger.info({ role, apiUrl }, 'API process started');
    return;
  }
  // The stand-in posts its signed delivery events here, as SendGrid would to the configured webhook.
  if (role !== 'workers') email.standIn?.setEventWebhookUrl(`${apiUrl}/v1/webhooks/sendgrid`);
  printBanner(config, { role, apiUrl, port, migrationsApplied, emailInbox: email.standIn?.baseUrl, running });
}

/**
 * The first process of a cluster: migrations, the OpenFGA store and model and (role all) the workers,
 * once; then API_PROCESSES API processes on PORT.
 */
async function startCluster(config: Config, role: Role, running: Running, state: { shuttingDown: boolean }): Promise<void> {
  const migrationsApplied = await runMigrations(config);
  const { email } = await composeTouchline(config, { role: 'workers', startWorkers: role === 'all', migrate: false, running, isShuttingDown: () => state.shuttingDown });
  const apiCluster = (running.apiCluster = startApiCluster(config.apiProcesses, logger));
  const first = await apiCluster.ready;
  const apiUrl = `http://${browsableHost(config.host)}:${first.port}`;
  email.standIn?.setEventWebhookUrl(`${apiUrl}/v1/webhooks/sendgrid`);
  printBanner(config, { role, apiUrl, port: first.port, migrationsApplied, emailInbox: email.standIn?.baseUrl, running, devIssuer: first.devIssuer, apiProcesses: config.apiProcesses });
}

function printBanner(
  config: Config,
  s: { role: Role; apiUrl: string; port: number; migrationsApplied: string[]; emailInbox?: string; running: Running; devIssuer?: { baseUrl: string; issuer: string }; apiProcesses?: number },
): void {
  const { role, apiUrl, port, migrationsApplied, running } = s;
  const fga = running.authz!;
  const issuer = s.devIssuer ?? running.devIssuer;
  if (config.nodeEnv !== 'production') {
    process.stdout.write(
      `${formatStartupBanner({
        servesApi: role !== 'workers',
        apiUrl,
        bindAddress: `${config.host}:${port}${s.apiProcesses ? `, ${s.apiProcesses} API processes` : ''}`,
        fga: { url: fga.apiUrl, embedded: fga.embedded, datastore: fga.embedded ? config.openfga.embeddedDatastore : undefined, storeId: fga.storeId, modelId: fga.modelId },
        devIssuer: issuer ? { baseUrl: issuer.baseUrl, issuer: issuer.issuer } : undefined,
        workers: running.workers?.names ?? [],
        migrationsApplied,
        emailInbox: s.emailInbox,
      })}\n`,
    );
  }
  logger.info(
    { role, apiUrl, apiProcesses: s.apiProcesses ?? 1, openfgaUrl: fga.apiUrl, openfgaEmbedded: fga.embedded, devIssuer: issuer?.baseUrl, workers: running.workers?.names ?? [] },
    'touchline started',
  );
}

async function main(): Promise<void> {
  let config: Config;
  let role: Role;
  try {
    config = loadConfig();
    role = cluster.isWorker ? 'api' : readRole();
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

  // An API process of a cluster goes when the first process does.
  if (cluster.isWorker) process.on('disconnect', () => void stop('the first process of the cluster is gone', 1));
  try {
    if (cluster.isPrimary && config.apiProcesses > 1 && role !== 'workers') await startCluster(config, role, running, state);
    else await start(config, role, running, state);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await stop('start-up failed', 1);
  }
}

await main();
