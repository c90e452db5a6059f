// The store and model the running app answers with, reached the way the app reaches them (config:
// OPENFGA_API_URL or the embedded engine's PostgreSQL datastore under DATABASE_URL).
import type { OpenFgaClient } from '@openfga/sdk';
import { latestDeployment, type ModelDeployment } from '../../../authz/model-deployments.js';
import { connectOpenFga } from '../../../authz/openfga-connection.js';
import { loadConfig } from '../../../config/index.js';
import { runMigrations } from '../../../db/migrate.js';
import { createOrm, type Orm } from '../../../db/orm.js';
import type { ModelBody } from '../model-source/model-body.js';
import type { TupleEntry } from '../store-file/store-file-schema.js';

export interface DeployedStore {
  client: OpenFgaClient;
  storeId: string;
  orm: Orm;
  deployment?: ModelDeployment;
  /** The deployed model (the newest deployment's; the store's latest model if none was recorded). */
  model?: ModelBody & { id: string };
  close(): Promise<void>;
}

export async function openDeployedStore(env: NodeJS.ProcessEnv = process.env): Promise<DeployedStore> {
  const config = loadConfig(env);
  await runMigrations({ databaseUrl: config.databaseUrl });
  const orm = await createOrm({ databaseUrl: config.databaseUrl, poolMax: 2 });
  let connection;
  try {
    connection = await connectOpenFga(config, { fromAnotherProcess: true });
  } catch (error) {
    await orm.close();
    throw error;
  }
  const { client, storeId } = connection;
  const deployment = await latestDeployment(orm, storeId);
  const response = deployment
    ? await client.readAuthorizationModel({ authorizationModelId: deployment.modelId })
    : await client.readLatestAuthorizationModel().catch(() => undefined);
  const model = response?.authorization_model as (ModelBody & { id: string }) | undefined;
  return { client, storeId, orm, deployment, model, close: async () => Promise.all([connection.close(), orm.close()]).then(() => undefined) };
}

/** Every tuple in the store (OpenFGA Read, paged). */
export async function readAllTuples(client: OpenFgaClient): Promise<TupleEntry[]> {
  const tuples: TupleEntry[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await client.read({}, { pageSize: 100, continuationToken });
    for (const t of page.tuples) tuples.push({ user: t.key.user, relation: t.key.relation, object: t.key.object, condition: t.key.condition as TupleEntry['condition'] });
    continuationToken = page.continuation_token || undefined;
  } while (continuationToken);
  return tuples;
}
