import type { QueueName } from './job-changes.js';
import { jobNamesOf } from './job-catalog.js';

/** One job name and the function that runs it. */
export interface JobHandlerRegistration<Context> {
  name: string;
  handle: (context: Context) => Promise<unknown>;
}

/** A worker's handlers do not match the job catalogue: the process must not start. */
export class JobHandlerMismatchError extends Error {
  constructor(readonly problems: string[]) {
    super(`Job handlers do not match the job catalogue: ${problems.join('; ')}`);
    this.name = 'JobHandlerMismatchError';
  }
}

/**
 * The start-up check of STYLE.md §8: every job name of the queue has exactly one handler, and no
 * handler answers to a name the catalogue does not know. Returns the handlers by name.
 */
export function bindJobHandlers<Context>(queue: QueueName, registrations: JobHandlerRegistration<Context>[]): Map<string, JobHandlerRegistration<Context>['handle']> {
  const known = jobNamesOf(queue);
  const problems: string[] = [];
  const byName = new Map<string, JobHandlerRegistration<Context>['handle']>();
  for (const registration of registrations) {
    if (!known.includes(registration.name)) problems.push(`'${registration.name}' is not a job of queue '${queue}'`);
    else if (byName.has(registration.name)) problems.push(`job '${registration.name}' of queue '${queue}' has two handlers`);
    byName.set(registration.name, registration.handle);
  }
  for (const name of known) if (!byName.has(name)) problems.push(`job '${name}' of queue '${queue}' has no handler`);
  if (problems.length) throw new JobHandlerMismatchError(problems);
  return byName;
}
