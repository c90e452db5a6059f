import type { QueueName } from './job-changes.js';

/**
 * Every queue and the job names it runs (STYLE.md §8). Commands enqueue by these names, the outbox
 * refuses others, and each worker proves at start-up that it handles exactly these.
 */
export const JOB_CATALOG = {
  email: { sendEmail: 'send-email' },
} as const satisfies Record<QueueName, Record<string, string>>;

export const QUEUE_NAMES = Object.keys(JOB_CATALOG) as QueueName[];

export function jobNamesOf(queue: QueueName): string[] {
  return Object.values(JOB_CATALOG[queue]);
}

export function isQueueName(value: string): value is QueueName {
  return (QUEUE_NAMES as string[]).includes(value);
}
