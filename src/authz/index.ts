import type { OpenFgaClient } from '@openfga/sdk';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Orm } from '../db/orm.js';
import { Authz } from './authz.js';
import { ensureStoreAndModel } from './bootstrap.js';
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded-engine.js';
import { createFgaClient } from './fga-client.js';
import { loadModelFile } from './model-file.js';
import { TupleSync } from './tuple-sync.js';

export { Authz } from './authz.js';
export { TupleSync } from './tuple-sync.js';

export interface AuthzRuntime {
  client: OpenFgaClient;
  authz: Authz;
  tupleSync: TupleSync;
  storeId: string;
  modelId: string;
  /** Where OpenFGA answers (the embedded engine's loopback URL, or OPENFGA_API_URL). */
  apiUrl: string;
  embedded: boolean;
  modelSha256: string;
  readinessProbe(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects to OpenFGA — the embedded engine when OPENFGA_API_URL is unset, a remote server otherwise —
 * and makes sure its store holds the model in fga/model.fga.
 */
export async function createAuthz(config: Config, orm: Orm, logger: Logger): Promise<AuthzRuntime> {
  let engine: EmbeddedEngine | undefined;
  if (!config.openfga.apiUrl) {
    engine = await startEmbeddedEngine({ datastore: config.openfga.embeddedDatastore, databaseUrl: config.databaseUrl });
  }
  const apiUrl = config.openfga.apiUrl ?? engine!.url;
  const client = createFgaClient({ apiUrl, apiToken: config.openfga.apiToken });
  const model = loadModelFile();
  const { storeId, modelId } = await ensureStoreAndModel(client, model, { storeId: config.openfga.storeId, modelId: config.openfga.modelId });
  client.storeId = storeId;
  client.authorizationModelId = modelId;
  return {
    client,
    authz: new Authz(client),
    tupleSync: new TupleSync(orm, client, logger),
    storeId,
    modelId,
    apiUrl,
    embedded: Boolean(engine),
    modelSha256: model.sha256,
    readinessProbe: async () => {
      await client.getStore();
    },
    close: async () => {
      await engine?.close();
    },
  };
}
