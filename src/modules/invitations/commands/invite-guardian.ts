import { ulid } from 'ulid';
import { memberNotFound } from '../../members/errors.js';
import { memberObject } from '../../members/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { JoinInvitation } from '../entities.js';
import { alreadyInvited } from '../errors.js';
import { acceptUrl, joinInvitationEmail } from '../invitation-email.js';
import { newInvitationToken, normalizeEmail } from '../invitation-token.js';
import { DEFAULT_EXPIRY_DAYS, type GuardianInvitationBody } from '../schemas.js';

/** Invites someone by email to become a child's guardian; needs the same permission as adding a guardian directly. */
export async function inviteGuardian(deps: ModuleDeps, caller: Caller, memberId: string, body: GuardianInvitationBody, now = new Date()): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_manage_guardians', memberObject(memberId), { visibleWith: 'can_view_profile', notFound: memberNotFound(memberId) });
  return deps.uow.run({ command: 'invite-guardian', actorId: caller.userId }, async (em, _tuples, jobs) => {
    const [member] = await em.execute<Array<{ club_id: string; first_name: string; club_name: string }>>(
      'select m.club_id, m.first_name, c.name as club_name from youth_members m join clubs c on c.id = m.club_id where m.id = ?',
      [memberId],
    );
    if (!member) throw memberNotFound(memberId)();
    const email = normalizeEmail(body.email);
    const pending = await em.count(JoinInvitation, { memberId, email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } });
    if (pending) throw alreadyInvited();
    const { token, tokenHash } = newInvitationToken();
    const invitation = em.create(JoinInvitation, {
      id: ulid(), kind: 'guardian', clubId: member.club_id, groupId: null, memberId, email, role: null, relationship: body.relationship, tokenHash,
      invitedBy: caller.userId, expiresAt: new Date(now.getTime() + (body.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * 86_400_000),
      acceptedAt: null, acceptedBy: null, revokedAt: null, revokedBy: null,
    });
    jobs.add(joinInvitationEmail(invitation, acceptUrl(deps.publicBaseUrl, token), { inviterName: caller.name, clubName: member.club_name, memberFirstName: member.first_name }));
    return invitation.id;
  });
}
