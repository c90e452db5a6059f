// What every service operation needs: the datastore and the limits it enforces.
import type { Datastore } from '../storage/datastore.js';
import { resolveEngineLimits, type EngineLimits } from './limits.js';
import { ModelCache } from './model-cache.js';

export interface ServiceContext {
  readonly datastore: Datastore;
  readonly limits: EngineLimits;
  readonly models: ModelCache;
}

export function createServiceContext(datastore: Datastore, limits?: Partial<EngineLimits>): ServiceContext {
  return { datastore, limits: resolveEngineLimits(limits), models: new ModelCache() };
}
