// What every service operation needs: the datastore and the limits it enforces.
import type { Datastore } from '../storage/datastore.js';
import { resolveEngineLimits, type EngineLimits } from './limits.js';

export interface ServiceContext {
  readonly datastore: Datastore;
  readonly limits: EngineLimits;
}

export function createServiceContext(datastore: Datastore, limits?: Partial<EngineLimits>): ServiceContext {
  return { datastore, limits: resolveEngineLimits(limits) };
}
