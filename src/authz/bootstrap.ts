import type { OpenFgaClient } from '@openfga/sdk';
import { isDeepStrictEqual } from 'node:util';
import type { ModelFromFile } from './model-file.js';

export const DEFAULT_STORE_NAME = 'touchline';

/** The store's id by name, creating the store when there is none yet. */
export async function findOrCreateStore(client: OpenFgaClient, name = DEFAULT_STORE_NAME): Promise<string> {
  let continuationToken: string | undefined;
  do {
    const page = await client.listStores({ pageSize: 100, continuationToken });
    const found = page.stores.find((s) => s.name === name);
    if (found) return found.id;
    continuationToken = page.continuation_token || undefined;
  } while (continuationToken);
  const created = await client.createStore({ name });
  return created.id;
}

/**
 * Makes sure the store's latest model is the one in the file, writing a new model only when it
 * differs. Returns its id. (The client must point at the store.)
 */
export async function ensureModel(client: OpenFgaClient, model: Pick<ModelFromFile, 'body'>): Promise<string> {
  const latest = await client.readLatestAuthorizationModel().catch(() => undefined);
  const current = latest?.authorization_model;
  if (current && sameModel(current, model.body)) return current.id;
  const written = await client.writeAuthorizationModel(model.body as never);
  return written.authorization_model_id;
}

function sameModel(current: { type_definitions: unknown; conditions?: unknown; schema_version: string }, wanted: ModelFromFile['body']): boolean {
  const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}, (k, v) => (k === 'source_info' || k === 'module' ? undefined : v)));
  return (
    current.schema_version === wanted.schema_version &&
    isDeepStrictEqual(strip(current.type_definitions), strip(wanted.type_definitions)) &&
    isDeepStrictEqual(strip(current.conditions ?? {}), strip(wanted.conditions ?? {}))
  );
}
