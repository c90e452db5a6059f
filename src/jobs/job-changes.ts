// Background jobs a command implies, collected during its transaction. The job outbox persists them
// in the same transaction and hands them to BullMQ after commit, with deterministic job ids so a
// retried command or relay never runs a job's side effect twice.

export type QueueName = 'email';

export interface JobRequest {
  queue: QueueName;
  /** Job name, one of the queue's handlers (e.g. 'send-email'). */
  name: string;
  /** Deterministic id derived from our own ids, e.g. `${eventId}:reminder:${userId}`. */
  jobId: string;
  data: Record<string, unknown>;
  /** Run no earlier than this many ms after dispatch (reminders). */
  delayMs?: number;
}

export type JobChange = ({ operation: 'add' } & JobRequest) | { operation: 'remove'; queue: QueueName; jobId: string };

export class JobChanges {
  readonly items: JobChange[] = [];

  add(job: JobRequest): this {
    this.items.push({ operation: 'add', ...job });
    return this;
  }

  /** Drops a job that has not run yet (a cancelled event's reminder). */
  remove(queue: QueueName, jobId: string): this {
    this.items.push({ operation: 'remove', queue, jobId });
    return this;
  }
}

/** Implemented by the job outbox (src/jobs/): persistence in the command's transaction, dispatch after commit. */
export interface JobOutbox {
  recordInTransaction(em: unknown, changes: JobChange[], meta: { command: string; actorId?: string }): Promise<string[]>;
  dispatchAfterCommit(entryIds: string[]): Promise<void>;
}
