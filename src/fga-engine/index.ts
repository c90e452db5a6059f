// Public entry of the OpenFGA-compatible engine. Self-contained: nothing here imports the rest of
// the app, so the engine could be published on its own.
export { createFgaApp, startFgaServer, createInProcessDispatch } from './api/index.js';
export type { FgaAppOptions, StartFgaServerOptions, RunningFgaServer, EngineLogger, InProcessDispatch, InProcessRequest, EngineReply } from './api/index.js';
export { MemoryDatastore } from './storage/memory.js';
export { PostgresDatastore } from './storage/postgres.js';
export type { PostgresDatastoreOptions } from './storage/postgres.js';
export type { Datastore, Page } from './storage/datastore.js';
export { DEFAULT_ENGINE_LIMITS, resolveEngineLimits, createServiceContext, AUTHORIZATION_MODEL_ID_HEADER } from './service/index.js';
export type { EngineLimits, ServiceContext } from './service/index.js';
export * as fgaService from './service/index.js';
export { FgaError, fgaErrors, ERROR_CODES, httpStatusForCode } from './errors.js';
export type { FgaErrorCode } from './errors.js';
export type * from './types.js';
