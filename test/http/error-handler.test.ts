import { expect } from 'chai';
import express, { Router } from 'express';
import { createHttpApp } from '../../src/http/app.js';
import { AppError, errorHandler, statusForKind } from '../../src/http/errors.js';
import { capturingLogger, serve, type Served } from './support/serve.js';

const letThrough: express.RequestHandler = (_req, _res, next) => next();

function routes(): Router {
  const router = Router();
  router.get('/v1/members/:memberId', (req) => {
    throw new AppError('not_found', `Member ${req.params.memberId} not found`, undefined, 'member_not_found');
  });
  router.get('/v1/conflict', () => {
    throw new AppError('conflict', 'Already a coach of this group', { userId: 'U1' });
  });
  router.get('/v1/unavailable', () => {
    throw new AppError('unavailable', 'Authorization service unavailable, try again', undefined, 'authorization_unavailable').withCause(new Error('ECONNREFUSED'));
  });
  router.get('/v1/boom', async () => {
    throw new Error('database password for kid@example.com is wrong');
  });
  router.post('/v1/echo', (req, res) => {
    res.json(req.body);
  });
  return router;
}

describe('error handler', () => {
  let served: Served;
  const logs = capturingLogger('info');

  before(async () => {
    const app = createHttpApp({ config: { corsOrigins: [], bodyLimit: '1kb' }, routers: [routes()], authenticate: letThrough, readinessProbes: {}, logger: logs.logger });
    served = await serve(app);
  });
  after(() => served.close());

  it('maps every kind to its status', () => {
    expect(statusForKind).to.deep.equal({ validation: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, unavailable: 503 });
    const error = new AppError('forbidden', 'no');
    expect(error.code).to.equal('forbidden');
    expect(error.status).to.equal(403);
    expect(error).to.be.instanceOf(Error);
  });

  it('answers an AppError with its status, code and message', async () => {
    const res = await fetch(`${served.url}/v1/members/M1`);
    expect(res.status).to.equal(404);
    expect(await res.json()).to.deep.equal({ error: { code: 'member_not_found', message: 'Member M1 not found' } });
  });

  it('includes details when given, and the kind as default code', async () => {
    const res = await fetch(`${served.url}/v1/conflict`);
    expect(res.status).to.equal(409);
    expect(await res.json()).to.deep.equal({ error: { code: 'conflict', message: 'Already a coach of this group', details: { userId: 'U1' } } });
  });

  it('answers 503 for an unavailable dependency and logs the cause', async () => {
    const res = await fetch(`${served.url}/v1/unavailable`);
    expect(res.status).to.equal(503);
    expect(await res.json()).to.deep.equal({ error: { code: 'authorization_unavailable', message: 'Authorization service unavailable, try again' } });
    expect(logs.text()).to.contain('ECONNREFUSED');
  });

  it('answers an unknown error with 500, an error id, and no trace of the cause', async () => {
    const res = await fetch(`${served.url}/v1/boom`);
    expect(res.status).to.equal(500);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.error.code).to.equal('internal');
    expect(body.error.message).to.equal('Internal error');
    expect(body.error.details.errorId).to.match(/^[0-9a-f-]{36}$/);
    expect(text).not.to.contain('password');
    expect(text).not.to.contain('stack');
    expect(text).not.to.contain('.ts:');
    // The cause is in the log, under the same error id (with the email masked).
    const logged = logs.lines.map((l) => JSON.parse(l)).find((l) => l.errorId === body.error.details.errorId);
    expect(logged.err.message).to.equal('database password for [email] is wrong');
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await fetch(`${served.url}/v1/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    expect(res.status).to.equal(400);
    expect(await res.json()).to.deep.equal({ error: { code: 'invalid_json', message: 'Request body is not valid JSON' } });
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const res = await fetch(`${served.url}/v1/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ notes: 'x'.repeat(2000) }) });
    expect(res.status).to.equal(413);
    const body = await res.json();
    expect(body.error.code).to.equal('payload_too_large');
    expect(body.error.message).to.contain('1024 bytes');
  });

  it('answers an unknown route with JSON 404 route_not_found', async () => {
    const res = await fetch(`${served.url}/v1/nowhere`);
    expect(res.status).to.equal(404);
    expect(await res.json()).to.deep.equal({ error: { code: 'route_not_found', message: 'No route for GET /v1/nowhere' } });
    const outside = await fetch(`${served.url}/nowhere`, { method: 'DELETE' });
    expect(outside.status).to.equal(404);
    expect((await outside.json()).error.code).to.equal('route_not_found');
  });

  it('answers a duplicate caught by a unique index with 409', async () => {
    const app = express();
    app.get('/', () => {
      throw Object.assign(new Error('insert into "users" ("email") values (\'kid@example.com\') - duplicate key'), { name: 'UniqueConstraintViolationException' });
    });
    app.use(errorHandler);
    const local = await serve(app);
    try {
      const res = await fetch(local.url);
      expect(res.status).to.equal(409);
      expect(await res.json()).to.deep.equal({ error: { code: 'conflict', message: 'A record with these values already exists' } });
    } finally {
      await local.close();
    }
  });

  it('works without the request logger in front (falls back to the process logger)', async () => {
    const app = express();
    app.get('/', () => {
      throw new AppError('validation', 'bad', [{ path: 'x', message: 'bad' }]);
    });
    app.use(errorHandler);
    const local = await serve(app);
    try {
      const res = await fetch(local.url);
      expect(res.status).to.equal(400);
      expect(await res.json()).to.deep.equal({ error: { code: 'validation', message: 'bad', details: [{ path: 'x', message: 'bad' }] } });
    } finally {
      await local.close();
    }
  });

});
