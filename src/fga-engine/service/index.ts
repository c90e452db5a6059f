// The engine's service layer: one function per OpenFGA API operation, taking the request as
// proto-JSON (path and query parameters folded in) and returning the response body. Transport-free,
// so the HTTP API and in-process callers share the same validation and behaviour.
export { DEFAULT_ENGINE_LIMITS, resolveEngineLimits } from './limits.js';
export type { EngineLimits } from './limits.js';
export { createServiceContext } from './service-context.js';
export type { ServiceContext } from './service-context.js';
export { AUTHORIZATION_MODEL_ID_HEADER, modelIdOf } from './model-id.js';
export { createStore, getStore, listStores, deleteStore } from './stores.js';
export { writeAuthorizationModel, readAuthorizationModel, readAuthorizationModels } from './authorization-models.js';
export { write } from './write.js';
export { read } from './read.js';
export { readChanges } from './read-changes.js';
export { check } from './check.js';
export { batchCheck } from './batch-check.js';
export { expand } from './expand.js';
export { listObjects, streamedListObjects } from './list-objects.js';
export type { ObjectStreamSink } from './list-objects.js';
export { listUsers } from './list-users.js';
export { readAssertions, writeAssertions } from './assertions.js';
export type * from './requests.js';
