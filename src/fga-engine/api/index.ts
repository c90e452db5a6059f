// The engine's HTTP API: an Express app factory and a server starter.
export { createFgaApp } from './create-fga-app.js';
export type { FgaAppOptions } from './create-fga-app.js';
export { startFgaServer } from './start-fga-server.js';
export type { StartFgaServerOptions, RunningFgaServer } from './start-fga-server.js';
export type { EngineLogger } from './error-response.js';
export { createInProcessDispatch } from './in-process.js';
export type { InProcessDispatch, InProcessRequest } from './in-process.js';
export type { EngineReply } from './route-reply.js';
