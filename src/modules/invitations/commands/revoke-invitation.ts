import { LockMode } from '@mikro-orm/core';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { JoinInvitation } from '../entities.js';
import { invitationNotFound, invitationUsed } from '../errors.js';
import { managementRule } from '../management.js';

/** Withdraws a pending invitation (its link stops working at once); revoking twice changes nothing. */
export async function revokeInvitation(deps: ModuleDeps, caller: Caller, invitationId: string): Promise<void> {
  // The invitation says which group or member governs it: read it to know what to ask the model.
  const found = await deps.uow.reader().findOne(JoinInvitation, { id: invitationId });
  if (!found) throw invitationNotFound(invitationId)();
  const rule = managementRule(found);
  await deps.authz.authorize(caller.userId, rule.permission, rule.object, { visibleWith: rule.visibleWith, notFound: invitationNotFound(invitationId) });
  await deps.uow.run({ command: 'revoke-invitation', actorId: caller.userId }, async (em, _tuples, jobs) => {
    const invitation = await em.findOne(JoinInvitation, { id: invitationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!invitation) throw invitationNotFound(invitationId)();
    if (invitation.acceptedAt) throw invitationUsed();
    if (invitation.revokedAt) return;
    em.assign(invitation, { revokedAt: new Date(), revokedBy: caller.userId });
    // An email still waiting (quiet hours, retries) need not go out at all.
    jobs.remove('email', `invitation:${invitation.id}:email`);
  });
}
