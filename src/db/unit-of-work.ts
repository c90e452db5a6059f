import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '../http/errors.js';
import { TupleChanges } from '../authz/tuple-change.js';
import { JobChanges, type JobOutbox } from '../jobs/job-changes.js';
import type { OutboxMeta, TupleSync } from '../authz/tuple-sync.js';
import type { TupleChange } from '../authz/tuple-change.js';
import type { Em, Orm } from './orm.js';

/** Keeps the history of relationship changes (the audit module's hash-chained log), in the same transaction. */
export interface TupleChangeLog {
  recordInTransaction(em: Em, changes: TupleChange[], meta: OutboxMeta): Promise<void>;
}

/**
 * One command = one transaction: its rows, the tuple changes they imply (outbox), their audit history and
 * its jobs commit together.
 * Revocations reach OpenFGA before commit, grants right after (see TupleSync).
 */
export class UnitOfWork {
  constructor(
    private readonly orm: Orm,
    private readonly tupleSync: TupleSync,
    private readonly jobOutbox?: JobOutbox,
    private readonly changeLog?: TupleChangeLog,
  ) {}

  async run<T>(meta: OutboxMeta, work: (em: Em, tuples: TupleChanges, jobs: JobChanges) => Promise<T>): Promise<T> {
    let grantIds: string[] = [];
    let intentId: string | undefined;
    let jobEntryIds: string[] = [];
    let result: T;
    try {
      result = await this.orm.em.fork().transactional(async (em) => {
        const tuples = new TupleChanges();
        const jobs = new JobChanges();
        const value = await work(em, tuples, jobs);
        await em.flush();
        // History first: if it cannot be written, nothing has reached OpenFGA yet.
        await this.changeLog?.recordInTransaction(em, tuples.items, meta);
        ({ grantIds, intentId } = await this.tupleSync.recordInTransaction(em, tuples.items, meta));
        if (jobs.items.length) {
          if (!this.jobOutbox) throw new Error(`${meta.command} enqueues jobs, but no job outbox is configured`);
          jobEntryIds = await this.jobOutbox.recordInTransaction(em, jobs.items, meta);
        }
        return value;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw Object.assign(new AppError('conflict', 'This already exists', undefined, 'already_exists'), { cause: error });
      }
      throw error;
    }
    await this.tupleSync.settleAfterCommit(intentId);
    await this.tupleSync.applyAfterCommit(grantIds);
    if (jobEntryIds.length) await this.jobOutbox!.dispatchAfterCommit(jobEntryIds);
    return result;
  }

  /** A read-only EntityManager for queries. */
  reader(): Em {
    return this.orm.em.fork({ clear: true });
  }
}
