// Builds the single statement that applies one Write call: deletes, inserts and changelog rows in
// data-modifying CTEs, so the write is atomic and costs one round-trip. Failures the API must report
// (a missing delete, a duplicate with another condition) abort the statement through fga_abort().
import type { Statement } from './statements.js';
import { statement } from './statements.js';

export interface WriteVariant {
  deletes: boolean;
  writes: boolean;
  onDuplicate: 'error' | 'ignore';
  onMissing: 'error' | 'ignore';
}

export const ABORT_MISSING_DELETE = 'fga_missing_delete';
export const ABORT_CONDITION_CONFLICT = 'fga_condition_conflict';

const KEY_MATCH = (t: string, i: string) =>
  `${t}.object_type = ${i}.ot AND ${t}.object_id = ${i}.oi AND ${t}.relation = ${i}.r ` +
  `AND ${t}.user_type = ${i}.ut AND ${t}.user_relation = ${i}.ur AND ${t}.user_id = ${i}.ui`;

const cache = new Map<string, Statement>();

/**
 * Parameters: $1 store, $2 now; then, if deletes: 7 arrays (6 key columns + ulid); then, if writes:
 * 9 arrays (6 key columns, condition name, condition context as JSON text, ulid).
 */
export function writeStatement(v: WriteVariant): Statement {
  const cacheKey = JSON.stringify(v);
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  let n = 2;
  const params = (count: number) => Array.from({ length: count }, () => `$${++n}::text[]`);
  const ctes: string[] = [];
  const logSources: string[] = [];
  const checks: string[] = [];

  if (v.deletes) {
    const p = params(7);
    ctes.push(`del_in AS (SELECT * FROM unnest(${p.join(', ')}) AS d(ot, oi, r, ut, ur, ui, ulid))`);
    ctes.push(
      `del AS (DELETE FROM tuples t USING del_in d WHERE t.store = $1 AND ${KEY_MATCH('t', 'd')} ` +
        `RETURNING d.ot, d.oi, d.r, d.ut, d.ur, d.ui, d.ulid)`,
    );
    // OpenFGA redacts the condition of delete changes: only the key matters.
    logSources.push('SELECT $1::text, ulid, ot, oi, r, ut, ur, ui, NULL::text, NULL::jsonb, 1::smallint, $2::timestamptz FROM del');
    if (v.onMissing === 'error') {
      checks.push(
        `CASE WHEN (SELECT count(*) FROM del) <> cardinality(${p[0]}) ` +
          `THEN fga_abort('${ABORT_MISSING_DELETE}') END AS missing_check`,
      );
    }
  }

  if (v.writes) {
    const p = params(9);
    ctes.push(`wr_in AS (SELECT * FROM unnest(${p.join(', ')}) AS w(ot, oi, r, ut, ur, ui, cn, cc, ulid))`);
    ctes.push(
      'ins AS (INSERT INTO tuples (store, object_type, object_id, relation, user_type, user_relation, user_id, ' +
        'condition_name, condition_context, ulid, inserted_at) ' +
        'SELECT $1, ot, oi, r, ut, ur, ui, cn, cc::jsonb, ulid, $2 FROM wr_in ' +
        (v.onDuplicate === 'ignore' ? 'ON CONFLICT DO NOTHING ' : '') +
        'RETURNING object_type, object_id, relation, user_type, user_relation, user_id, condition_name, condition_context, ulid)',
    );
    logSources.push(
      'SELECT $1::text, ulid, object_type, object_id, relation, user_type, user_relation, user_id, condition_name, condition_context, 0::smallint, $2::timestamptz FROM ins',
    );
    if (v.onDuplicate === 'ignore') {
      // Rows visible to this statement's snapshot are the pre-existing duplicates; ignoring one is only
      // allowed when it carries the same condition (OpenFGA answers 409 otherwise).
      ctes.push(
        `clash AS (SELECT 1 FROM wr_in w JOIN tuples t ON t.store = $1 AND ${KEY_MATCH('t', 'w')} ` +
          `WHERE t.condition_name IS DISTINCT FROM w.cn ` +
          `OR coalesce(t.condition_context, '{}'::jsonb) IS DISTINCT FROM coalesce(w.cc::jsonb, '{}'::jsonb) LIMIT 1)`,
      );
      checks.push(`CASE WHEN EXISTS (SELECT 1 FROM clash) THEN fga_abort('${ABORT_CONDITION_CONFLICT}') END AS clash_check`);
    }
  }

  // The store's next revision (migrations/0002_store_revisions.sql): its row stays locked until commit.
  ctes.push(
    'rev AS (INSERT INTO store_revisions (store, revision) VALUES ($1, 1) ' +
      'ON CONFLICT (store) DO UPDATE SET revision = store_revisions.revision + 1 RETURNING revision)',
  );
  ctes.push(
    'log AS (INSERT INTO changelog (store, ulid, object_type, object_id, relation, user_type, user_relation, user_id, ' +
      `condition_name, condition_context, operation, inserted_at, revision) ` +
      `SELECT c.*, (SELECT revision FROM rev) FROM (${logSources.join(' UNION ALL ')}) AS c)`,
  );
  const counts = [
    v.deletes ? '(SELECT count(*) FROM del) AS deleted' : '0 AS deleted',
    v.writes ? '(SELECT count(*) FROM ins) AS inserted' : '0 AS inserted',
  ];
  const stmt = statement(`WITH ${ctes.join(', ')} SELECT ${[...counts, ...checks].join(', ')}`);
  cache.set(cacheKey, stmt);
  return stmt;
}
