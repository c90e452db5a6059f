import type { Orm } from '../db/orm.js';

/** Which model a store answers with, and where it came from (table fga_model_deployments). */
export interface ModelDeployment {
  storeId: string;
  modelId: string;
  /** sha256 of the model file that was deployed. */
  modelSha256: string;
  source: 'startup' | 'deploy';
  deployedBy: string | null;
  deployedAt: string;
}

interface DeploymentRow {
  store_id: string;
  model_id: string;
  model_sha256: string;
  source: 'startup' | 'deploy';
  deployed_by: string | null;
  deployed_at: Date;
}

/** The store's current model: its newest deployment. */
export async function latestDeployment(orm: Orm, storeId: string): Promise<ModelDeployment | undefined> {
  const [row] = await orm.em.fork().getConnection().execute<DeploymentRow[]>(
    `select store_id, model_id, model_sha256, source, deployed_by, deployed_at from fga_model_deployments where store_id = ? order by id desc limit 1`,
    [storeId],
  );
  return row && { storeId: row.store_id, modelId: row.model_id, modelSha256: row.model_sha256, source: row.source, deployedBy: row.deployed_by, deployedAt: new Date(row.deployed_at).toISOString() };
}

export async function recordDeployment(orm: Orm, d: Omit<ModelDeployment, 'deployedAt'>): Promise<ModelDeployment> {
  const [row] = await orm.em.fork().getConnection().execute<Array<{ deployed_at: Date }>>(
    `insert into fga_model_deployments (store_id, model_id, model_sha256, source, deployed_by) values (?, ?, ?, ?, ?) returning deployed_at`,
    [d.storeId, d.modelId, d.modelSha256, d.source, d.deployedBy],
  );
  return { ...d, deployedAt: new Date(row.deployed_at).toISOString() };
}
