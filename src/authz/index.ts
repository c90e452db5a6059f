import type { OpenFgaClient } from '@openfga/sdk';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { Orm } from '../db/orm.js';
import { Authz } from './authz.js';
import { ensureModel } from './bootstrap.js';
import { latestDeployment, recordDeployment } from './model-deployments.js';
import { loadModelFile } from './model-file.js';
import { connectOpenFga } from './openfga-connection.js';
import { TupleSync } from './tuple-sync.js';

export { Authz } from './authz.js';
export { TupleSync } from './tuple-sync.js';

/** The model the app answers with, as /readyz shows it. */
export interface ActiveModel {
  modelId: string;
  /** sha256 of the model file deployed (fga/model.fga at start-up, or the file `fga deploy` wrote). */
  modelSha256: string;
  source: 'startup' | 'deploy' | 'pinned';
  deployedAt?: string;
}

export interface AuthzRuntime {
  client: OpenFgaClient;
  authz: Authz;
  tupleSync: TupleSync;
  storeId: string;
  /** Where OpenFGA answers (the embedded engine's loopback URL, or OPENFGA_API_URL). */
  apiUrl: string;
  embedded: boolean;
  readonly modelId: string;
  readonly modelSha256: string;
  activeModel(): ActiveModel;
  /** Switches to the newest deployed model if it changed; true when it did. Also runs on a timer. */
  refreshModel(): Promise<boolean>;
  readinessProbe(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects to OpenFGA (embedded engine or remote server), makes sure its store holds the model in
 * fga/model.fga (recording the deployment), and follows later deployments (`npm run fga -- deploy`)
 * without a restart. OPENFGA_MODEL_ID pins one model and turns following off.
 */
export async function createAuthz(config: Config, orm: Orm, logger: Logger): Promise<AuthzRuntime> {
  const connection = await connectOpenFga(config);
  const { client, storeId } = connection;
  const file = loadModelFile();
  let active: ActiveModel;
  if (config.openfga.modelId) {
    active = { modelId: config.openfga.modelId, modelSha256: file.sha256, source: 'pinned' };
  } else {
    const modelId = await ensureModel(client, file);
    const latest = await latestDeployment(orm, storeId);
    const deployment = latest?.modelId === modelId ? latest : await recordDeployment(orm, { storeId, modelId, modelSha256: file.sha256, source: 'startup', deployedBy: null });
    active = { modelId, modelSha256: deployment.modelSha256, source: deployment.source, deployedAt: deployment.deployedAt };
  }
  client.authorizationModelId = active.modelId;

  const refreshModel = async (): Promise<boolean> => {
    if (active.source === 'pinned') return false;
    const latest = await latestDeployment(orm, storeId);
    if (!latest || latest.modelId === active.modelId) return false;
    logger.info({ from: active.modelId, to: latest.modelId, source: latest.source, deployedBy: latest.deployedBy }, 'switching to a newly deployed authorization model');
    active = { modelId: latest.modelId, modelSha256: latest.modelSha256, source: latest.source, deployedAt: latest.deployedAt };
    client.authorizationModelId = active.modelId;
    return true;
  };
  const timer = active.source === 'pinned' ? undefined : setInterval(() => void refreshModel().catch((error) => logger.warn({ err: error }, 'could not look for a newly deployed model')), config.openfga.modelRefreshMs);
  timer?.unref();

  const tupleSync = new TupleSync(orm, client, logger);
  return {
    client,
    authz: new Authz(client),
    tupleSync,
    storeId,
    apiUrl: connection.apiUrl,
    embedded: connection.embedded,
    get modelId() {
      return active.modelId;
    },
    get modelSha256() {
      return active.modelSha256;
    },
    activeModel: () => ({ ...active }),
    refreshModel,
    readinessProbe: async () => {
      await client.getStore();
    },
    close: async () => {
      clearInterval(timer);
      await tupleSync.close();
      await connection.close();
    },
  };
}
