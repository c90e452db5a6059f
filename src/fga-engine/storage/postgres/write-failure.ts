// Turns a failed write statement into the answer OpenFGA gives: which tuple already exists, which
// delete is missing, which duplicate carries another condition — or a 409 when a concurrent write
// won the race. Runs after the failed statement (or its rolled-back transaction), so it reads the
// committed state.
import type { Pool } from 'pg';
import { FgaError, fgaErrors } from '../../errors.js';
import type { TupleKey } from '../../types.js';
import { bind, statement } from './statements.js';
import type { TupleColumns } from './tuple-columns.js';
import { toColumnArrays, tupleIdentity } from './tuple-columns.js';
import { ABORT_CONDITION_CONFLICT, ABORT_MISSING_DELETE } from './write-sql.js';

export interface PlannedTuple {
  key: TupleKey;
  columns: TupleColumns;
}

const existingKeys = statement(
  `SELECT t.object_type, t.object_id, t.relation, t.user_type, t.user_relation, t.user_id, t.condition_name, t.condition_context
   FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS k(ot, oi, r, ut, ur, ui)
   JOIN tuples t ON t.store = $1 AND t.object_type = k.ot AND t.object_id = k.oi AND t.relation = k.r
     AND t.user_type = k.ut AND t.user_relation = k.ur AND t.user_id = k.ui`,
);

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

/** Turns a failed write statement into the error OpenFGA would answer. */
export async function explainFailure(
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

