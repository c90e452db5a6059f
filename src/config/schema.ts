import { z } from 'zod';
import type { Config } from './config-type.js';
import { enumVar, intVar, originListVar, splitList, stringVar, ulidVar, urlVar } from './env-vars.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_DATABASE_URL = 'postgres://root@127.0.0.1:5432/touchline';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_AUDIENCE = 'https://api.touchline.dev';

/** Every environment variable the service reads, and nothing else. */
export const envSchema = z
  .object({
    NODE_ENV: enumVar('NODE_ENV', NODE_ENVS),
    PORT: intVar('PORT', 0, 65535),
    API_PROCESSES: intVar('API_PROCESSES', 1, 64),
    HOST: stringVar('HOST'),
    LOG_LEVEL: enumVar('LOG_LEVEL', LOG_LEVELS),
    DATABASE_URL: stringVar('DATABASE_URL', databaseUrlProblem),
    REDIS_URL: urlVar('REDIS_URL', ['redis:', 'rediss:']),
    OPENFGA_API_URL: urlVar('OPENFGA_API_URL', ['http:', 'https:']),
    OPENFGA_STORE_ID: ulidVar('OPENFGA_STORE_ID'),
    OPENFGA_MODEL_ID: ulidVar('OPENFGA_MODEL_ID'),
    OPENFGA_API_TOKEN: stringVar('OPENFGA_API_TOKEN'),
    FGA_EMBEDDED_DATASTORE: enumVar('FGA_EMBEDDED_DATASTORE', ['postgres', 'memory'] as const),
    FGA_EMBEDDED_TRANSPORT: enumVar('FGA_EMBEDDED_TRANSPORT', ['in-process', 'http'] as const),
    FGA_MODEL_REFRESH_MS: intVar('FGA_MODEL_REFRESH_MS', 100, 3_600_000),
    FGA_EMBEDDED_READ_CACHE_ENTRIES: intVar('FGA_EMBEDDED_READ_CACHE_ENTRIES', 0, 10_000_000),
    AUTH0_ISSUER_BASE_URL: urlVar('AUTH0_ISSUER_BASE_URL', ['https:', 'http:']),
    AUTH0_AUDIENCE: stringVar('AUTH0_AUDIENCE'),
    CORS_ORIGINS: originListVar('CORS_ORIGINS'),
    BODY_LIMIT: stringVar('BODY_LIMIT', (v) => (/^\d+(b|kb|mb)$/i.test(v) ? undefined : "must be a size like '100kb' or '1mb'")),
    SHUTDOWN_TIMEOUT_MS: intVar('SHUTDOWN_TIMEOUT_MS', 0, 600_000),
    RATE_LIMIT_PER_USER_PER_MINUTE: intVar('RATE_LIMIT_PER_USER_PER_MINUTE', 0, 10_000_000),
    RATE_LIMIT_PER_IP_PER_MINUTE: intVar('RATE_LIMIT_PER_IP_PER_MINUTE', 0, 10_000_000),
    RATE_LIMIT_PREFIX: stringVar('RATE_LIMIT_PREFIX', (v) => (/^[A-Za-z0-9_:.-]{1,64}$/.test(v) ? undefined : 'must be 1-64 letters, digits, _ : . or -')),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    // The local dev issuer signs tokens with a key kept on disk: never acceptable in production.
    if (production && !env.AUTH0_ISSUER_BASE_URL) {
      ctx.addIssue({ code: 'custom', message: 'AUTH0_ISSUER_BASE_URL is required when NODE_ENV=production (the dev token issuer is for development only)' });
    }
    if (production && env.AUTH0_ISSUER_BASE_URL?.startsWith('http:')) {
      ctx.addIssue({ code: 'custom', message: 'AUTH0_ISSUER_BASE_URL must use https:// when NODE_ENV=production' });
    }
  })
  .transform((env): Config => {
    const nodeEnv = env.NODE_ENV ?? 'development';
    return {
      nodeEnv,
      port: env.PORT ?? 3000,
      apiProcesses: env.API_PROCESSES ?? 1,
      host: env.HOST ?? '0.0.0.0',
      // Tests answer hundreds of 4xx on purpose; only warnings and errors are worth reading there.
      logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
      databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
      redisUrl: env.REDIS_URL ?? DEFAULT_REDIS_URL,
      openfga: {
        apiUrl: env.OPENFGA_API_URL,
        storeId: env.OPENFGA_STORE_ID,
        modelId: env.OPENFGA_MODEL_ID,
        apiToken: env.OPENFGA_API_TOKEN,
        embeddedDatastore: env.FGA_EMBEDDED_DATASTORE ?? 'postgres',
        embeddedTransport: env.FGA_EMBEDDED_TRANSPORT ?? 'in-process',
        modelRefreshMs: env.FGA_MODEL_REFRESH_MS ?? 2000,
        embeddedReadCacheEntries: env.FGA_EMBEDDED_READ_CACHE_ENTRIES ?? 20_000,
      },
      auth: {
        issuerBaseUrl: env.AUTH0_ISSUER_BASE_URL,
        audience: env.AUTH0_AUDIENCE ?? DEFAULT_AUDIENCE,
        devIssuer: !env.AUTH0_ISSUER_BASE_URL,
      },
      corsOrigins: splitList(env.CORS_ORIGINS).map((origin) => origin.replace(/\/$/, '')),
      bodyLimit: env.BODY_LIMIT ?? '100kb',
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS ?? 10_000,
      rateLimit: {
        // Under NODE_ENV=test every suite shares 127.0.0.1 and one Redis: limits are off unless a test sets them.
        perUserPerMinute: env.RATE_LIMIT_PER_USER_PER_MINUTE ?? (nodeEnv === 'test' ? 0 : 600),
        perIpPerMinute: env.RATE_LIMIT_PER_IP_PER_MINUTE ?? (nodeEnv === 'test' ? 0 : 1200),
        prefix: env.RATE_LIMIT_PREFIX ?? 'touchline:rate-limit:',
      },
    };
  });

function databaseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL like postgres://user@host:5432/database';
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) return 'must use postgres:// or postgresql://';
  if (url.pathname.replace(/^\//, '') === '') return 'must name a database (postgres://user@host:5432/database)';
  return undefined;
}
