import type { Logger } from 'pino';
import type { Em, Orm } from '../db/orm.js';
import type { JobChange, JobOutbox, QueueName } from './job-changes.js';
import { isQueueName, jobNamesOf } from './job-catalog.js';
import type { JobQueues } from './job-queues.js';
import { JobOutboxRecordError } from './job-outbox-errors.js';

interface PendingRow {
  id: string;
  queue: QueueName;
  operation: 'add' | 'remove';
  job_name: string | null;
  job_id: string;
  data: unknown;
  run_at: Date | string | null; // raw rows: the driver may hand back text
}

// Redis answering slowly must not hold the HTTP response: past this the relay finishes the dispatch.
const AFTER_COMMIT_WAIT_MS = 3000;

/**
 * The job outbox (`job_outbox`): a command's jobs are rows written in its transaction, handed to BullMQ
 * right after commit, and by the relay whatever is left (Redis down, process killed after commit).
 *
 * Every dispatch holds a transaction advisory lock per (queue, job id) and applies *all* pending entries
 * of that job in id order, so "remove the reminder, add the moved one" never runs the other way round,
 * whoever dispatches. Adding is idempotent (BullMQ ignores a job id it has), so an entry applied twice
 * after a crash between Redis and the status update does no harm.
 */
export class PgJobOutbox implements JobOutbox {
  constructor(
    private readonly orm: Orm,
    private readonly queues: JobQueues,
    private readonly logger: Logger,
  ) {}

  async recordInTransaction(em: unknown, changes: JobChange[], meta: { command: string; actorId?: string }): Promise<string[]> {
    if (!changes.length) return [];
    const records = changes.map((change, seq) => {
      checkChange(change);
      return change.operation === 'add'
        ? { seq, queue: change.queue, operation: 'add', job_name: change.name, job_id: change.jobId, data: change.data, delay_ms: change.delayMs ?? null }
        : { seq, queue: change.queue, operation: 'remove', job_name: null, job_id: change.jobId, data: null, delay_ms: null };
    });
    const rows = await (em as Em).execute<Array<{ id: string }>>(
      `insert into job_outbox (queue, operation, job_name, job_id, data, run_at, command, actor_id)
       select x.queue, x.operation, x.job_name, x.job_id, x.data,
              case when x.delay_ms is null then null else now() + x.delay_ms * interval '1 millisecond' end, ?, ?
       from json_to_recordset(?::json) as x(seq int, queue text, operation text, job_name text, job_id text, data jsonb, delay_ms bigint)
       order by x.seq
       returning id::text as id`,
      [meta.command, meta.actorId ?? null, JSON.stringify(records)],
    );
    return rows.map((row) => row.id);
  }

  async dispatchAfterCommit(entryIds: string[]): Promise<void> {
    if (!entryIds.length) return;
    const dispatch = this.dispatch({ entryIds }).catch((error) => {
      this.logger.warn({ err: error, entryIds }, 'job dispatch failed after commit; the relay will retry');
    });
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, AFTER_COMMIT_WAIT_MS);
    });
    await Promise.race([dispatch, patience]);
    clearTimeout(timer);
  }

  /** Dispatches pending entries (the given ones, or the oldest); returns how many were settled. */
  async dispatchPending(opts: { limit?: number } = {}): Promise<number> {
    return this.dispatch({ limit: opts.limit ?? 200 });
  }

  private async dispatch(opts: { entryIds?: string[]; limit?: number }): Promise<number> {
    // The failure is thrown after commit: what was applied before it must stay marked as dispatched.
    const outcome = await this.orm.em.fork().transactional(async (tx) => {
      const candidates = await tx.execute<Array<{ queue: string; job_id: string }>>(
        opts.entryIds
          ? `select queue, job_id from job_outbox where status = 'pending' and id in (select json_array_elements_text(?::json)::bigint) order by id`
          : `select queue, job_id from job_outbox where status = 'pending' order by id limit ?`,
        [opts.entryIds ? JSON.stringify(opts.entryIds) : opts.limit ?? 200],
      );
      if (!candidates.length) return { applied: 0 };
      const pairs = [...new Map(candidates.map((c) => [`${c.queue}:${c.job_id}`, [c.queue, c.job_id]])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      // Sorted, so two dispatchers never wait for each other in a cycle.
      await tx.execute(`select pg_advisory_xact_lock(hashtextextended('job-outbox:' || k, 0)) from json_array_elements_text(?::json) as k order by k`, [JSON.stringify(pairs.map(([key]) => key))]);
      const pending = await tx.execute<PendingRow[]>(
        `select id::text as id, queue, operation, job_name, job_id, data, run_at from job_outbox
         where status = 'pending' and (queue, job_id) in (select p->>0, p->>1 from json_array_elements(?::json) as p)
         order by job_outbox.id for update`, // the column: ordered as the text alias, 100 would come before 99
        [JSON.stringify(pairs.map(([, pair]) => pair))],
      );
      const applied: string[] = [];
      let failure: unknown;
      for (const entry of pending) {
        try {
          await this.apply(entry);
          applied.push(entry.id);
        } catch (error) {
          // Entries behind the failed one stay pending: a job's entries must reach BullMQ in order.
          failure = error;
          await tx.execute(`update job_outbox set attempts = attempts + 1, last_error = ? where id = ?`, [String((error as Error).message ?? error).slice(0, 1000), entry.id]);
          break;
        }
      }
      await markDispatched(tx, applied);
      return { applied: applied.length, failure };
    });
    if (outcome.failure) throw outcome.failure;
    return outcome.applied;
  }

  private async apply(entry: PendingRow): Promise<void> {
    if (entry.operation === 'add') {
      await this.queues.add({ queue: entry.queue, name: entry.job_name!, jobId: entry.job_id, data: entry.data, runAt: entry.run_at === null ? null : new Date(entry.run_at) });
      return;
    }
    const result = await this.queues.remove(entry.queue, entry.job_id);
    if (result === 'running') this.logger.info({ queue: entry.queue, jobId: entry.job_id }, 'job was already running when its removal arrived');
  }
}

async function markDispatched(tx: Em, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx.execute(
    `update job_outbox set status = 'dispatched', dispatched_at = now(), attempts = attempts + 1
     where id in (select json_array_elements_text(?::json)::bigint)`,
    [JSON.stringify(ids)],
  );
}

/** A command asking for a job no worker runs is a programming error: fail the command, not the worker later. */
function checkChange(change: JobChange): void {
  if (!isQueueName(change.queue)) throw new JobOutboxRecordError(`unknown queue '${change.queue}'`);
  if (!change.jobId || change.jobId.length > 512) throw new JobOutboxRecordError(`job id must be 1-512 characters (queue '${change.queue}')`);
  if (change.operation === 'remove') return;
  if (!jobNamesOf(change.queue).includes(change.name)) throw new JobOutboxRecordError(`queue '${change.queue}' has no job named '${change.name}'`);
  if (change.delayMs !== undefined && !(Number.isFinite(change.delayMs) && change.delayMs >= 0)) {
    throw new JobOutboxRecordError(`delayMs of job '${change.jobId}' must be a non-negative number`);
  }
}
