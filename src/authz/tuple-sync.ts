import type { OpenFgaClient } from '@openfga/sdk';
import { LockMode } from '@mikro-orm/core';
import type { Em, Orm } from '../db/orm.js';
import type { Logger } from 'pino';
import { AppError } from '../http/errors.js';
import { FgaOutboxEntry } from './outbox-entity.js';
import { applyTupleChanges } from './fga-writer.js';
import { RevocationIntentLog, restoreAbortedRevocations, type DesiredTuples } from './revocation-intents.js';
import { tupleKeyOf, type RelationTuple, type TupleChange } from './tuple-change.js';

export interface OutboxMeta {
  command: string;
  actorId?: string;
  reason?: string;
}

/**
 * Keeps OpenFGA in step with the database through the `fga_outbox` table.
 *
 * Invariant: OpenFGA never grants more than the database. Hence revocations are applied to OpenFGA
 * inside the command's transaction, before commit (a failure rolls the command back), and grants
 * right after commit (a failure leaves them pending for the relay). Every apply holds a transaction
 * advisory lock per tuple key and applies the *latest* entry for that key, so a slow grant can never
 * overwrite a later revocation. A revocation whose command then does not commit is announced
 * beforehand (revocation-intents.ts), so the relay can write back what the database still implies.
 */
export class TupleSync {
  private readonly intents: RevocationIntentLog;

  constructor(
    private readonly orm: Orm,
    private readonly client: OpenFgaClient,
    private readonly logger: Logger,
  ) {
    this.intents = new RevocationIntentLog(String(orm.config.get('clientUrl')));
  }

  async close(): Promise<void> {
    await this.intents.close();
  }

  /**
   * Inside a command's transaction: records the changes and applies the revocations. Returns the ids of
   * grants to apply after commit and, if it revoked anything, the intent to settle after commit.
   */
  async recordInTransaction(em: Em, changes: TupleChange[], meta: OutboxMeta): Promise<{ grantIds: string[]; intentId?: string }> {
    if (!changes.length) return { grantIds: [] };
    await lockTupleKeys(em, changes.map(tupleKeyOf));
    const entries = changes.map((change) =>
      em.create(FgaOutboxEntry, {
        tupleKey: tupleKeyOf(change),
        operation: change.operation,
        object: change.object,
        relation: change.relation,
        subject: change.user,
        command: meta.command,
        actorId: meta.actorId ?? null,
        reason: meta.reason ?? null,
        status: 'pending',
        attempts: 0,
      }),
    );
    await em.flush();
    const revocations = entries.filter((e) => e.operation === 'delete');
    let intentId: string | undefined;
    if (revocations.length) {
      intentId = await this.intents.announce(em, revocations.map((e) => e.tupleKey), meta.command);
      await applyTupleChanges(this.client, revocations.map(toChange)).catch((error) => {
        throw Object.assign(new AppError('unavailable', 'Authorization service unavailable, nothing was changed; try again', undefined, 'authorization_unavailable'), { cause: error });
      });
      for (const entry of revocations) {
        entry.status = 'applied';
        entry.appliedAt = new Date();
        entry.attempts += 1;
      }
      await em.flush();
    }
    return { grantIds: entries.filter((e) => e.operation === 'write').map((e) => e.id), intentId };
  }

  /** After commit: the command's revocations stand. */
  async settleAfterCommit(intentId: string | undefined): Promise<void> {
    if (!intentId) return;
    await this.intents.settle(intentId).catch((error) => this.logger.warn({ err: error, intentId }, 'could not settle a revocation intent; the relay will'));
  }

  /** Relay: writes back revoked tuples whose command never committed. */
  async restoreAbortedRevocations(desiredTuples: DesiredTuples): Promise<{ settled: number; restored: RelationTuple[] }> {
    const result = await restoreAbortedRevocations(this.orm, this.client, desiredTuples, lockTupleKeys);
    if (result.restored.length) this.logger.warn({ restored: result.restored.map(tupleKeyOf) }, 'restored tuples revoked by commands that did not commit');
    return result;
  }

  /** After commit: applies the given pending entries now; on failure they stay pending for the relay. */
  async applyAfterCommit(entryIds: string[]): Promise<void> {
    if (!entryIds.length) return;
    try {
      await this.applyEntries(entryIds);
    } catch (error) {
      this.logger.warn({ err: error, entryIds }, 'OpenFGA write failed after commit; the relay will retry');
    }
  }

  /** Applies pending entries (all, or the given ids), oldest first; returns how many were settled. */
  async applyPending(opts: { entryIds?: string[]; limit?: number } = {}): Promise<number> {
    return this.applyEntries(opts.entryIds, opts.limit ?? 200);
  }

  private async applyEntries(entryIds?: string[], limit = 200): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const pending = await tx.find(
        FgaOutboxEntry,
        entryIds ? { id: { $in: entryIds }, status: 'pending' } : { status: 'pending' },
        // The relay skips rows another apply holds; a request waits for its own (the relay of another
        // process may have picked them up first), so it never answers before its grants are in OpenFGA.
        { orderBy: { id: 'asc' }, limit, lockMode: entryIds ? LockMode.PESSIMISTIC_WRITE : LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (!pending.length) return 0;
      const keys = [...new Set(pending.map((e) => e.tupleKey))];
      await lockTupleKeys(tx, keys);
      // The latest entry per key, whatever its status, decides what OpenFGA must hold. (Ordered by the
      // column, not the text alias: as text, '99' sorts after '100' and an old entry would win.)
      const latest = await tx.execute<Array<{ id: string; tuple_key: string }>>(
        `select distinct on (tuple_key) id::text as id, tuple_key from fga_outbox
         where tuple_key in (select json_array_elements_text(?::json)) order by tuple_key, fga_outbox.id desc`,
        [JSON.stringify(keys)],
      );
      const latestIds = new Set(latest.map((row) => row.id));
      const decisive = await tx.find(FgaOutboxEntry, { id: { $in: [...latestIds] } });
      try {
        await applyTupleChanges(this.client, decisive.map(toChange));
      } catch (error) {
        for (const entry of pending) {
          entry.attempts += 1;
          entry.lastError = String((error as Error).message ?? error).slice(0, 1000);
        }
        await tx.flush();
        throw error;
      }
      const now = new Date();
      await tx.nativeUpdate(FgaOutboxEntry, { tupleKey: { $in: keys }, status: 'pending', id: { $nin: [...latestIds] } }, { status: 'superseded', appliedAt: now });
      await tx.nativeUpdate(FgaOutboxEntry, { id: { $in: [...latestIds] }, status: 'pending' }, { status: 'applied', appliedAt: now });
      return pending.length;
    });
  }
}

function toChange(entry: FgaOutboxEntry): TupleChange {
  return { operation: entry.operation, object: entry.object, relation: entry.relation, user: entry.subject };
}

/** Taken exclusively by reconcile, shared by every tuple apply: reconcile sees no change half-applied. */
export const RECONCILE_LOCK_ID = 7_340_021;

/** Serialises every apply of the same tuple keys (sorted, so two commands never deadlock). */
async function lockTupleKeys(em: Em, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  await em.execute(`select pg_advisory_xact_lock_shared(?)`, [RECONCILE_LOCK_ID]);
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(k, 0)) from json_array_elements_text(?::json) as k order by k`, [JSON.stringify(sorted)]);
}
