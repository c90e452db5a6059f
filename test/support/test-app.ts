// Starts the whole application against a database of its own (created, migrated, dropped at the end),
// with the embedded engine on its own loopback port and the dev token issuer: nothing is mocked.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config/index.js';
import { composeTouchline, listen, type Touchline } from '../../src/compose.js';
import { createLogger } from '../../src/observability/logger.js';

export interface TestApp {
  url: string;
  config: Config;
  touchline: Touchline;
  databaseUrl: string;
  token(sub: string, opts?: { email?: string; name?: string; expiresIn?: string }): Promise<string>;
  close(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

export async function startTestApp(opts: { env?: Record<string, string>; startWorkers?: boolean } = {}): Promise<TestApp> {
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
    devIssuerStateDir: mkdtempSync(path.join(tmpdir(), 'touchline-issuer-')),
  });
  const server: Server = await listen(touchline.app, 0, '127.0.0.1');
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    config,
    touchline,
    databaseUrl: databaseUrl.toString(),
    token: (sub, o = {}) => touchline.devIssuer!.sign({ sub, email: o.email ?? `${sub}@example.test`, name: o.name ?? sub, expiresIn: o.expiresIn ?? '1h' }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await touchline.close();
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
