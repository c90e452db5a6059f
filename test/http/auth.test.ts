import { expect } from 'chai';
import express, { Router } from 'express';
import { SignJWT } from 'jose';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpApp } from '../../src/http/app.js';
import { createAuthMiddleware } from '../../src/http/auth.js';
import { AppError } from '../../src/http/errors.js';
import type { Caller, TokenIdentity } from '../../src/http/types.js';
import { startDevIssuer, type DevIssuer } from '../../src/stand-ins/auth0/dev-issuer.js';
import { loadOrCreateSigningKey } from '../../src/stand-ins/auth0/signing-key.js';
import { quietLogger, serve, type Served } from './support/serve.js';

const AUDIENCE = 'https://api.touchline.test';

describe('authentication (express-oauth2-jwt-bearer + dev issuer)', () => {
  let stateDir: string;
  let otherStateDir: string;
  let issuer: DevIssuer;
  let impostor: DevIssuer;
  let served: Served;
  const seen: TokenIdentity[] = [];

  async function resolveCaller(identity: TokenIdentity): Promise<Caller> {
    seen.push(identity);
    if (identity.sub === 'auth0|broken') throw new AppError('unavailable', 'User store unavailable');
    return { userId: `user-of-${identity.sub}`, sub: identity.sub, email: identity.email ?? '', name: identity.name ?? '' };
  }

  function appWith(authenticate: express.RequestHandler) {
    const router = Router();
    router.get('/v1/me', (req, res) => {
      res.json(req.caller);
    });
    return createHttpApp({ config: { corsOrigins: [], bodyLimit: '100kb' }, routers: [router], authenticate, readinessProbes: {}, logger: quietLogger });
  }

  before(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'touchline-auth-'));
    otherStateDir = await mkdtemp(join(tmpdir(), 'touchline-auth-other-'));
    issuer = await startDevIssuer({ stateDir, audience: AUDIENCE });
    impostor = await startDevIssuer({ stateDir: otherStateDir, audience: AUDIENCE });
    served = await serve(appWith(createAuthMiddleware({ issuer: issuer.issuer, jwksUri: issuer.jwksUri, audience: AUDIENCE, resolveCaller })));
  });
  after(async () => {
    await served.close();
    await issuer.close();
    await impostor.close();
    await rm(stateDir, { recursive: true, force: true });
    await rm(otherStateDir, { recursive: true, force: true });
  });

  const me = (token?: string) => fetch(`${served.url}/v1/me`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  async function expect401(res: Response, messagePart: string) {
    expect(res.status).to.equal(401);
    expect(res.headers.get('www-authenticate')).to.match(/^Bearer realm="api"/);
    const body = await res.json();
    expect(body.error.code).to.equal('unauthenticated');
    expect(body.error.message).to.contain(messagePart);
    expect(Object.keys(body.error)).to.deep.equal(['code', 'message']);
  }

  it('accepts a dev-issuer token and sets req.caller from resolveCaller', async () => {
    const token = await issuer.sign({ sub: 'auth0|anna', email: 'anna@example.com', name: 'Anna' });
    const res = await me(token);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ userId: 'user-of-auth0|anna', sub: 'auth0|anna', email: 'anna@example.com', name: 'Anna' });
    expect(seen.at(-1)).to.deep.equal({ sub: 'auth0|anna', email: 'anna@example.com', name: 'Anna' });
  });

  it('reads Auth0-style namespaced email and name claims', async () => {
    const key = await loadOrCreateSigningKey(stateDir);
    const token = await new SignJWT({ 'https://touchline.app/email': 'ben@example.com', 'https://touchline.app/name': 'Ben' })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(issuer.issuer)
      .setAudience(AUDIENCE)
      .setSubject('auth0|ben')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);
    expect((await me(token)).status).to.equal(200);
    expect(seen.at(-1)).to.deep.equal({ sub: 'auth0|ben', email: 'ben@example.com', name: 'Ben' });
  });

  it('answers 401 without a token', async () => {
    await expect401(await me(), 'Authentication required');
  });

  it('answers 401 for a malformed Authorization header', async () => {
    await expect401(await fetch(`${served.url}/v1/me`, { headers: { authorization: 'Bearer' } }), 'Bearer');
    await expect401(await me('not-a-jwt'), 'Invalid or expired access token');
  });

  it('answers 401 for a bad signature', async () => {
    const token = await issuer.sign({ sub: 'auth0|anna', email: 'anna@example.com' });
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    await expect401(await me(forged), 'Invalid or expired access token');
  });

  it('answers 401 for a token signed by another key (unknown kid)', async () => {
    await expect401(await me(await impostor.sign({ sub: 'auth0|anna' })), 'Invalid or expired access token');
  });

  it('answers 401 for a wrong audience', async () => {
    await expect401(await me(await issuer.sign({ sub: 'auth0|anna', audience: 'https://someone-else.example' })), 'aud');
  });

  it('answers 401 for an expired token', async () => {
    await expect401(await me(await issuer.sign({ sub: 'auth0|anna', expiresIn: -120 })), 'exp');
  });

  it('answers 401 for a wrong issuer', async () => {
    const key = await loadOrCreateSigningKey(stateDir);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer('https://evil.example/')
      .setAudience(AUDIENCE)
      .setSubject('auth0|anna')
      .setExpirationTime('5m')
      .sign(key.privateKey);
    await expect401(await me(token), 'iss');
  });

  it('answers 401 for an HS256 token (only RS256 is accepted)', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(issuer.issuer).setAudience(AUDIENCE).setSubject('x').setExpirationTime('5m').sign(new TextEncoder().encode('a shared secret that is long enough'));
    await expect401(await me(token), 'Invalid or expired access token');
  });

  it('answers 401 for a token without a subject', async () => {
    const key = await loadOrCreateSigningKey(stateDir);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: key.kid }).setIssuer(issuer.issuer).setAudience(AUDIENCE).setExpirationTime('5m').sign(key.privateKey);
    await expect401(await me(token), 'no subject');
  });

  it('passes resolveCaller failures to the error handler', async () => {
    const res = await me(await issuer.sign({ sub: 'auth0|broken' }));
    expect(res.status).to.equal(503);
    expect((await res.json()).error.message).to.equal('User store unavailable');
  });

  it('also works with OpenID discovery (issuerBaseURL), as with an Auth0 tenant', async () => {
    const local = await serve(appWith(createAuthMiddleware({ issuerBaseURL: issuer.baseUrl, audience: AUDIENCE, resolveCaller })));
    try {
      const res = await fetch(`${local.url}/v1/me`, { headers: { authorization: `Bearer ${await issuer.sign({ sub: 'auth0|cleo' })}` } });
      expect(res.status).to.equal(200);
      expect((await res.json()).userId).to.equal('user-of-auth0|cleo');
    } finally {
      await local.close();
    }
  });

  it('refuses to be built without an issuer', () => {
    expect(() => createAuthMiddleware({ audience: AUDIENCE, resolveCaller })).to.throw(/issuerBaseURL, or both issuer and jwksUri/);
  });
});
