// Stores: soft-deleted as OpenFGA does (deleted_at set, every read skips the row). Listed by id, which
// is a ULID, so creation order.
import type { Pool } from 'pg';
import type { Store } from '../../types.js';
import type { Page } from '../datastore.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { bind, statement } from './statements.js';
import { hasContinuationToken } from '../tokens.js';

interface StoreRow {
  id: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, created_at, updated_at';
const insertStore = statement(
  'INSERT INTO stores (id, name, created_at, updated_at) VALUES ($1, $2, $3, $4)',
);
const selectStore = statement(`SELECT ${COLUMNS} FROM stores WHERE id = $1 AND deleted_at IS NULL`);
const softDeleteStore = statement('UPDATE stores SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL');
const listAll = statement(
  `SELECT ${COLUMNS} FROM stores WHERE deleted_at IS NULL AND id > $1 ORDER BY id LIMIT $2`,
);
const listByName = statement(
  `SELECT ${COLUMNS} FROM stores WHERE deleted_at IS NULL AND name = $3 AND id > $1 ORDER BY id LIMIT $2`,
);

function toStore(row: StoreRow): Store {
  return {
    id: row.id,
    name: row.name,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export async function createStore(pool: Pool, store: Store): Promise<void> {
  await pool.query(bind(insertStore, [store.id, store.name, store.created_at, store.updated_at]));
}

export async function getStore(pool: Pool, id: string): Promise<Store | undefined> {
  const { rows } = await pool.query<StoreRow>(bind(selectStore, [id]));
  return rows[0] ? toStore(rows[0]) : undefined;
}

export async function deleteStore(pool: Pool, id: string): Promise<void> {
  await pool.query(bind(softDeleteStore, [id]));
}

export async function listStores(
  pool: Pool,
  opts: { pageSize: number; continuationToken?: string; name?: string },
): Promise<Page<Store>> {
  const queryId = opts.name === undefined ? 'stores' : `stores:${opts.name}`;
  const after = hasContinuationToken(opts.continuationToken) ? decodePageToken('stores', opts.continuationToken, queryId, 1)[0] : '';
  const values: unknown[] = [after, opts.pageSize + 1];
  if (opts.name !== undefined) values.push(opts.name);
  const { rows } = await pool.query<StoreRow>(bind(opts.name === undefined ? listAll : listByName, values));
  const items = rows.slice(0, opts.pageSize).map(toStore);
  const more = rows.length > opts.pageSize;
  return { items, continuationToken: more ? encodePageToken('stores', queryId, [items[items.length - 1].id]) : '' };
}
