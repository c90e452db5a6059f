import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { toBullJobId } from './bull-job-id.js';
import type { QueueName } from './job-changes.js';
import { QUEUE_NAMES } from './job-catalog.js';

export interface QueueRetryPolicy {
  attempts: number;
  /** First retry delay in ms; BullMQ doubles it for every further attempt. */
  backoffMs: number;
}

export interface JobQueuesOptions {
  /** Shared with the rest of the process; BullMQ does not close a connection it was given. */
  connection: Redis;
  prefix: string;
  retry: Record<QueueName, QueueRetryPolicy>;
}

const DAY_SECONDS = 24 * 60 * 60;

/** What a removal found: gone now, never there (or already finished), or running (too late to stop). */
export type RemoveResult = 'removed' | 'absent' | 'running';

/** The producing side of every BullMQ queue: adds and removes jobs by our deterministic job ids. */
export class JobQueues {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly options: JobQueuesOptions) {}

  get prefix(): string {
    return this.options.prefix;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      const retry = this.options.retry[name];
      const defaultJobOptions: JobsOptions = {
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: retry.backoffMs },
        // Completed jobs stay a while so an operator can look them up; failed ones stay until re-driven.
        removeOnComplete: { age: 14 * DAY_SECONDS },
        removeOnFail: false,
      };
      queue = new Queue(name, { connection: this.options.connection, prefix: this.options.prefix, defaultJobOptions });
      queue.on('error', () => undefined); // connection errors surface where a call fails; the 'error' event must not crash the process
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Every queue of the catalogue (the dashboard lists them all). */
  all(): Queue[] {
    return QUEUE_NAMES.map((name) => this.queue(name));
  }

  /** Adds a job; BullMQ ignores an add whose job id already exists, which makes a repeated add harmless. */
  async add(job: { queue: QueueName; name: string; jobId: string; data: unknown; runAt?: Date | null }, now = Date.now()): Promise<void> {
    const delay = job.runAt ? Math.max(0, job.runAt.getTime() - now) : 0;
    await this.queue(job.queue).add(job.name, job.data, { jobId: toBullJobId(job.jobId), ...(delay > 0 ? { delay } : {}) });
  }

  async remove(queueName: QueueName, jobId: string): Promise<RemoveResult> {
    const queue = this.queue(queueName);
    const bullId = toBullJobId(jobId);
    if ((await queue.remove(bullId)) === 1) return 'removed';
    const job = await queue.getJob(bullId);
    if (!job) return 'absent';
    const state = await job.getState();
    if (state === 'active') return 'running';
    throw new Error(`job ${bullId} of queue ${queueName} could not be removed (state ${state})`);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
