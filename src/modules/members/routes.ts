import { PageQuery } from '../shared/pagination.js';
import { defineRoutes } from '../shared/route-table.js';
import { createMember } from './commands/create-member.js';
import { updateMember } from './commands/update-member.js';
import { getMember } from './queries/get-member.js';
import { listClubMembers } from './queries/list-club-members.js';
import { listMyChildren } from './queries/list-my-children.js';
import { ClubMembersParams, CreateMemberBody, MemberPage, MemberParams, MemberResponse, UpdateMemberBody } from './schemas.js';

export const memberRoutes = defineRoutes([
    { method: 'post', path: '/v1/clubs/:clubId/members', tag: 'members', summary: 'Register a youth member in a club', params: ClubMembersParams, body: CreateMemberBody, status: 201, response: MemberResponse,
      handle: async (deps, { caller, params, body }) => getMember(deps, caller, await createMember(deps, caller, params.clubId, body)) },
    { method: 'get', path: '/v1/clubs/:clubId/members', tag: 'members', summary: 'Youth members of the club the caller can see', params: ClubMembersParams, query: PageQuery, status: 200, response: MemberPage,
      handle: (deps, { caller, params, query }) => listClubMembers(deps, caller, params.clubId, query) },
    { method: 'get', path: '/v1/members/:memberId', tag: 'members', summary: "A youth member's full profile", params: MemberParams, status: 200, response: MemberResponse,
      handle: (deps, { caller, params }) => getMember(deps, caller, params.memberId) },
    { method: 'patch', path: '/v1/members/:memberId', tag: 'members', summary: "Change a youth member's profile", params: MemberParams, body: UpdateMemberBody, status: 200, response: MemberResponse,
      handle: async (deps, { caller, params, body }) => getMember(deps, caller, await updateMember(deps, caller, params.memberId, body)) },
    { method: 'get', path: '/v1/me/members', tag: 'members', summary: 'My children (youth members I am a guardian of)', query: PageQuery, status: 200, response: MemberPage,
      handle: (deps, { caller, query }) => listMyChildren(deps, caller, query) },
]);
