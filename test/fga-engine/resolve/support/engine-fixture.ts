// Builds a ResolveContext from a DSL model and tuples on a fresh in-memory store, for the unit tests
// of the model, conditions and resolve layers.
import { ulid } from 'ulid';
import { transformer } from '@openfga/syntax-transformer';
import { MemoryDatastore } from '../../../../src/fga-engine/storage/memory.js';
import type { AuthorizationModel, TupleKey } from '../../../../src/fga-engine/types.js';
import { FgaError } from '../../../../src/fga-engine/errors.js';
import { typesystemFor, validateAuthorizationModel, validateTupleForWrite } from '../../../../src/fga-engine/model/index.js';
import type { ResolveContext } from '../../../../src/fga-engine/resolve/index.js';

export function modelFromDsl(dsl: string): AuthorizationModel {
  return { ...transformer.transformDSLToJSONObject(dsl), id: ulid() } as unknown as AuthorizationModel;
}

/** `"user:anne viewer document:1"` (optionally `... with cond`) → a tuple key. */
export function tk(spec: string, condition?: { name: string; context?: Record<string, unknown> }): TupleKey {
  const [user, relation, object] = spec.trim().split(/\s+/);
  return condition ? { user, relation, object, condition } : { user, relation, object };
}

export interface Fixture {
  ctx(extra?: Partial<ResolveContext>): ResolveContext;
  datastore: MemoryDatastore;
}

/** Validates the model and every tuple as Write would, then stores them. */
export async function fixture(dsl: string, tuples: TupleKey[] = []): Promise<Fixture> {
  const model = modelFromDsl(dsl);
  validateAuthorizationModel(model);
  const typesystem = typesystemFor(model);
  for (const t of tuples) validateTupleForWrite(typesystem, t);
  const datastore = new MemoryDatastore();
  const storeId = ulid();
  if (tuples.length > 0) await datastore.write(storeId, [], tuples);
  return {
    datastore,
    ctx: (extra = {}) => ({ datastore, storeId, typesystem, ...extra }),
  };
}

/** The FgaError code a promise (or function) fails with; throws when it does not fail. */
export async function errorCodeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof FgaError) return e.code;
    throw e;
  }
  throw new Error('expected an FgaError, but the call succeeded');
}

export async function errorOf(run: () => unknown): Promise<FgaError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof FgaError) return e;
    throw e;
  }
  throw new Error('expected an FgaError, but the call succeeded');
}
