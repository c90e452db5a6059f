import type { Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { AuthzRuntime } from '../authz/index.js';
import type { Config } from '../config/index.js';
import type { Orm } from '../db/orm.js';
import type { SqlReader } from '../db/sql-reader.js';
import { logger } from '../observability/logger.js';
import type { DevIssuer } from '../stand-ins/auth0/dev-issuer.js';
import type { RunningWorkers } from '../../workers/index.js';
import type { ApiCluster } from './api-cluster.js';
import { drainHttpServer } from './http-server.js';
import { ShutdownSequence } from './shutdown.js';

/** What start-up has opened so far (start-up may fail half-way: only these get closed). */
export interface Running {
  devIssuer?: DevIssuer;
  orm?: Orm;
  sql?: SqlReader;
  redis?: Redis;
  authz?: AuthzRuntime;
  server?: Server;
  /** API_PROCESSES > 1: the API processes this (first) process started. */
  apiCluster?: ApiCluster;
  workers?: RunningWorkers;
  /** Job queues and the SendGrid stand-in (src/email/email-runtime.ts). */
  email?: { close(): Promise<void> };
}

/** Stop order: stop taking requests and drain them, stop workers, then close engine, ORM, Redis, issuer. */
export function shutdownSequence(config: Config, running: Running, state: { shuttingDown: boolean }): ShutdownSequence {
  const sequence = new ShutdownSequence(logger, config.shutdownTimeoutMs + 1000);
  sequence.add('readiness', async () => {
    state.shuttingDown = true;
  });
  // Each API process drains its own requests; they get the whole drain time, then SIGKILL.
  if (running.apiCluster) sequence.add('api processes', () => running.apiCluster!.stop(config.shutdownTimeoutMs + 500));
  if (running.server) {
    const server = running.server;
    sequence.add('http', async () => {
      const { forced } = await drainHttpServer(server, config.shutdownTimeoutMs);
      if (forced) logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'in-flight requests cut off at the shutdown timeout');
    });
  }
  if (running.workers) sequence.add('workers', () => running.workers!.close());
  if (running.email) sequence.add('email', () => running.email!.close());
  if (running.authz) sequence.add('openfga', () => running.authz!.close());
  if (running.sql) sequence.add('database reads', () => running.sql!.close());
  if (running.orm) sequence.add('database', () => running.orm!.close(true));
  if (running.redis) sequence.add('redis', () => running.redis!.quit().catch(() => running.redis!.disconnect()));
  if (running.devIssuer) sequence.add('dev issuer', () => running.devIssuer!.close());
  return sequence;
}
