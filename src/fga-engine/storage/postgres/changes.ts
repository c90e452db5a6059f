// ReadChanges: changelog rows in ULID order. The ULID carries the change time, so a start time is a
// ULID lower bound on the same index. As in OpenFGA, a non-empty page always returns a token
// pointing after its last change, so a caller can poll for changes that happen later.
import type { Pool } from 'pg';
import { encodeTime } from 'ulid';
import type { TupleChange } from '../../types.js';
import type { ChangesFilter, Page } from '../datastore.js';
import { fgaErrors } from '../../errors.js';
import { decodeContinuationToken, encodeContinuationToken, hasContinuationToken } from '../tokens.js';
import { bind, statement } from './statements.js';
import type { TupleRow } from './tuple-columns.js';
import { tupleKeyFromRow } from './tuple-columns.js';

interface ChangeRow extends TupleRow {
  ulid: string;
  operation: number;
  inserted_at: Date;
}

const SELECT =
  'SELECT ulid, object_type, object_id, relation, user_type, user_id, user_relation, condition_name, condition_context, operation, inserted_at FROM changelog';
const allTypes = statement(`${SELECT} WHERE store = $1 AND ulid > $2 ORDER BY ulid LIMIT $3`);
const oneType = statement(`${SELECT} WHERE store = $1 AND object_type = $4 AND ulid > $2 ORDER BY ulid LIMIT $3`);

/** The smallest ULID strictly below every ULID minted at or after `time`. */
function ulidBefore(time: Date): string {
  const ms = time.getTime();
  return ms <= 0 ? '' : `${encodeTime(ms - 1, 10)}ZZZZZZZZZZZZZZZZ`;
}

export async function readChanges(
  pool: Pool,
  storeId: string,
  filter: ChangesFilter,
  opts: { pageSize: number; continuationToken?: string },
): Promise<Page<TupleChange>> {
  const objectType = filter.objectType ?? '';
  let after = '';
  if (hasContinuationToken(opts.continuationToken)) {
    const token = decodeContinuationToken(opts.continuationToken, 'changes', { after: 'string', type: 'string' });
    if (token.type !== objectType) throw fgaErrors.continuationTokenTypeMismatch();
    after = token.after;
  } else if (filter.startTime) {
    after = ulidBefore(filter.startTime);
  }

  const values: unknown[] = [storeId, after, opts.pageSize];
  if (filter.objectType) values.push(filter.objectType);
  const { rows } = await pool.query<ChangeRow>(bind(filter.objectType ? oneType : allTypes, values));
  const items = rows.map(
    (row): TupleChange => ({
      tuple_key: tupleKeyFromRow(row),
      operation: row.operation === 1 ? 'TUPLE_OPERATION_DELETE' : 'TUPLE_OPERATION_WRITE',
      timestamp: row.inserted_at.toISOString(),
    }),
  );
  const last = rows[rows.length - 1];
  return { items, continuationToken: last ? encodeContinuationToken('changes', { after: last.ulid, type: objectType }) : '' };
}
