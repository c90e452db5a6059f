import { PageQuery } from '../shared/pagination.js';
import { defineRoutes } from '../shared/route-table.js';
import { acceptInvitation } from './commands/accept-invitation.js';
import { inviteCoach } from './commands/invite-coach.js';
import { inviteGuardian } from './commands/invite-guardian.js';
import { revokeInvitation } from './commands/revoke-invitation.js';
import { getInvitation } from './queries/get-invitation.js';
import { listCoachInvitations } from './queries/list-coach-invitations.js';
import { listGuardianInvitations } from './queries/list-guardian-invitations.js';
import {
  AcceptedResponse, AcceptParams, CoachInvitationBody, GroupInvitationsParams, GuardianInvitationBody, InvitationPage, InvitationParams, InvitationResponse,
  MemberInvitationsParams,
} from './schemas.js';

export const invitationRoutes = defineRoutes([
    { method: 'post', path: '/v1/groups/:groupId/coach-invitations', tag: 'invitations', summary: 'Invite someone by email to coach the group', params: GroupInvitationsParams, body: CoachInvitationBody, status: 201, response: InvitationResponse,
      handle: async (deps, { caller, params, body }) => getInvitation(deps, caller, await inviteCoach(deps, caller, params.groupId, body)) },
    { method: 'get', path: '/v1/groups/:groupId/coach-invitations', tag: 'invitations', summary: 'Invitations to coach the group', params: GroupInvitationsParams, query: PageQuery, status: 200, response: InvitationPage,
      handle: (deps, { caller, params, query }) => listCoachInvitations(deps, caller, params.groupId, query) },
    { method: 'post', path: '/v1/members/:memberId/guardian-invitations', tag: 'invitations', summary: "Invite someone by email to become a child's guardian", params: MemberInvitationsParams, body: GuardianInvitationBody, status: 201, response: InvitationResponse,
      handle: async (deps, { caller, params, body }) => getInvitation(deps, caller, await inviteGuardian(deps, caller, params.memberId, body)) },
    { method: 'get', path: '/v1/members/:memberId/guardian-invitations', tag: 'invitations', summary: "Invitations to become the child's guardian", params: MemberInvitationsParams, query: PageQuery, status: 200, response: InvitationPage,
      handle: (deps, { caller, params, query }) => listGuardianInvitations(deps, caller, params.memberId, query) },
    { method: 'delete', path: '/v1/invitations/:invitationId', tag: 'invitations', summary: 'Withdraw an invitation', params: InvitationParams, status: 204,
      handle: (deps, { caller, params }) => revokeInvitation(deps, caller, params.invitationId) },
    { method: 'post', path: '/v1/invitations/:token/accept', tag: 'invitations', summary: 'Accept an invitation sent to my verified email', params: AcceptParams, status: 200, response: AcceptedResponse,
      handle: (deps, { caller, params }) => acceptInvitation(deps, caller, params.token) },
]);
