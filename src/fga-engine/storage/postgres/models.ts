// Authorization models are immutable JSON documents; "newest" is insertion order (seq), which stays
// right even when two model ULIDs share a millisecond.
import type { Pool } from 'pg';
import { fgaErrors } from '../../errors.js';
import type { AuthorizationModel } from '../../types.js';
import type { Page } from '../datastore.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { bind, statement } from './statements.js';
import { hasContinuationToken } from '../tokens.js';

interface ModelRow {
  seq: string;
  model: AuthorizationModel;
}

const insertModel = statement('INSERT INTO authorization_models (store, id, model) VALUES ($1, $2, $3)');
const selectModel = statement('SELECT seq, model FROM authorization_models WHERE store = $1 AND id = $2');
const selectLatest = statement(
  'SELECT seq, model FROM authorization_models WHERE store = $1 ORDER BY seq DESC LIMIT 1',
);
const selectPage = statement(
  'SELECT seq, model FROM authorization_models WHERE store = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3',
);

export async function writeAuthorizationModel(pool: Pool, storeId: string, model: AuthorizationModel): Promise<void> {
  await pool.query(bind(insertModel, [storeId, model.id, JSON.stringify(model)]));
}

export async function readAuthorizationModel(pool: Pool, storeId: string, id: string): Promise<AuthorizationModel | undefined> {
  const { rows } = await pool.query<ModelRow>(bind(selectModel, [storeId, id]));
  return rows[0]?.model;
}

export async function findLatestAuthorizationModel(pool: Pool, storeId: string): Promise<AuthorizationModel | undefined> {
  const { rows } = await pool.query<ModelRow>(bind(selectLatest, [storeId]));
  return rows[0]?.model;
}

export async function readAuthorizationModels(
  pool: Pool,
  storeId: string,
  opts: { pageSize: number; continuationToken?: string },
): Promise<Page<AuthorizationModel>> {
  const queryId = `models:${storeId}`;
  const before = hasContinuationToken(opts.continuationToken)
    ? decodePageToken('models', opts.continuationToken, queryId, 1)[0]
    : '9223372036854775807';
  if (!/^\d{1,19}$/.test(before)) throw fgaErrors.invalidContinuationToken();
  const { rows } = await pool.query<ModelRow>(bind(selectPage, [storeId, before, opts.pageSize + 1]));
  const page = rows.slice(0, opts.pageSize);
  const more = rows.length > opts.pageSize;
  return {
    items: page.map((r) => r.model),
    continuationToken: more ? encodePageToken('models', queryId, [page[page.length - 1].seq]) : '',
  };
}
