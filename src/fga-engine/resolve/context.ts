import type { Datastore } from '../storage/datastore.js';
import type { TupleKey } from '../types.js';
import type { Typesystem } from '../model/typesystem.js';

export interface ResolveLimits {
  resolveDepth: number;
  listObjectsMaxResults: number;
  listObjectsDeadlineMs: number;
  listUsersMaxResults: number;
  listUsersDeadlineMs: number;
}

export const DEFAULT_RESOLVE_LIMITS: ResolveLimits = {
  resolveDepth: 25,
  listObjectsMaxResults: 1000,
  listObjectsDeadlineMs: 3000,
  listUsersMaxResults: 1000,
  listUsersDeadlineMs: 3000,
};

export interface ResolveContext {
  datastore: Datastore;
  storeId: string;
  typesystem: Typesystem;
  contextualTuples?: TupleKey[];
  context?: Record<string, unknown>;
  limits?: Partial<ResolveLimits>;
}
