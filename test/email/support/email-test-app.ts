// The whole application (real PostgreSQL, Redis, engine) with its email worker and SendGrid stand-in,
// on a BullMQ prefix of its own so test runs never see each other's jobs.
import { randomBytes } from 'node:crypto';
import type { EmailRuntime } from '../../../src/email/email-runtime.js';
import { toBullJobId } from '../../../src/jobs/bull-job-id.js';
import type { ReceivedMessage } from '../../../src/stand-ins/sendgrid/inbox.js';
import type { SendGridStandIn } from '../../../src/stand-ins/sendgrid/sendgrid-stand-in.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

export interface EmailTestApp {
  app: TestApp;
  email: EmailRuntime;
  standIn: SendGridStandIn;
  prefix: string;
  /** Enqueues one email the way a command does: a job outbox row in a unit of work, dispatched after commit. */
  enqueue(jobId: string, data: Record<string, unknown>, delayMs?: number): Promise<void>;
  /** Messages the stand-in accepted for this address. */
  inboxFor(address: string): ReceivedMessage[];
  delivery(jobId: string): Promise<{ status: string; attempts: number; skip_reason: string | null } | undefined>;
  jobState(jobId: string): Promise<string>;
  close(): Promise<void>;
}

export const uniquePrefix = () => `test-${process.pid}-${randomBytes(4).toString('hex')}`;

export async function startEmailTestApp(env: Record<string, string> = {}, opts: { startWorkers?: boolean } = {}): Promise<EmailTestApp> {
  const prefix = uniquePrefix();
  const app = await startTestApp({
    env: { QUEUE_PREFIX: prefix, EMAIL_BACKOFF_MS: '50', SENDGRID_TIMEOUT_MS: '400', EMAIL_UNKNOWN_OUTCOME_GRACE_MS: '1500', ...env },
    startWorkers: opts.startWorkers ?? true,
  });
  const email = app.touchline.email;
  const standIn = email.standIn!;
  standIn.setEventWebhookUrl(`${app.url}/v1/webhooks/sendgrid`);
  return {
    app,
    email,
    standIn,
    prefix,
    enqueue: (jobId, data, delayMs) =>
      app.touchline.deps.uow.run({ command: 'test-enqueue' }, async (_em, _tuples, jobs) => {
        jobs.add({ queue: 'email', name: 'send-email', jobId, data, ...(delayMs !== undefined ? { delayMs } : {}) });
      }),
    inboxFor: (address) => standIn.messages().filter((m) => m.to.some((t) => t.email === address)),
    delivery: async (jobId) => {
      const [row] = await app.orm.em.fork().execute(`select status, attempts, skip_reason from email_deliveries where job_id = ?`, [jobId]);
      return row as never;
    },
    jobState: async (jobId) => {
      const job = await email.queues.queue('email').getJob(toBullJobId(jobId));
      return job ? job.getState() : 'absent';
    },
    close: async () => {
      await app.close();
      await removeKeys(prefix, app.config.redisUrl); // the run's jobs go with it
    },
  };
}

/** Deletes every Redis key of a test run's queue prefix. */
export async function removeKeys(prefix: string, redisUrl: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/** Polls until `check` returns something truthy (or throws after `timeoutMs`). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
