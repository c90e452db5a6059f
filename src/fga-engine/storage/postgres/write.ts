// Write: deletes then writes, all or nothing, each applied change recorded in the changelog.
import type { Pool, PoolClient } from 'pg';
import { monotonicFactory } from 'ulid';
import type { TupleKey } from '../../types.js';
import type { WriteOptions } from '../datastore.js';
import { bind } from './statements.js';
import { splitTupleKey, toColumnArrays, tupleIdentity } from './tuple-columns.js';
import type { PlannedTuple } from './write-failure.js';
import { explainFailure } from './write-failure.js';
import { writeStatement } from './write-sql.js';

// Monotonic within the process, so changelog order follows write order even inside one millisecond.
const nextUlid = monotonicFactory();

function plan(keys: TupleKey[]): PlannedTuple[] {
  const seen = new Set<string>();
  const planned: PlannedTuple[] = [];
  for (const key of keys) {
    const columns = splitTupleKey(key);
    const id = tupleIdentity(columns);
    if (seen.has(id)) continue;
    seen.add(id);
    planned.push({ key, columns });
  }
  return planned;
}

async function applyStatement(
  db: Pool | PoolClient,
  storeId: string,
  deletes: PlannedTuple[],
  writes: PlannedTuple[],
  opts: Required<WriteOptions>,
): Promise<void> {
  const now = new Date();
  const values: unknown[] = [storeId, now];
  if (deletes.length) {
    values.push(...toColumnArrays(deletes.map((d) => d.columns)), deletes.map(() => nextUlid(now.getTime())));
  }
  if (writes.length) {
    values.push(
      ...toColumnArrays(writes.map((w) => w.columns)),
      writes.map((w) => w.key.condition?.name || null),
      writes.map((w) => (w.key.condition?.name && w.key.condition.context ? JSON.stringify(w.key.condition.context) : null)),
      writes.map(() => nextUlid(now.getTime())),
    );
  }
  const stmt = writeStatement({
    deletes: deletes.length > 0,
    writes: writes.length > 0,
    onDuplicate: opts.onDuplicate,
    onMissing: opts.onMissing,
  });
  await db.query(bind(stmt, values));
}

/** Applies deletes then writes atomically (see Datastore.write). */
export async function writeTuples(
  pool: Pool,
  storeId: string,
  deleteKeys: TupleKey[],
  writeKeys: TupleKey[],
  options: WriteOptions = {},
): Promise<void> {
  const opts: Required<WriteOptions> = { onDuplicate: options.onDuplicate ?? 'error', onMissing: options.onMissing ?? 'error' };
  const deletes = plan(deleteKeys);
  const writes = plan(writeKeys);
  if (!deletes.length && !writes.length) return;

  const deleted = new Set(deletes.map((d) => tupleIdentity(d.columns)));
  const rewritesDeleted = writes.some((w) => deleted.has(tupleIdentity(w.columns)));
  if (!rewritesDeleted) {
    try {
      await applyStatement(pool, storeId, deletes, writes, opts);
    } catch (err) {
      throw await explainFailure(err, pool, storeId, deletes, writes);
    }
    return;
  }
  // A tuple deleted and written again in one call: the insert must see the delete, which one
  // statement (one snapshot) cannot give, so run the two halves in a transaction.
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await applyStatement(client, storeId, deletes, [], opts);
    await applyStatement(client, storeId, [], writes, opts);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw await explainFailure(err, pool, storeId, deletes, writes);
  }
  client.release();
}
