import type { LogLevel } from './schema.js';

/** The validated settings of one process; read once at start-up and passed down. */
export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** API processes sharing PORT (node:cluster); the first process migrates, bootstraps OpenFGA and runs the workers. */
  apiProcesses: number;
  host: string;
  logLevel: LogLevel;
  databaseUrl: string;
  redisUrl: string;
  openfga: {
    /** Unset → the embedded OpenFGA-compatible engine is started on a loopback port. */
    apiUrl?: string;
    storeId?: string;
    modelId?: string;
    apiToken?: string;
    embeddedDatastore: 'postgres' | 'memory';
    /** How the app's SDK client reaches the embedded engine: without a socket, or over its loopback port. */
    embeddedTransport: 'in-process' | 'http';
    /** How often the app looks for a model deployed by `npm run fga -- deploy` (switches without a restart). */
    modelRefreshMs: number;
    /** Resolution reads the embedded engine's PostgreSQL datastore keeps in each process (0: none); always exact. */
    embeddedReadCacheEntries: number;
  };
  auth: {
    issuerBaseUrl?: string;
    audience: string;
    /** True when AUTH0_ISSUER_BASE_URL is unset: the local dev issuer signs and verifies tokens. */
    devIssuer: boolean;
  };
  /** Browser origins allowed by CORS; empty → no cross-origin access. */
  corsOrigins: string[];
  /** Largest accepted JSON body, in body-parser notation ('100kb'). */
  bodyLimit: string;
  /** How long shutdown waits for in-flight requests and jobs before closing anyway. */
  shutdownTimeoutMs: number;
  /** Requests a minute before 429 (Redis-backed, shared by every process); 0 turns a limit off. */
  rateLimit: {
    perUserPerMinute: number;
    perIpPerMinute: number;
    /** Redis key prefix: separates deployments (and test runs) sharing one Redis. */
    prefix: string;
  };
}
