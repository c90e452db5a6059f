import type { OpenFgaClient } from '@openfga/sdk';
import pg from 'pg';
import type { Em, Orm } from '../db/orm.js';
import { applyTupleChanges } from './fga-writer.js';
import { tupleKeyOf, type RelationTuple } from './tuple-change.js';

/** What the database implies (the tuple sources reconcile uses). */
export type DesiredTuples = (em: Em) => Promise<RelationTuple[]>;

/**
 * Where intents are written: a small pool of its own, outside the ORM's. A command announces while it
 * holds an ORM connection (and locks other commands queue on), so taking a second ORM connection could
 * wait for ever once every ORM connection is held by a command doing the same.
 */
export class RevocationIntentLog {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 10_000 });
    this.pool.on('error', () => undefined); // an idle connection dropped by the server is simply replaced
  }

  /**
   * Announces, outside the command's transaction (so it survives a rollback or a killed process), that
   * the transaction `em` is in is about to revoke `tupleKeys` in OpenFGA. Returns the intent's id.
   */
  async announce(em: Em, tupleKeys: string[], command: string): Promise<string> {
    const [{ xid }] = await em.execute<Array<{ xid: string }>>('select pg_current_xact_id()::text as xid');
    const { rows } = await this.pool.query<{ id: string }>(
      'insert into fga_revocation_intents (xid, tuple_keys, command) values ($1::xid8, $2::jsonb, $3) returning id::text as id',
      [xid, JSON.stringify(tupleKeys), command],
    );
    return rows[0].id;
  }

  /** After commit: the revocations stand, the intent is settled (the relay settles it if this fails). */
  async settle(intentId: string): Promise<void> {
    await this.pool.query('delete from fga_revocation_intents where id = $1', [intentId]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Settles every intent whose transaction has ended: committed ones are simply dropped; for the others
 * (rolled back, or the process died) it writes back whatever of their tuples the database still implies.
 * Runs under the same per-key locks as every apply, so a later command on those keys waits for it.
 */
export async function restoreAbortedRevocations(
  orm: Orm,
  client: OpenFgaClient,
  desiredTuples: DesiredTuples,
  lockTupleKeys: (em: Em, keys: string[]) => Promise<void>,
): Promise<{ settled: number; restored: RelationTuple[] }> {
  const em = orm.em.fork();
  const ended = await em.execute<Array<{ id: string; committed: boolean; tuple_keys: string[] }>>(
    // pg_xact_status is null for a transaction too old to remember: treat it as not committed (restoring is idempotent).
    `select id::text as id, coalesce(pg_xact_status(xid) = 'committed', false) as committed, tuple_keys
       from fga_revocation_intents where pg_xact_status(xid) is distinct from 'in progress' order by fga_revocation_intents.id limit 100`,
  );
  if (!ended.length) return { settled: 0, restored: [] };
  const keys = new Set(ended.filter((i) => !i.committed).flatMap((i) => i.tuple_keys));
  let restored: RelationTuple[] = [];
  await em.transactional(async (tx) => {
    if (keys.size) {
      await lockTupleKeys(tx, [...keys]);
      restored = (await desiredTuples(tx)).filter((t) => keys.has(tupleKeyOf(t)));
      if (restored.length) await applyTupleChanges(client, restored.map((t) => ({ ...t, operation: 'write' as const })));
    }
    await tx.execute('delete from fga_revocation_intents where id in (select json_array_elements_text(?::json)::bigint)', [JSON.stringify(ended.map((i) => i.id))]);
  });
  return { settled: ended.length, restored };
}
