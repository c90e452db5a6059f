// The composition root: config → dev issuer → database → OpenFGA → modules → HTTP → workers, and the
// reverse on SIGTERM/SIGINT. `--role api|workers` runs one half (docker-compose); the default runs both.
import { composeTouchline } from './compose.js';
import { loadConfig, type Config } from './config/index.js';
import { logger } from './observability/logger.js';
import { listen } from './server-runtime/http-server.js';
import { readRole, type Role } from './server-runtime/role.js';
import type { ShutdownSequence } from './server-runtime/shutdown.js';
import { browsableHost, formatStartupBanner } from './server-runtime/startup-banner.js';
import { shutdownSequence, type Running } from './server-runtime/stop-order.js';

async function start(config: Config, role: Role, running: Running, state: { shuttingDown: boolean }): Promise<void> {
  const { app, migrationsApplied, email } = await composeTouchline(config, { role, running, isShuttingDown: () => state.shuttingDown });
  const { server, port } = await listen(app, config.port, config.host);
  running.server = server;
  const fga = running.authz!;
  const issuer = running.devIssuer;

  const apiUrl = `http://${browsableHost(config.host)}:${port}`;
  // The stand-in posts its signed delivery events here, as SendGrid would to the configured webhook.
  if (role !== 'workers') email.standIn?.setEventWebhookUrl(`${apiUrl}/v1/webhooks/sendgrid`);
  if (config.nodeEnv !== 'production') {
    process.stdout.write(
      `${formatStartupBanner({
        servesApi: role !== 'workers',
        apiUrl,
        bindAddress: `${config.host}:${port}`,
        fga: { url: fga.apiUrl, embedded: fga.embedded, datastore: fga.embedded ? config.openfga.embeddedDatastore : undefined, storeId: fga.storeId, modelId: fga.modelId },
        devIssuer: issuer ? { baseUrl: issuer.baseUrl, issuer: issuer.issuer } : undefined,
        workers: running.workers?.names ?? [],
        migrationsApplied,
        emailInbox: email.standIn?.baseUrl,
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
