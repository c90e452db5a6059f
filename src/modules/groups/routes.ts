import { z } from 'zod';
import { PageQuery } from '../shared/pagination.js';
import { defineRoutes } from '../shared/route-table.js';
import { addCoach } from './commands/add-coach.js';
import { assignMember } from './commands/assign-member.js';
import { createGroup } from './commands/create-group.js';
import { removeCoach } from './commands/remove-coach.js';
import { unassignMember } from './commands/unassign-member.js';
import { getGroup } from './queries/get-group.js';
import { listClubGroups } from './queries/list-club-groups.js';
import { listMyGroups } from './queries/list-my-groups.js';
import { listRoster } from './queries/list-roster.js';
import {
  AddCoachBody, AssignMemberBody, AssignmentResponse, ClubGroupParams, CoachedGroupResponse, CoachResponse, CreateGroupBody,
  GroupCoachParams, GroupMemberParams, GroupParams, GroupResponse, RosterEntry,
} from './schemas.js';

const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const groupRoutes = defineRoutes([
    { method: 'post', path: '/v1/clubs/:clubId/groups', tag: 'groups', summary: 'Create a group (team) in a club', params: ClubGroupParams, body: CreateGroupBody, status: 201, response: GroupResponse,
      handle: async (deps, { caller, params, body }) => getGroup(deps, caller, await createGroup(deps, caller, params.clubId, body)) },
    { method: 'get', path: '/v1/clubs/:clubId/groups', tag: 'groups', summary: "The club's groups the caller can see", params: ClubGroupParams, query: PageQuery, status: 200, response: pageOf(GroupResponse),
      handle: (deps, { caller, params, query }) => listClubGroups(deps, caller, params.clubId, query) },
    { method: 'get', path: '/v1/groups/:groupId', tag: 'groups', summary: 'A group', params: GroupParams, status: 200, response: GroupResponse,
      handle: (deps, { caller, params }) => getGroup(deps, caller, params.groupId) },
    { method: 'post', path: '/v1/groups/:groupId/coaches', tag: 'groups', summary: 'Appoint a head or assistant coach', params: GroupParams, body: AddCoachBody, status: 201, response: CoachResponse,
      handle: async (deps, { caller, params, body }) => {
        const coach = await addCoach(deps, caller, params.groupId, body);
        return { groupId: coach.groupId, userId: coach.userId, role: coach.role, createdAt: coach.createdAt.toISOString() };
      } },
    { method: 'delete', path: '/v1/groups/:groupId/coaches/:userId', tag: 'groups', summary: 'Release a coach', params: GroupCoachParams, status: 204,
      handle: (deps, { caller, params }) => removeCoach(deps, caller, params.groupId, params.userId) },
    { method: 'post', path: '/v1/groups/:groupId/members', tag: 'groups', summary: 'Assign a youth member to the group', params: GroupParams, body: AssignMemberBody, status: 201, response: AssignmentResponse,
      handle: async (deps, { caller, params, body }) => {
        const a = await assignMember(deps, caller, params.groupId, body.memberId);
        return { groupId: a.groupId, memberId: a.memberId, createdAt: a.createdAt.toISOString() };
      } },
    { method: 'delete', path: '/v1/groups/:groupId/members/:memberId', tag: 'groups', summary: 'Take a youth member off the group', params: GroupMemberParams, status: 204,
      handle: (deps, { caller, params }) => unassignMember(deps, caller, params.groupId, params.memberId) },
    { method: 'get', path: '/v1/groups/:groupId/members', tag: 'groups', summary: "The group's roster (names only)", params: GroupParams, query: PageQuery, status: 200, response: pageOf(RosterEntry),
      handle: (deps, { caller, params, query }) => listRoster(deps, caller, params.groupId, query) },
    { method: 'get', path: '/v1/me/groups', tag: 'groups', summary: 'Groups I coach, with my role', query: PageQuery, status: 200, response: pageOf(CoachedGroupResponse),
      handle: (deps, { caller, query }) => listMyGroups(deps, caller, query) },
]);
