import type { Job } from 'bullmq';
import { fromBullJobId, toBullJobId } from './bull-job-id.js';
import type { QueueName } from './job-changes.js';
import type { JobQueues } from './job-queues.js';

export interface FailedJobLine {
  queue: QueueName;
  jobId: string;
  name: string;
  attemptsMade: number;
  failedAt: string | null;
  reason: string;
}

// Job data holds addresses and children's names: operators get ids, names and reasons, never data.
function describe(queue: QueueName, job: Job): FailedJobLine {
  return {
    queue,
    jobId: fromBullJobId(job.id ?? ''),
    name: job.name,
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    reason: (job.failedReason ?? '').split('\n')[0].slice(0, 300),
  };
}

/** Jobs in the failed set: retries exhausted, or failed for good at once. */
export async function listFailedJobs(queues: JobQueues, queueNames: QueueName[], limit = 100): Promise<FailedJobLine[]> {
  const lines: FailedJobLine[] = [];
  for (const name of queueNames) {
    const jobs = await queues.queue(name).getFailed(0, limit - 1);
    lines.push(...jobs.filter((job): job is Job => Boolean(job)).map((job) => describe(name, job as Job)));
  }
  return lines;
}

/**
 * Moves failed jobs back to waiting with a fresh attempt budget: one (by our job id) or every failed
 * job of the queues. Returns the ids re-driven; an id that is not in the failed set is reported.
 */
export async function retryFailedJobs(queues: JobQueues, queueNames: QueueName[], jobId?: string): Promise<{ retried: string[]; notFailed: string[] }> {
  const retried: string[] = [];
  const notFailed: string[] = [];
  for (const name of queueNames) {
    const queue = queues.queue(name);
    const jobs = jobId ? [await queue.getJob(toBullJobId(jobId))] : await queue.getFailed(0, -1);
    for (const job of jobs) {
      if (!job) continue;
      if ((await job.getState()) !== 'failed') {
        notFailed.push(fromBullJobId(job.id ?? ''));
        continue;
      }
      await (job as Job).retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried.push(fromBullJobId(job.id ?? ''));
    }
  }
  return { retried, notFailed };
}
