// The whole application as composed for production: limits from the environment, counted in the Redis
// client compose.ts creates, keyed by the user id authentication resolves from a real (dev-issuer) token.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('rate limiting wired by composeTouchline', function () {
  this.timeout(60_000);
  let app: TestApp;
  const prefix = `touchline-test:rl:${process.pid}:${randomUUID()}:`;

  before(async () => {
    app = await startTestApp({ env: { RATE_LIMIT_PER_USER_PER_MINUTE: '3', RATE_LIMIT_PER_IP_PER_MINUTE: '0', RATE_LIMIT_PREFIX: prefix } });
  });
  after(async () => {
    if (!app) return;
    const redis = app.touchline.running.redis;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await app.close();
  });

  it('refuses the fourth request of one user in a minute with 429 and Retry-After; another user goes on', async () => {
    expect(app.config.rateLimit).to.deep.equal({ perUserPerMinute: 3, perIpPerMinute: 0, prefix });
    const me = (token: string) => fetch(`${app.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const alice = await app.token(`auth0|alice-${randomUUID()}`);
    const bob = await app.token(`auth0|bob-${randomUUID()}`);
    for (let i = 0; i < 3; i++) expect((await me(alice)).status).to.equal(200);
    const refused = await me(alice);
    expect(refused.status).to.equal(429);
    expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
    expect((await refused.json()).error).to.include({ code: 'rate_limited' });
    expect((await me(bob)).status).to.equal(200);
    // Counted per user id in the shared Redis, under the configured prefix.
    const keys = await app.touchline.running.redis.keys(`${prefix}user:*`);
    expect(keys).to.have.length(2);
  });
});
