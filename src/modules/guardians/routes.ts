import { z } from 'zod';
import { defineRoutes } from '../shared/route-table.js';
import { addGuardian } from './commands/add-guardian.js';
import { removeGuardian } from './commands/remove-guardian.js';
import { listGuardians, presentGuardian } from './queries/list-guardians.js';
import { AddGuardianBody, GuardianParams, GuardianResponse, MemberGuardiansParams, RemoveGuardianBody } from './schemas.js';

export const guardianRoutes = defineRoutes([
    { method: 'get', path: '/v1/members/:memberId/guardians', tag: 'guardians', summary: "A youth member's guardians", params: MemberGuardiansParams, status: 200,
      response: z.object({ items: z.array(GuardianResponse), nextCursor: z.null() }),
      handle: (deps, { caller, params }) => listGuardians(deps, caller, params.memberId) },
    { method: 'post', path: '/v1/members/:memberId/guardians', tag: 'guardians', summary: 'Make a user a guardian of a youth member', params: MemberGuardiansParams, body: AddGuardianBody, status: 201, response: GuardianResponse,
      handle: async (deps, { caller, params, body }) => presentGuardian(await addGuardian(deps, caller, params.memberId, body)) },
    { method: 'delete', path: '/v1/members/:memberId/guardians/:userId', tag: 'guardians', summary: 'Remove a guardian (club admins only, with a recorded reason)', params: GuardianParams, body: RemoveGuardianBody, status: 204,
      handle: (deps, { caller, params, body }) => removeGuardian(deps, caller, params.memberId, params.userId, body.reason) },
]);
