import { ulid } from 'ulid';
import { groupNotFound } from '../../groups/errors.js';
import { groupObject, manageCoachPermission } from '../../groups/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { JoinInvitation } from '../entities.js';
import { alreadyInvited } from '../errors.js';
import { acceptUrl, joinInvitationEmail } from '../invitation-email.js';
import { newInvitationToken, normalizeEmail } from '../invitation-token.js';
import { DEFAULT_EXPIRY_DAYS, type CoachInvitationBody } from '../schemas.js';

/** Invites someone by email to coach a group; needs the same permission as appointing that coach directly. */
export async function inviteCoach(deps: ModuleDeps, caller: Caller, groupId: string, body: CoachInvitationBody, now = new Date()): Promise<string> {
  await deps.authz.authorize(caller.userId, manageCoachPermission(body.role), groupObject(groupId), { visibleWith: 'can_view', notFound: groupNotFound(groupId) });
  return deps.uow.run({ command: 'invite-coach', actorId: caller.userId }, async (em, _tuples, jobs) => {
    const [group] = await em.execute<Array<{ club_id: string; group_name: string; club_name: string }>>(
      'select g.club_id, g.name as group_name, c.name as club_name from groups g join clubs c on c.id = g.club_id where g.id = ?',
      [groupId],
    );
    if (!group) throw groupNotFound(groupId)();
    const email = normalizeEmail(body.email);
    const pending = await em.count(JoinInvitation, { groupId, email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } });
    if (pending) throw alreadyInvited();
    const { token, tokenHash } = newInvitationToken();
    const invitation = em.create(JoinInvitation, {
      id: ulid(), kind: 'coach', clubId: group.club_id, groupId, memberId: null, email, role: body.role, relationship: null, tokenHash,
      invitedBy: caller.userId, expiresAt: new Date(now.getTime() + (body.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * 86_400_000),
      acceptedAt: null, acceptedBy: null, revokedAt: null, revokedBy: null,
    });
    jobs.add(joinInvitationEmail(invitation, acceptUrl(deps.publicBaseUrl, token), { inviterName: caller.name, clubName: group.club_name, groupName: group.group_name }));
    return invitation.id;
  });
}
