// Every server-side limit in one place, defaulting to OpenFGA's flags (cmd/run/run.go and
// pkg/server/config/config.go), so a caller can tighten or relax them without touching the code.

export interface EngineLimits {
  /** --max-tuples-per-write: writes + deletes in one Write call. */
  maxTuplesPerWrite: number;
  /** --max-types-per-authorization-model. */
  maxTypesPerAuthorizationModel: number;
  /** --max-authorization-model-size-in-bytes. */
  maxAuthorizationModelSizeInBytes: number;
  /** --max-checks-per-batch-check. */
  maxChecksPerBatchCheck: number;
  /** --resolve-node-limit: resolution depth. */
  resolveNodeLimit: number;
  /** --listObjects-max-results (0 = unlimited; streamed list-objects is never capped). */
  listObjectsMaxResults: number;
  /** --listObjects-deadline in milliseconds: partial results after it. */
  listObjectsDeadlineMs: number;
  /** --listUsers-max-results (0 = unlimited). */
  listUsersMaxResults: number;
  /** --listUsers-deadline in milliseconds. */
  listUsersDeadlineMs: number;
  /** --readChanges-max-page-size. */
  readChangesMaxPageSize: number;
  /** Hard-coded in OpenFGA's proto (AssertionTupleKey list, WriteAssertionsRequest). */
  maxAssertionsPerWrite: number;
  /** Default page size of Read, ReadAuthorizationModels, ListStores and ReadChanges (pkg/storage). */
  defaultPageSize: number;
}

export const DEFAULT_ENGINE_LIMITS: Readonly<EngineLimits> = Object.freeze({
  maxTuplesPerWrite: 100,
  maxTypesPerAuthorizationModel: 100,
  maxAuthorizationModelSizeInBytes: 256 * 1024,
  maxChecksPerBatchCheck: 50,
  resolveNodeLimit: 25,
  listObjectsMaxResults: 1000,
  listObjectsDeadlineMs: 3000,
  listUsersMaxResults: 1000,
  listUsersDeadlineMs: 3000,
  readChangesMaxPageSize: 100,
  maxAssertionsPerWrite: 100,
  defaultPageSize: 50,
});

export function resolveEngineLimits(overrides: Partial<EngineLimits> = {}): EngineLimits {
  const limits = { ...DEFAULT_ENGINE_LIMITS };
  for (const [name, value] of Object.entries(overrides) as Array<[keyof EngineLimits, number | undefined]>) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`EngineLimits.${name} must be a non-negative integer, got ${value}`);
    limits[name] = value;
  }
  return limits;
}
