import { z } from 'zod';
import { PageQuery } from '../shared/pagination.js';
import { defineRoutes } from '../shared/route-table.js';
import { addClubAdmin } from './commands/add-club-admin.js';
import { addClubAuditor } from './commands/add-club-auditor.js';
import { removeClubAuditor } from './commands/remove-club-auditor.js';
import { listClubAuditors, presentClubAuditor } from './queries/list-club-auditors.js';
import { createClub } from './commands/create-club.js';
import { updateClub } from './commands/update-club.js';
import { getClub } from './queries/get-club.js';
import { listClubs } from './queries/list-clubs.js';
import { AddClubAdminBody, AddClubAuditorBody, ClubAdminResponse, ClubAuditorParams, ClubAuditorResponse, ClubParams, ClubResponse, CreateClubBody, UpdateClubBody } from './schemas.js';

const ClubPage = z.object({ items: z.array(ClubResponse), nextCursor: z.string().nullable() });

export const clubRoutes = defineRoutes([
    { method: 'post', path: '/v1/clubs', tag: 'clubs', summary: 'Create a club (the caller becomes its admin)', body: CreateClubBody, status: 201, response: ClubResponse,
      handle: async (deps, { caller, body }) => getClub(deps, caller, await createClub(deps, caller, body)) },
    { method: 'get', path: '/v1/clubs', tag: 'clubs', summary: 'Clubs the caller can see', query: PageQuery, status: 200, response: ClubPage,
      handle: (deps, { caller, query }) => listClubs(deps, caller, query) },
    { method: 'get', path: '/v1/clubs/:clubId', tag: 'clubs', summary: 'A club', params: ClubParams, status: 200, response: ClubResponse,
      handle: (deps, { caller, params }) => getClub(deps, caller, params.clubId) },
    { method: 'patch', path: '/v1/clubs/:clubId', tag: 'clubs', summary: 'Change a club', params: ClubParams, body: UpdateClubBody, status: 200, response: ClubResponse,
      handle: async (deps, { caller, params, body }) => getClub(deps, caller, await updateClub(deps, caller, params.clubId, body)) },
    { method: 'post', path: '/v1/clubs/:clubId/admins', tag: 'clubs', summary: 'Make a user an admin of the club', params: ClubParams, body: AddClubAdminBody, status: 201, response: ClubAdminResponse,
      handle: async (deps, { caller, params, body }) => {
        const admin = await addClubAdmin(deps, caller, params.clubId, body.userId);
        return { clubId: admin.clubId, userId: admin.userId, createdAt: admin.createdAt.toISOString() };
      } },
    { method: 'get', path: '/v1/clubs/:clubId/auditors', tag: 'clubs', summary: "The club's auditors", params: ClubParams, status: 200,
      response: z.object({ items: z.array(ClubAuditorResponse), nextCursor: z.null() }),
      handle: (deps, { caller, params }) => listClubAuditors(deps, caller, params.clubId) },
    { method: 'post', path: '/v1/clubs/:clubId/auditors', tag: 'clubs', summary: 'Make a user an auditor of the club (reads the club and its audit trail, never writes)', params: ClubParams, body: AddClubAuditorBody, status: 201, response: ClubAuditorResponse,
      handle: async (deps, { caller, params, body }) => presentClubAuditor(await addClubAuditor(deps, caller, params.clubId, body.userId)) },
    { method: 'delete', path: '/v1/clubs/:clubId/auditors/:userId', tag: 'clubs', summary: "Remove a user's auditor access to the club", params: ClubAuditorParams, status: 204,
      handle: (deps, { caller, params }) => removeClubAuditor(deps, caller, params.clubId, params.userId) },
]);
