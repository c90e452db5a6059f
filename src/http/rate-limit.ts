import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Options, type RateLimitInfo } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Logger } from '../observability/logger.js';
import type { ErrorBody } from './errors.js';
import './types.js';

const WINDOW_MS = 60_000;

export interface RateLimitOptions {
  /** Shared by every process of a deployment, so the counts hold across them. */
  redis: Pick<Redis, 'call'>;
  /** Redis key prefix; separates deployments (and test runs) sharing one Redis. */
  prefix: string;
  /** Requests per minute per authenticated user; 0 → no per-user limit. */
  perUserPerMinute: number;
  /** Requests per minute per client IP, counted before authentication; 0 → no per-IP limit. */
  perIpPerMinute: number;
  logger: Logger;
}

type Scope = 'ip' | 'user';

/** Our error body and Retry-After (seconds until the client's window resets). */
function rateLimited(scope: Scope): Options['handler'] {
  return (req: Request, res: Response) => {
    const info = (req as Request & { rateLimit: RateLimitInfo }).rateLimit;
    const retryAfter = Math.max(1, Math.ceil(((info.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    const body: ErrorBody = {
      error: {
        code: 'rate_limited',
        message: `Too many requests ${scope === 'user' ? 'for this user' : 'from this address'}; retry after ${retryAfter} s`,
        details: { scope, limit: info.limit, windowSeconds: WINDOW_MS / 1000, retryAfterSeconds: retryAfter },
      },
    };
    res.status(429).json(body);
  };
}

function limiter(scope: Scope, limit: number, options: RateLimitOptions, keyGenerator: Options['keyGenerator'], skip?: Options['skip']): RequestHandler {
  const log = options.logger.child({ rateLimit: scope });
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    // RateLimit / RateLimit-Policy (IETF draft 8) let a well-behaved client slow down before it is refused.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: `${scope}-per-minute`,
    keyGenerator,
    ...(skip ? { skip } : {}),
    handler: rateLimited(scope),
    store: new RedisStore({
      prefix: `${options.prefix}${scope}:`,
      sendCommand: (command: string, ...args: string[]) => options.redis.call(command, ...args) as Promise<RedisReply>,
    }),
    // Redis down must not take the API down with it: the request goes through, and the log says so.
    passOnStoreError: true,
    logger: {
      error: (err, message) => log.error({ err }, message ?? 'rate limiter error'),
      warn: (err, message) => log.warn({ err }, message ?? 'rate limiter warning'),
    },
  });
}

/** Probes from the orchestrator and the metrics scraper are not client traffic. */
const OPERATIONS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Per client IP, in front of authentication: an unauthenticated flood is refused before it costs a token
 * verification. IPv6 addresses count per /56, as one client usually holds a whole prefix.
 */
export function perIpRateLimit(options: RateLimitOptions): RequestHandler | undefined {
  if (options.perIpPerMinute <= 0) return undefined;
  const limit = limiter('ip', options.perIpPerMinute, options, (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown', 56));
  return (req, res, next) => (OPERATIONS_PATHS.has(req.path) ? next() : limit(req, res, next));
}

/** Per authenticated user (req.caller.userId), after authentication. */
export function perUserRateLimit(options: RateLimitOptions): RequestHandler | undefined {
  if (options.perUserPerMinute <= 0) return undefined;
  // No caller (the workers role lets /v1 through unauthenticated, to its 404s): nothing to count against.
  return limiter('user', options.perUserPerMinute, options, (req) => req.caller.userId, (req) => !req.caller?.userId);
}
