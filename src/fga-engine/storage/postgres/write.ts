// Write: deletes then writes, all or nothing, each applied change recorded in the changelog.
import type { Pool, PoolClient } from 'pg';
import { monotonicFactory } from 'ulid';
import { FgaError, fgaErrors } from '../../errors.js';
import type { TupleKey } from '../../types.js';
import type { WriteOptions } from '../datastore.js';
import { bind, statement } from './statements.js';
import type { TupleColumns } from './tuple-columns.js';
import { splitTupleKey, toColumnArrays, tupleIdentity } from './tuple-columns.js';
import { ABORT_CONDITION_CONFLICT, ABORT_MISSING_DELETE, writeStatement } from './write-sql.js';

// Monotonic within the process, so changelog order follows write order even inside one millisecond.
const nextUlid = monotonicFactory();

interface PlannedTuple {
  key: TupleKey;
  columns: TupleColumns;
}

const existingKeys = statement(
  `SELECT t.object_type, t.object_id, t.relation, t.user_type, t.user_relation, t.user_id, t.condition_name, t.condition_context
   FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS k(ot, oi, r, ut, ur, ui)
   JOIN tuples t ON t.store = $1 AND t.object_type = k.ot AND t.object_id = k.oi AND t.relation = k.r
     AND t.user_type = k.ut AND t.user_relation = k.ur AND t.user_id = k.ui`,
);

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

function aborted(message: string): FgaError {
  return new FgaError('Aborted', message);
}

function pgCode(err: unknown): string | undefined {
  return (err as { code?: string })?.code;
}

/** The stored tuples among `items`, by identity, with their condition as a comparable string. */
async function findExisting(db: Pool, storeId: string, items: PlannedTuple[]): Promise<Map<string, string>> {
  const { rows } = await db.query(bind(existingKeys, [storeId, ...toColumnArrays(items.map((i) => i.columns))]));
  const found = new Map<string, string>();
  for (const r of rows) {
    const identity = tupleIdentity({
      objectType: r.object_type,
      objectId: r.object_id,
      relation: r.relation,
      userType: r.user_type,
      userRelation: r.user_relation,
      userId: r.user_id,
    });
    found.set(identity, conditionSignature(r.condition_name, r.condition_context));
  }
  return found;
}

function conditionSignature(name: string | null | undefined, context: Record<string, unknown> | null | undefined): string {
  return name ? JSON.stringify([name, canonical(context ?? {})]) : '';
}

/** JSON with sorted keys, so contexts compare by value like jsonb does. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
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

/** Turns a failed write statement into the error OpenFGA would answer. */
async function explainFailure(
  err: unknown,
  pool: Pool,
  storeId: string,
  deletes: PlannedTuple[],
  writes: PlannedTuple[],
): Promise<unknown> {
  const code = pgCode(err);
  const message = (err as Error)?.message;
  if (code === '23505') {
    const existing = await findExisting(pool, storeId, writes).catch(() => new Map<string, string>());
    const dup = writes.find((w) => existing.has(tupleIdentity(w.columns)));
    if (!dup) return aborted('transactional write failed due to conflict');
    return fgaErrors.tupleAlreadyExists(dup.key);
  }
  if (code === 'P0001' && message === ABORT_MISSING_DELETE) {
    const existing = await findExisting(pool, storeId, deletes).catch(() => new Map<string, string>());
    const missing = deletes.find((d) => !existing.has(tupleIdentity(d.columns)));
    if (!missing) return aborted('transactional write failed due to conflict');
    return fgaErrors.tupleDoesNotExist(missing.key);
  }
  if (code === 'P0001' && message === ABORT_CONDITION_CONFLICT) {
    const existing = await findExisting(pool, storeId, writes).catch(() => new Map<string, string>());
    const clash = writes.find((w) => {
      const stored = existing.get(tupleIdentity(w.columns));
      return stored !== undefined && stored !== conditionSignature(w.key.condition?.name, w.key.condition?.context);
    });
    return clash ? fgaErrors.tupleConditionConflict(clash.key) : aborted('transactional write failed due to conflict');
  }
  if (code === '40P01' || code === '40001') return aborted('transactional write failed due to conflict');
  return err;
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
