import type { Router } from 'express';
import type { ModuleDeps } from './shared/deps.js';
import { buildRouter } from './shared/route-table.js';
import { clubRoutes } from './clubs/routes.js';
import { groupRoutes } from './groups/routes.js';
import { guardianRoutes } from './guardians/routes.js';
import { memberRoutes } from './members/routes.js';
import { userRoutes } from './users/routes.js';

export type { ModuleDeps, Caller } from './shared/deps.js';
export { createCallerResolver } from './users/commands/resolve-caller.js';

export const allRoutes = [...userRoutes, ...clubRoutes, ...groupRoutes, ...memberRoutes, ...guardianRoutes];

/** Every module's token-authenticated routes as one router bound to these dependencies. */
export function createModuleRouters(deps: ModuleDeps): Router[] {
  return [buildRouter(allRoutes, deps)];
}

/** Routes that authenticate by other means (signed webhooks, secret feed keys); none yet. */
export function createPublicRouters(_deps: ModuleDeps): Router[] {
  return [];
}
