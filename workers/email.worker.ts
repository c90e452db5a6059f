import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { sendEmailJob, type EmailJobRun, type SendEmailDeps } from '../src/email/send-email.job.js';
import { fromBullJobId } from '../src/jobs/bull-job-id.js';
import { JOB_CATALOG } from '../src/jobs/job-catalog.js';
import { PermanentJobError } from '../src/jobs/job-errors.js';
import { bindJobHandlers, type JobHandlerRegistration } from '../src/jobs/job-handlers.js';

export interface EmailWorkerOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  send: SendEmailDeps;
  logger: Logger;
  /** How long a job stays locked without renewal before another worker may take it over (BullMQ: 30 s). */
  lockDurationMs?: number;
  /** How often stalled jobs (their worker died) are looked for (BullMQ: 30 s). */
  stalledIntervalMs?: number;
}

/** The handlers of the email queue; startEmailWorker checks them against the job catalogue. */
export function emailJobHandlers(deps: SendEmailDeps): JobHandlerRegistration<EmailJobRun>[] {
  return [{ name: JOB_CATALOG.email.sendEmail, handle: (run) => sendEmailJob(deps, run) }];
}

/**
 * Consumes the `email` queue. Failures retry with exponential backoff (set per job by the queue's
 * defaults) and end in BullMQ's failed set; a PermanentJobError fails the job at once.
 */
export async function startEmailWorker(options: EmailWorkerOptions, handlers = emailJobHandlers(options.send)): Promise<{ worker: Worker; close(): Promise<void> }> {
  const byName = bindJobHandlers('email', handlers); // throws at start-up when names and handlers disagree
  // Workers block on Redis; BullMQ requires such connections to retry forever (maxRetriesPerRequest: null).
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined); // reported by the worker's own 'error' event below
  const log = options.logger;
  const worker = new Worker(
    'email',
    async (job: Job, token?: string) => {
      const handle = byName.get(job.name);
      if (!handle) throw new UnrecoverableError(`the email queue has no job named '${job.name}'`);
      const run: EmailJobRun = {
        jobId: fromBullJobId(job.id ?? ''),
        data: job.data,
        delayUntil: async (timestamp, reason) => {
          await job.moveToDelayed(timestamp, token);
          log.info({ jobId: run.jobId, until: new Date(timestamp).toISOString(), reason }, 'email job moved');
          throw new DelayedError(reason);
        },
      };
      try {
        return await handle(run);
      } catch (error) {
        if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      ...(options.lockDurationMs !== undefined && { lockDuration: options.lockDurationMs }),
      ...(options.stalledIntervalMs !== undefined && { stalledInterval: options.stalledIntervalMs }),
    },
  );
  worker.on('failed', (job, error) => {
    const exhausted = job ? job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError' : true;
    log.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, exhausted, reason: error.message }, exhausted ? 'email job failed for good (see npm run queues -- failed)' : 'email job failed; will retry');
  });
  worker.on('error', (error) => log.warn({ err: error }, 'email worker error'));
  await worker.waitUntilReady();
  return {
    worker,
    close: async () => {
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
