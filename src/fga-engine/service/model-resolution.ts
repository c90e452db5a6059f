// Finds the model a request is answered with: the one named, or the store's latest, with
// OpenFGA's errors (server.go resolveTypesystem) when there is none.
import { fgaErrors } from '../errors.js';
import { typesystemFor, type Typesystem } from '../model/index.js';
import type { AuthorizationModel } from '../types.js';
import type { ServiceContext } from './service-context.js';

export interface ResolvedModel {
  model: AuthorizationModel;
  typesystem: Typesystem;
}

export async function resolveModel(ctx: ServiceContext, storeId: string, modelId: string | undefined): Promise<ResolvedModel> {
  const model = modelId
    ? ctx.models.get(storeId, modelId) ?? (await ctx.datastore.readAuthorizationModel(storeId, modelId))
    : await ctx.datastore.findLatestAuthorizationModel(storeId);
  if (!model) throw modelId ? fgaErrors.modelNotFound(modelId) : fgaErrors.latestModelNotFound(storeId);
  ctx.models.set(storeId, model);
  return { model, typesystem: typesystemFor(model) };
}

/**
 * What a query (check, list-objects, …) resolves with: its model, and what it reads through — the
 * datastore as of now (for a datastore caching resolution reads, a view that reflects every write
 * committed before the request) and the resolution limits — to hand to queryContext.
 */
export async function resolveQuery(ctx: ServiceContext, storeId: string, modelId: string | undefined): Promise<ResolvedModel & { reads: Pick<ServiceContext, 'datastore' | 'limits'> }> {
  const [resolved, datastore] = await Promise.all([resolveModel(ctx, storeId, modelId), ctx.datastore.freshView?.(storeId) ?? ctx.datastore]);
  return { ...resolved, reads: { datastore, limits: ctx.limits } };
}
