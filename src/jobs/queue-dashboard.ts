import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { Router, type RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const digest = (text: string) => createHash('sha256').update(text).digest();

/** With a password: HTTP Basic (any user name). Without: loopback callers only, and only in development. */
function guard(password: string | undefined): RequestHandler {
  if (!password) {
    return (req, res, next) => (LOOPBACK.has(req.socket.remoteAddress ?? '') ? next() : res.status(404).json({ error: { code: 'route_not_found', message: 'Not found' } }));
  }
  const expected = digest(password);
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    const given = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : undefined;
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="Touchline queues", charset="UTF-8"');
    res.status(401).json({ error: { code: 'unauthenticated', message: 'The queue dashboard needs the operator password (QUEUE_DASHBOARD_PASSWORD)' } });
  };
}

/**
 * bull-board at /admin/queues for operators: inspect, retry and promote jobs. Mounted when a password
 * is configured (QUEUE_DASHBOARD_PASSWORD, Basic auth) or, without one, in development for loopback
 * callers only; otherwise there is no such page (undefined).
 */
export function queueDashboardRouter(options: { queues: Queue[]; password?: string; development: boolean }): Router | undefined {
  if (!options.password && !options.development) return undefined;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  // @bull-board/express ships its own copy of @bull-board/api (a patch release apart): same shape, two declarations.
  const adapter = serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: options.queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'Touchline queues' } } });
  const router = Router();
  router.use(QUEUE_DASHBOARD_PATH, guard(options.password), serverAdapter.getRouter());
  return router;
}
