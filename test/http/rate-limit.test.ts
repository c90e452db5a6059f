import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config/index.js';
import { createHttpApp, type HttpAppOptions } from '../../src/http/app.js';
import { capturingLogger, quietLogger, serve, type Served } from './support/serve.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Tests stand in for authentication: X-User names the caller; no header → 401, as the real one would. */
const headerAuth: RequestHandler = (req, res, next) => {
  const userId = req.get('x-user');
  if (!userId) return void res.status(401).json({ error: { code: 'unauthenticated', message: 'no token' } });
  req.caller = { userId, sub: userId, email: '', name: userId };
  next();
};

function routes(): Router {
  const router = Router();
  router.get('/v1/ping', (req, res) => void res.json({ userId: req.caller.userId }));
  router.post('/v1/echo', (req, res) => void res.status(201).json(req.body));
  return router;
}

describe('rate limiting (Redis-backed, per user and per IP)', function () {
  this.timeout(20_000);
  let redis: Redis;
  const opened: Served[] = [];
  const prefixes: string[] = [];

  /** A prefix of this test's own, so parallel runs (and earlier tests) never share counters. */
  function freshPrefix(): string {
    const prefix = `touchline-test:rl:${process.pid}:${randomUUID()}:`;
    prefixes.push(prefix);
    return prefix;
  }

  async function start(options: Partial<HttpAppOptions> & { limits: { perUserPerMinute: number; perIpPerMinute: number; prefix: string } }): Promise<string> {
    const { limits, ...rest } = options;
    const served = await serve(
      createHttpApp({
        config: { corsOrigins: [], bodyLimit: '100kb' },
        routers: [routes()],
        authenticate: headerAuth,
        readinessProbes: {},
        logger: quietLogger,
        rateLimit: { redis, ...limits },
        ...rest,
      }),
    );
    opened.push(served);
    return served.url;
  }

  const get = (url: string, user?: string, headers: Record<string, string> = {}) => fetch(`${url}/v1/ping`, { headers: { ...(user ? { 'x-user': user } : {}), ...headers } });

  before(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  after(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    }
    await redis.quit();
  });

  it('answers 429 with Retry-After and our error body once one user passes the limit, while another user is unaffected', async () => {
    const url = await start({ limits: { perUserPerMinute: 3, perIpPerMinute: 0, prefix: freshPrefix() } });
    for (let i = 0; i < 3; i++) expect((await get(url, 'alice')).status).to.equal(200);
    const refused = await get(url, 'alice');
    expect(refused.status).to.equal(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).to.be.within(1, 60);
    expect(refused.headers.get('content-type')).to.match(/^application\/json/);
    const body = await refused.json();
    expect(body.error.code).to.equal('rate_limited');
    expect(body.error.message).to.be.a('string').and.contain('retry after');
    expect(body.error.details).to.deep.equal({ scope: 'user', limit: 3, windowSeconds: 60, retryAfterSeconds: retryAfter });
    expect(refused.headers.get('x-request-id')).to.be.a('string');

    const bob = await get(url, 'bob');
    expect(bob.status).to.equal(200);
    expect(await bob.json()).to.deep.equal({ userId: 'bob' });
    expect((await get(url, 'alice')).status).to.equal(429);
  });

  it('counts per IP before authentication, so an unauthenticated flood is refused too, and leaves health probes alone', async () => {
    const url = await start({ limits: { perUserPerMinute: 0, perIpPerMinute: 4, prefix: freshPrefix() } });
    for (let i = 0; i < 4; i++) expect((await get(url)).status).to.equal(401);
    const refused = await get(url);
    expect(refused.status).to.equal(429);
    expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
    const body = await refused.json();
    expect(body.error).to.include({ code: 'rate_limited' });
    expect(body.error.details).to.include({ scope: 'ip', limit: 4 });
    // The same address with a valid caller is still over its per-IP budget.
    expect((await get(url, 'carol')).status).to.equal(429);
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);
  });

  it('holds across two app instances (processes) sharing Redis and the prefix', async () => {
    const prefix = freshPrefix();
    const first = await start({ limits: { perUserPerMinute: 4, perIpPerMinute: 0, prefix } });
    const second = await start({ limits: { perUserPerMinute: 4, perIpPerMinute: 0, prefix } });
    const statuses: number[] = [];
    for (const url of [first, second, first, second, first, second]) statuses.push((await get(url, 'dave')).status);
    expect(statuses).to.deep.equal([200, 200, 200, 200, 429, 429]);

    // Another prefix is another deployment (or test run): its counters start from nothing.
    const elsewhere = await start({ limits: { perUserPerMinute: 4, perIpPerMinute: 0, prefix: freshPrefix() } });
    expect((await get(elsewhere, 'dave')).status).to.equal(200);
  });

  it('turns each limit off at 0', async () => {
    const url = await start({ limits: { perUserPerMinute: 0, perIpPerMinute: 0, prefix: freshPrefix() } });
    for (let i = 0; i < 15; i++) expect((await get(url, 'erin')).status).to.equal(200);
  });

  it('lets requests through when Redis fails, and logs it (the API stays up)', async () => {
    const failing = { call: async () => Promise.reject(new Error('connect ECONNREFUSED')) } as unknown as Redis;
    const logs = capturingLogger('warn');
    const served = await serve(
      createHttpApp({
        config: { corsOrigins: [], bodyLimit: '100kb' },
        routers: [routes()],
        authenticate: headerAuth,
        readinessProbes: {},
        logger: logs.logger,
        rateLimit: { redis: failing, perUserPerMinute: 1, perIpPerMinute: 1, prefix: freshPrefix() },
      }),
    );
    opened.push(served);
    for (let i = 0; i < 3; i++) expect((await get(served.url, 'frank')).status).to.equal(200);
    expect(logs.text()).to.contain('error from store');
  });

  describe('settings from the environment (CORS_ORIGINS, BODY_LIMIT, RATE_LIMIT_*)', () => {
    async function startFromEnv(env: Record<string, string>): Promise<string> {
      const config = loadConfig({ NODE_ENV: 'test', ...env });
      return start({ config, limits: { ...config.rateLimit, prefix: freshPrefix() } });
    }

    it('gives an allowed origin the CORS header, on 429s too, and others nothing', async () => {
      const url = await startFromEnv({ CORS_ORIGINS: 'https://app.example.org', RATE_LIMIT_PER_USER_PER_MINUTE: '1' });
      const friend = await get(url, 'gina', { origin: 'https://app.example.org' });
      expect(friend.status).to.equal(200);
      expect(friend.headers.get('access-control-allow-origin')).to.equal('https://app.example.org');
      const stranger = await get(url, 'hal', { origin: 'https://evil.example' });
      expect(stranger.status).to.equal(200);
      expect(stranger.headers.get('access-control-allow-origin')).to.equal(null);
      // A browser page can only read the 429 (and back off) if it carries the allow header.
      const limited = await get(url, 'gina', { origin: 'https://app.example.org' });
      expect(limited.status).to.equal(429);
      expect(limited.headers.get('access-control-allow-origin')).to.equal('https://app.example.org');
    });

    it('answers a body over BODY_LIMIT with 413 in our error shape, and accepts one under it', async () => {
      const url = await startFromEnv({ BODY_LIMIT: '2kb' });
      const post = (size: number) =>
        fetch(`${url}/v1/echo`, { method: 'POST', headers: { 'x-user': 'ivy', 'content-type': 'application/json' }, body: JSON.stringify({ notes: 'x'.repeat(size) }) });
      expect((await post(1000)).status).to.equal(201);
      const tooBig = await post(5000);
      expect(tooBig.status).to.equal(413);
      const body = await tooBig.json();
      expect(Object.keys(body)).to.deep.equal(['error']);
      expect(body.error.code).to.equal('payload_too_large');
      expect(body.error.message).to.contain('2048 bytes');
    });

    it('sends helmet headers on refusals as well', async () => {
      const url = await startFromEnv({ RATE_LIMIT_PER_IP_PER_MINUTE: '1' });
      await get(url, 'jack');
      const refused = await get(url, 'jack');
      expect(refused.status).to.equal(429);
      expect(refused.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(refused.headers.get('content-security-policy')).to.be.a('string');
    });
  });
});
