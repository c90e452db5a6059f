// The security headers computed once are exactly the ones helmet sets when it runs per request.
import { expect } from 'chai';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { securityHeaders } from '../../src/http/security-headers.js';
import { serve } from './support/serve.js';

const OPTIONS = { contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } };
const VARYING = new Set(['date', 'connection', 'keep-alive', 'content-length', 'etag']);

async function headersWith(middleware: RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => void res.json({ ok: true }));
  const served = await serve(app);
  try {
    const res = await fetch(served.url);
    return Object.fromEntries([...res.headers].filter(([name]) => !VARYING.has(name)));
  } finally {
    await served.close();
  }
}

describe('security headers', () => {
  it('are the headers helmet sets, computed once', async () => {
    const once = await headersWith(securityHeaders(OPTIONS));
    expect(once).to.deep.equal(await headersWith(helmet(OPTIONS)));
    expect(once).to.include({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    expect(once['content-security-policy']).to.be.a('string').and.not.include('upgrade-insecure-requests');
    expect(once).to.not.have.property('x-powered-by');
  });

  it('runs helmet per request when an option depends on the request', async () => {
    const nonce: RequestHandler = securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", (req) => `'nonce-${(req as { url?: string }).url?.length}'`] } } });
    const headers = await headersWith(nonce);
    expect(headers['content-security-policy']).to.include("'nonce-1'");
  });
});
