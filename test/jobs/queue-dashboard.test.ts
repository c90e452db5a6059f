import { expect } from 'chai';
import express from 'express';
import { Redis } from 'ioredis';
import type { Server } from 'node:http';
import { JobQueues } from '../../src/jobs/job-queues.js';
import { queueDashboardRouter } from '../../src/jobs/queue-dashboard.js';
import { listen } from '../../src/server-runtime/http-server.js';
import { removeKeys, uniquePrefix } from '../email/support/email-test-app.js';

describe('queue dashboard (bull-board at /admin/queues)', () => {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const prefix = uniquePrefix();
  const queues = new JobQueues({ connection: redis, prefix, retry: { email: { attempts: 1, backoffMs: 100 } } });
  const servers: Server[] = [];
  const serve = async (options: { password?: string; development: boolean }) => {
    const router = queueDashboardRouter({ queues: queues.all(), ...options });
    if (!router) return undefined;
    const app = express();
    app.use(router);
    const { server, port } = await listen(app, 0, '127.0.0.1');
    servers.push(server);
    return `http://127.0.0.1:${port}/admin/queues`;
  };

  after(async () => {
    for (const server of servers) server.close();
    await queues.close();
    await redis.quit();
    await removeKeys(prefix, 'redis://127.0.0.1:6379');
  });

  it('with a password: HTTP Basic, any user name', async () => {
    const url = (await serve({ password: 'correct-horse-battery-staple', development: false }))!;
    const anonymous = await fetch(url);
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('www-authenticate')).to.contain('Basic realm="Touchline queues"');
    const basic = (secret: string) => ({ authorization: `Basic ${Buffer.from(`ops:${secret}`).toString('base64')}` });
    expect((await fetch(url, { headers: basic('wrong-password-here') })).status).to.equal(401);
    const page = await fetch(url, { headers: basic('correct-horse-battery-staple') });
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain('<title>Touchline queues</title>');
    const api = await fetch(`${url}/api/queues`, { headers: basic('correct-horse-battery-staple') });
    expect(((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name)).to.deep.equal(['email']);
  });

  it('without a password: only in development, and only for loopback callers', async () => {
    const url = (await serve({ development: true }))!;
    expect((await fetch(url)).status).to.equal(200);
    expect(await serve({ development: false })).to.equal(undefined);
  });
});
