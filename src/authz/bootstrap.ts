import type { OpenFgaClient } from '@openfga/sdk';
import { isDeepStrictEqual } from 'node:util';
import type { ModelFromFile } from './model-file.js';

export const DEFAULT_STORE_NAME = 'touchline';

/**
 * Finds (or creates) the store and makes sure its latest model is the one in fga/model.fga,
 * writing a new model only when the file changed. Returns the ids the app then pins.
 */
export async function ensureStoreAndModel(
  client: OpenFgaClient,
  model: ModelFromFile,
  opts: { storeId?: string; storeName?: string; modelId?: string },
): Promise<{ storeId: string; modelId: string }> {
  const storeId = opts.storeId ?? (await findOrCreateStore(client, opts.storeName ?? DEFAULT_STORE_NAME));
  client.storeId = storeId;
  if (opts.modelId) return { storeId, modelId: opts.modelId };
  const latest = await client.readLatestAuthorizationModel().catch(() => undefined);
  const current = latest?.authorization_model;
  if (current && sameModel(current, model.body)) return { storeId, modelId: current.id };
  const written = await client.writeAuthorizationModel(model.body as never);
  return { storeId, modelId: written.authorization_model_id };
}

async function findOrCreateStore(client: OpenFgaClient, name: string): Promise<string> {
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

function sameModel(current: { type_definitions: unknown; conditions?: unknown; schema_version: string }, wanted: ModelFromFile['body']): boolean {
  const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}, (k, v) => (k === 'source_info' || k === 'module' ? undefined : v)));
  return (
    current.schema_version === wanted.schema_version &&
    isDeepStrictEqual(strip(current.type_definitions), strip(wanted.type_definitions)) &&
    isDeepStrictEqual(strip(current.conditions ?? {}), strip(wanted.conditions ?? {}))
  );
}
