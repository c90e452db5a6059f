import type { Logger } from 'pino';
import { startOutboxRelay } from '../src/authz/relay.js';
import type { DesiredTuples } from '../src/authz/revocation-intents.js';
import type { TupleSync } from '../src/authz/tuple-sync.js';
import type { QueueName } from '../src/jobs/job-changes.js';
import type { PgJobOutbox } from '../src/jobs/job-outbox.js';
import { startJobRelay } from '../src/jobs/job-relay.js';
import { startEmailWorker, type EmailWorkerOptions } from './email.worker.js';

export interface QueueWorkerDeps {
  outbox: PgJobOutbox;
  email: EmailWorkerOptions;
  relayIntervalMs?: number;
}

export interface WorkerDeps {
  tupleSync: TupleSync;
  /** What the database implies: the relay restores revocations of commands that never committed. */
  desiredTuples: DesiredTuples;
  logger: Logger;
  /** The job outbox relay and one BullMQ worker per queue. */
  jobs?: QueueWorkerDeps;
}

export interface RunningWorkers {
  names: string[];
  close(): Promise<void>;
}

// One worker per queue of the catalogue; a queue added to QueueName without one here does not compile.
const QUEUE_WORKERS: Record<QueueName, (deps: QueueWorkerDeps) => Promise<{ close(): Promise<void> }>> = {
  email: (deps) => startEmailWorker(deps.email),
};

/** Background work of this process: the tuple outbox relay, the job outbox relay and the queue workers. */
export async function startWorkers(deps: WorkerDeps): Promise<RunningWorkers> {
  const started: { name: string; close(): Promise<void> }[] = [];
  const closeAll = async () => {
    // Queue workers first (they finish their jobs), relays last.
    for (const part of [...started].reverse()) await part.close();
  };
  try {
    const tupleRelay = startOutboxRelay(deps.tupleSync, deps.desiredTuples, deps.logger.child({ worker: 'fga-outbox-relay' }));
    started.push({ name: 'fga-outbox-relay', close: () => tupleRelay.stop() });
    if (deps.jobs) {
      const jobRelay = startJobRelay(deps.jobs.outbox, deps.logger.child({ worker: 'job-outbox-relay' }), deps.jobs.relayIntervalMs);
      started.push({ name: 'job-outbox-relay', close: () => jobRelay.stop() });
      for (const [queue, start] of Object.entries(QUEUE_WORKERS)) {
        const worker = await start(deps.jobs);
        started.push({ name: `${queue}-worker`, close: () => worker.close() });
      }
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  return { names: started.map((part) => part.name), close: closeAll };
}
