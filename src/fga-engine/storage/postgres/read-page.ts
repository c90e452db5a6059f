// The Read API: any combination of object (exact or type-only), relation and user, paginated by
// keyset. Rows are ordered by the primary-key column order minus the columns the filter fixes, which
// is exactly the order of the index serving that filter, so a page never needs a sort.
import type { Pool } from 'pg';
import type { Tuple } from '../../types.js';
import type { Page, ReadFilter } from '../datastore.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import type { Statement } from './statements.js';
import { bind, statement } from './statements.js';
import { hasContinuationToken } from '../tokens.js';
import type { TupleColumns, TupleRow } from './tuple-columns.js';
import { splitObject, splitUser, tupleKeyFromRow } from './tuple-columns.js';

type KeyColumn = 'object_type' | 'object_id' | 'relation' | 'user_type' | 'user_relation' | 'user_id';
const KEY_ORDER: KeyColumn[] = ['object_type', 'object_id', 'relation', 'user_type', 'user_relation', 'user_id'];

const FIELD: Record<KeyColumn, keyof TupleColumns> = {
  object_type: 'objectType',
  object_id: 'objectId',
  relation: 'relation',
  user_type: 'userType',
  user_relation: 'userRelation',
  user_id: 'userId',
};

interface ReadRow extends TupleRow {
  inserted_at: Date;
}

const cache = new Map<string, { withToken: Statement; first: Statement; varying: KeyColumn[] }>();

function fixedColumns(filter: ReadFilter): Partial<TupleColumns> {
  const fixed: Partial<TupleColumns> = {};
  if (filter.object) {
    const { objectType, objectId } = splitObject(filter.object);
    fixed.objectType = objectType;
    if (objectId !== '') fixed.objectId = objectId;
  }
  if (filter.relation) fixed.relation = filter.relation;
  if (filter.user) Object.assign(fixed, splitUser(filter.user));
  return fixed;
}

function statementsFor(fixed: KeyColumn[]) {
  const shape = fixed.join(',');
  const hit = cache.get(shape);
  if (hit) return hit;
  const where = ['store = $1', ...fixed.map((c, i) => `${c} = $${i + 2}`)];
  const varying = KEY_ORDER.filter((c) => !fixed.includes(c));
  const limit = `$${fixed.length + 2}`;
  const after = varying.map((_, i) => `$${fixed.length + 3 + i}`);
  const select =
    'SELECT object_type, object_id, relation, user_type, user_id, user_relation, condition_name, condition_context, inserted_at FROM tuples';
  // A fully fixed key (exact tuple) matches at most one row: nothing to order, nothing after it.
  const order = varying.length ? `ORDER BY ${varying.join(', ')} LIMIT ${limit}` : `LIMIT ${limit}`;
  const afterKey = varying.length ? `(${varying.join(', ')}) > (${after.join(', ')})` : 'FALSE';
  const entry = {
    varying,
    first: statement(`${select} WHERE ${where.join(' AND ')} ${order}`),
    withToken: statement(`${select} WHERE ${where.join(' AND ')} AND ${afterKey} ${order}`),
  };
  cache.set(shape, entry);
  return entry;
}

export async function readPage(
  pool: Pool,
  storeId: string,
  filter: ReadFilter,
  opts: { pageSize: number; continuationToken?: string },
): Promise<Page<Tuple>> {
  const fixed = fixedColumns(filter);
  const fixedKeys = KEY_ORDER.filter((c) => fixed[FIELD[c]] !== undefined);
  const stmts = statementsFor(fixedKeys);
  const queryId = `read:${storeId}:${JSON.stringify(fixedKeys.map((c) => fixed[FIELD[c]]))}:${fixedKeys.join(',')}`;
  const values: unknown[] = [storeId, ...fixedKeys.map((c) => fixed[FIELD[c]]), opts.pageSize + 1];
  let stmt = stmts.first;
  if (hasContinuationToken(opts.continuationToken)) {
    values.push(...decodePageToken('read', opts.continuationToken, queryId, stmts.varying.length));
    stmt = stmts.withToken;
  }
  const { rows } = await pool.query<ReadRow>(bind(stmt, values));
  const page = rows.slice(0, opts.pageSize);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ key: tupleKeyFromRow(row), timestamp: row.inserted_at.toISOString() })),
    continuationToken: rows.length > opts.pageSize ? encodePageToken('read', queryId, stmts.varying.map((c) => last[c])) : '',
  };
}
