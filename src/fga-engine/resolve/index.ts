// Public surface of query resolution. Every function validates its own request and contextual tuples
// (in OpenFGA's order, with OpenFGA's codes), so callers need not call the model/ validators first.
export type { ResolveContext, ResolveLimits } from './context.js';
export { DEFAULT_RESOLVE_LIMITS } from './context.js';
export { check } from './check.js';
export type { CheckRequest } from './check.js';
export { expand } from './expand.js';
export type { ExpandRequest, ExpandResponse, UsersetTree, UsersetTreeNode } from './expand.js';
export { listObjects } from './list-objects.js';
export type { ListObjectsRequest, ListObjectsOptions } from './list-objects.js';
export { listUsers } from './list-users.js';
export type { ListUsersRequest, ListUsersOptions, FgaUser, UserFilter } from './list-users.js';
