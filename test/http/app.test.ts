import { expect } from 'chai';
import { Router, type RequestHandler } from 'express';
import { createHttpApp, type HttpAppOptions } from '../../src/http/app.js';
import { quietLogger, serve, type Served } from './support/serve.js';

const letThrough: RequestHandler = (_req, _res, next) => next();

async function withApp(options: Partial<HttpAppOptions>, run: (url: string) => Promise<void>): Promise<void> {
  const served: Served = await serve(
    createHttpApp({ config: { corsOrigins: [], bodyLimit: '100kb' }, routers: [], authenticate: letThrough, readinessProbes: {}, logger: quietLogger, ...options }),
  );
  try {
    await run(served.url);
  } finally {
    await served.close();
  }
}

describe('createHttpApp', () => {
  it('answers GET /healthz with { status: ok } without authentication', async () => {
    const deny: RequestHandler = (_req, res) => void res.status(401).end();
    await withApp({ authenticate: deny }, async (url) => {
      const res = await fetch(`${url}/healthz`);
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.equal({ status: 'ok' });
    });
  });

  it('answers GET /readyz 200 when every probe answers, with the extra info', async () => {
    await withApp({ readinessProbes: { postgres: async () => 1, redis: async () => 'PONG' }, extraInfo: () => ({ openfga: { storeId: 'S' } }) }, async (url) => {
      const res = await fetch(`${url}/readyz`);
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.equal({ openfga: { storeId: 'S' }, status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
    });
  });

  it('answers GET /readyz 503 naming the probe that failed or timed out, without its error text', async () => {
    const probes = {
      postgres: async () => 1,
      redis: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.5:6379 password=hunter2');
      },
      openfga: () => new Promise(() => {}),
    };
    await withApp({ readinessProbes: probes, readinessTimeoutMs: 100 }, async (url) => {
      const started = Date.now();
      const res = await fetch(`${url}/readyz`);
      expect(Date.now() - started).to.be.lessThan(2000);
      expect(res.status).to.equal(503);
      const text = await res.text();
      expect(JSON.parse(text)).to.deep.equal({ status: 'not_ready', checks: { postgres: 'ok', redis: 'failed', openfga: 'timeout' } });
      expect(text).not.to.contain('hunter2');
    });
  });

  it('keeps a well-formed X-Request-Id and makes one up otherwise', async () => {
    await withApp({}, async (url) => {
      const kept = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'trace-42.a' } });
      expect(kept.headers.get('x-request-id')).to.equal('trace-42.a');
      const replaced = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'no spaces <script>' } });
      expect(replaced.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
      const made = await fetch(`${url}/healthz`);
      expect(made.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    });
  });

  it('puts authentication in front of every /v1 router, and routers after it', async () => {
    const order: string[] = [];
    const authenticate: RequestHandler = (req, res, next) => {
      order.push(`auth ${req.path}`);
      if (req.get('authorization') !== 'Bearer ok') return void res.status(401).json({ error: { code: 'unauthenticated', message: 'no' } });
      next();
    };
    const router = Router();
    router.post('/v1/things', (req, res) => {
      order.push('handler');
      res.status(201).json(req.body);
    });
    await withApp({ authenticate, routers: [router] }, async (url) => {
      expect((await fetch(`${url}/v1/things`, { method: 'POST' })).status).to.equal(401);
      const res = await fetch(`${url}/v1/things`, { method: 'POST', headers: { authorization: 'Bearer ok', 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(res.status).to.equal(201);
      expect(await res.json()).to.deep.equal({ a: 1 });
      // Unknown /v1 paths are not revealed to anonymous callers.
      expect((await fetch(`${url}/v1/unknown`)).status).to.equal(401);
      expect(order).to.deep.equal(['auth /things', 'auth /things', 'handler', 'auth /unknown']);
    });
  });

  // The registry is process-wide (modules register at import), so this test only reads it.
  it('serves the OpenAPI 3.1 document at /v1/openapi.json without authentication', async () => {
    const deny: RequestHandler = (_req, res) => void res.status(401).end();
    await withApp({ authenticate: deny }, async (url) => {
      const res = await fetch(`${url}/v1/openapi.json`);
      expect(res.status).to.equal(200);
      const doc = await res.json();
      expect(doc.openapi).to.equal('3.1.0');
      expect(doc.info.title).to.equal('Touchline API');
      expect(doc.components.securitySchemes.bearerAuth).to.include({ type: 'http', scheme: 'bearer' });
      expect(doc.paths['/healthz']).to.have.property('get');
    });
  });

  it('serves the API docs page at /docs', async () => {
    await withApp({}, async (url) => {
      const page = await fetch(`${url}/docs/`);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.contain('swagger-ui');
      const init = await (await fetch(`${url}/docs/swagger-ui-init.js`)).text();
      expect(init).to.contain('/v1/openapi.json');
    });
  });

  it('exposes Prometheus metrics with a request duration histogram by route pattern', async () => {
    const router = Router();
    router.get('/v1/groups/:groupId', (_req, res) => void res.json({}));
    await withApp({ routers: [router] }, async (url) => {
      await fetch(`${url}/v1/groups/01HVMMBCMGZNT3SED4Z17ECXCA`);
      const res = await fetch(`${url}/metrics`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.contain('text/plain');
      const text = await res.text();
      expect(text).to.contain('http_request_duration_seconds_bucket');
      expect(text).to.match(/http_request_duration_seconds_count\{[^}]*route="\/v1\/groups\/:groupId"[^}]*\} \d+/);
      expect(text).not.to.contain('01HVMMBCMGZNT3SED4Z17ECXCA');
      expect(text).to.contain('process_cpu_user_seconds_total');
    });
  });

  it('allows CORS only for listed origins, answering their preflights before authentication', async () => {
    const deny: RequestHandler = (_req, res) => void res.status(401).end();
    await withApp({ config: { corsOrigins: ['https://app.example.org'], bodyLimit: '100kb' }, authenticate: deny }, async (url) => {
      const preflight = await fetch(`${url}/v1/clubs`, { method: 'OPTIONS', headers: { origin: 'https://app.example.org', 'access-control-request-method': 'POST' } });
      expect(preflight.status).to.equal(204);
      expect(preflight.headers.get('access-control-allow-origin')).to.equal('https://app.example.org');
      expect(preflight.headers.get('access-control-allow-headers')).to.contain('Authorization');
      const stranger = await fetch(`${url}/healthz`, { headers: { origin: 'https://evil.example' } });
      expect(stranger.headers.get('access-control-allow-origin')).to.equal(null);
      const friend = await fetch(`${url}/healthz`, { headers: { origin: 'https://app.example.org' } });
      expect(friend.headers.get('access-control-allow-origin')).to.equal('https://app.example.org');
    });
  });

  it('sends security headers (helmet) and no X-Powered-By', async () => {
    await withApp({}, async (url) => {
      const res = await fetch(`${url}/healthz`);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('x-powered-by')).to.equal(null);
    });
  });
});
