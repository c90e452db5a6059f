// Starts the whole application against a database of its own (created, migrated, dropped at the end),
// with the embedded engine on its own loopback port and the dev token issuer: nothing is mocked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config/index.js';
import { composeTouchline, type Touchline } from '../../src/compose.js';
import type { AuthzRuntime } from '../../src/authz/index.js';
import type { Orm } from '../../src/db/orm.js';
import { listen } from '../../src/server-runtime/http-server.js';
import { shutdownSequence } from '../../src/server-runtime/stop-order.js';
import { createLogger } from '../../src/observability/logger.js';

export interface TestApp {
  url: string;
  config: Config;
  touchline: Touchline;
  orm: Orm;
  fga: AuthzRuntime;
  databaseUrl: string;
  token(sub: string, opts?: { email?: string; name?: string; expiresIn?: string }): Promise<string>;
  close(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

export async function startTestApp(opts: { env?: Record<string, string>; startWorkers?: boolean; devIssuerStateDir?: string } = {}): Promise<TestApp> {
  const dbName = `touchline_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${dbName}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl.toString(),
    OPENFGA_API_URL: '',
    AUTH0_ISSUER_BASE_URL: '',
    ...opts.env,
  });
  const touchline = await composeTouchline(config, {
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    startWorkers: opts.startWorkers ?? false,
    devIssuerStateDir: opts.devIssuerStateDir ?? mkdtempSync(path.join(tmpdir(), 'touchline-issuer-')),
  });
  const { running } = touchline;
  const { server, port } = await listen(touchline.app, 0, '127.0.0.1');
  running.server = server;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    touchline,
    orm: running.orm,
    fga: running.authz,
    databaseUrl: databaseUrl.toString(),
    token: (sub, o = {}) => running.devIssuer!.sign({ sub, email: o.email ?? `${sub}@example.test`, name: o.name ?? sub, expiresIn: o.expiresIn ?? '1h' }),
    close: async () => {
      await shutdownSequence({ ...config, shutdownTimeoutMs: 1000 }, running, { shuttingDown: false }).run('test finished');
      await dropDatabase(dbName);
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
