import { z } from 'zod';
import { PageQuery } from '../shared/pagination.js';
import { defineRoutes } from '../shared/route-table.js';
import { addClubAdmin } from './commands/add-club-admin.js';
import { createClub } from './commands/create-club.js';
import { updateClub } from './commands/update-club.js';
import { getClub } from './queries/get-club.js';
import { listClubs } from './queries/list-clubs.js';
import { AddClubAdminBody, ClubAdminResponse, ClubParams, ClubResponse, CreateClubBody, UpdateClubBody } from './schemas.js';

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
]);
