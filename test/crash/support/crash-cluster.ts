// A database of its own, the SendGrid stand-in, an API process and a workers process — all real
// processes, restartable after a SIGKILL — plus what the tests need to look at them from outside.
import pg from 'pg';
import { ulid } from 'ulid';
import { DEFAULT_AUDIENCE } from '../../../src/config/schema.js';
import { defaultDevIssuerStateDir, DEV_ISSUER } from '../../../src/stand-ins/auth0/dev-issuer-settings.js';
import { signAccessToken } from '../../../src/stand-ins/auth0/sign-token.js';
import { loadOrCreateSigningKey } from '../../../src/stand-ins/auth0/signing-key.js';
import { ApiClient } from '../../support/api-client.js';
import { freePort, printedValue, startProcess, waitUntilReady, type RunningProcess } from './processes.js';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

export interface CrashCluster {
  apiUrl: string;
  standInUrl: string;
  /** The cluster's BullMQ key prefix (QUEUE_PREFIX), to look at its jobs. */
  queuePrefix: string;
  db: pg.Pool;
  api: RunningProcess;
  workers: RunningProcess;
  signIn(name: string): Promise<{ api: ApiClient; userId: string }>;
  restartApi(): Promise<void>;
  restartWorkers(): Promise<void>;
  /** `npm run fga:reconcile -- --dry-run` against this cluster: its output. */
  reconcileDryRun(): Promise<string>;
  close(): Promise<void>;
}

export async function startCrashCluster(): Promise<CrashCluster> {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/touchline_crash_${id}` }).toString();
  const [apiPort, workersPort, standInPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const key = await loadOrCreateSigningKey(defaultDevIssuerStateDir()); // before any child races to create it

  const standIn = startProcess('sendgrid-stand-in', 'src/stand-ins/sendgrid/stand-in-cli.ts', ['--port', String(standInPort), '--webhook-url', `${apiUrl}/v1/webhooks/sendgrid`], {});
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    OPENFGA_API_URL: '',
    AUTH0_ISSUER_BASE_URL: '',
    FGA_EMBEDDED_DATASTORE: 'postgres',
    QUEUE_PREFIX: `crash-${id}`,
    SENDGRID_API_KEY: await printedValue(standIn, 'SENDGRID_API_KEY'),
    SENDGRID_API_BASE_URL: await printedValue(standIn, 'SENDGRID_API_BASE_URL'),
    SENDGRID_WEBHOOK_PUBLIC_KEY: await printedValue(standIn, 'SENDGRID_WEBHOOK_PUBLIC_KEY'),
    // A killed worker's job is taken over within ~2 s; a send whose outcome is unknown waits 20 s for events.
    EMAIL_JOB_LOCK_MS: '1000',
    EMAIL_UNKNOWN_OUTCOME_GRACE_MS: '20000',
    EMAIL_BACKOFF_MS: '200',
    SHUTDOWN_TIMEOUT_MS: '2000',
  };
  const startRole = async (role: 'api' | 'workers', port: number) => {
    const proc = startProcess(role, 'src/main.ts', ['--role', role], { ...env, PORT: String(port) });
    await waitUntilReady(proc, `http://127.0.0.1:${port}/readyz`);
    return proc;
  };
  const cluster: CrashCluster = {
    apiUrl,
    standInUrl: env.SENDGRID_API_BASE_URL.replace(/\/+$/, ''),
    queuePrefix: env.QUEUE_PREFIX,
    db: new pg.Pool({ connectionString: databaseUrl, max: 4 }),
    api: await startRole('api', apiPort), // migrates and creates the store first
    workers: await startRole('workers', workersPort),
    signIn: async (name) => {
      const token = await signAccessToken(key, DEV_ISSUER, DEFAULT_AUDIENCE, { sub: `crash|${name}-${ulid()}`, email: `${name}.${ulid().toLowerCase()}@example.test`, name, expiresIn: '1h' });
      const api = new ApiClient(apiUrl, token);
      const me = await api.get<{ id: string }>('/v1/me');
      if (me.status !== 200) throw new Error(`sign-in of ${name}: ${me.status} ${JSON.stringify(me.body)}`);
      return { api, userId: me.body.id };
    },
    restartApi: async () => {
      await cluster.api.kill();
      cluster.api = await startRole('api', apiPort);
    },
    restartWorkers: async () => {
      await cluster.workers.kill();
      cluster.workers = await startRole('workers', workersPort);
    },
    reconcileDryRun: async () => {
      const run = startProcess('reconcile', 'src/authz/reconcile-cli.ts', ['--dry-run'], { ...env, PORT: '0' });
      await new Promise((resolve) => run.child.once('exit', resolve));
      if (run.child.exitCode !== 0) throw new Error(`reconcile exited ${run.child.exitCode}:\n${run.output()}`);
      return run.output();
    },
    close: async () => {
      await Promise.all([cluster.api.stop(), cluster.workers.stop(), standIn.stop()]);
      await cluster.db.end();
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists "touchline_crash_${id}" with (force)`).finally(() => admin.end());
    },
  };
  return cluster;
}
