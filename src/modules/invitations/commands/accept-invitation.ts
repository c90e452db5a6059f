import { AppError } from '../../../http/errors.js';
import { addCoach } from '../../groups/commands/add-coach.js';
import { addGuardian } from '../../guardians/commands/add-guardian.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { JoinInvitation } from '../entities.js';
import { emailMismatch, emailNotVerified, invitationNoLongerValid, invitationNotFound, invitationUsed } from '../errors.js';
import { requirePending } from '../invitation-status.js';
import type { AcceptedResponse } from '../schemas.js';
import { hashInvitationToken, normalizeEmail } from '../invitation-token.js';
import { managementRule } from '../management.js';

/**
 * Accepts an invitation for the signed-in caller whose verified email it was sent to. The token is the
 * capability (no model check can come first); the grant itself is the inviter's direct add (addCoach /
 * addGuardian, same outbox path), authorised against the inviter's permissions *now*: an inviter who
 * lost the right to appoint cannot grant through an old link. The link is claimed first, so it works once.
 */
export async function acceptInvitation(deps: ModuleDeps, caller: Caller, token: string): Promise<AcceptedResponse> {
  const invitation = await deps.uow.reader().findOne(JoinInvitation, { tokenHash: hashInvitationToken(token) });
  if (!invitation) throw invitationNotFound()();
  if (caller.emailVerified !== true) throw emailNotVerified();
  if (normalizeEmail(caller.email) !== invitation.email) throw emailMismatch();
  requirePending(invitation);
  const rule = managementRule(invitation);
  if (!(await deps.authz.check(invitation.invitedBy, rule.permission, rule.object))) throw invitationNoLongerValid();

  await claim(deps, invitation, caller.userId);
  const inviter: Caller = { userId: invitation.invitedBy, sub: '', email: '', name: '' };
  try {
    if (invitation.kind === 'coach') await addCoach(deps, inviter, invitation.groupId!, { userId: caller.userId, role: invitation.role! });
    else await addGuardian(deps, inviter, invitation.memberId!, { userId: caller.userId, relationship: invitation.relationship! });
  } catch (error) {
    // Compensation: the link stays usable when granting failed (e.g. the caller already holds the relation).
    await release(deps, invitation, caller.userId);
    if (error instanceof AppError && (error.kind === 'forbidden' || error.kind === 'not_found') && error.code !== 'user_not_found') throw invitationNoLongerValid();
    throw error;
  }
  return {
    invitationId: invitation.id, kind: invitation.kind, clubId: invitation.clubId, groupId: invitation.groupId ?? null,
    memberId: invitation.memberId ?? null, role: invitation.role ?? null, relationship: invitation.relationship ?? null,
  };
}

/** Marks the invitation used unless something else did first (a second click, a revocation, expiry). */
async function claim(deps: ModuleDeps, invitation: JoinInvitation, userId: string): Promise<void> {
  await deps.uow.run({ command: 'accept-invitation', actorId: userId }, async (em) => {
    const claimed = await em.execute<Array<{ id: string }>>(
      `update join_invitations set accepted_at = now(), accepted_by = ?
       where id = ? and accepted_at is null and revoked_at is null and expires_at > now() returning id`,
      [userId, invitation.id],
    );
    if (claimed.length) return;
    const current = await em.findOne(JoinInvitation, { id: invitation.id });
    if (!current) throw invitationNotFound()();
    requirePending(current);
    throw invitationUsed();
  });
}

async function release(deps: ModuleDeps, invitation: JoinInvitation, userId: string): Promise<void> {
  await deps.uow.run({ command: 'accept-invitation-undo', actorId: userId }, async (em) => {
    await em.execute('update join_invitations set accepted_at = null, accepted_by = null where id = ? and accepted_by = ?', [invitation.id, userId]);
  });
}
