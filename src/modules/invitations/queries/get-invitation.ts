import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { JoinInvitation } from '../entities.js';
import { invitationNotFound } from '../errors.js';
import { managementRule } from '../management.js';
import { presentInvitation } from '../presenters.js';
import type { InvitationResponse } from '../schemas.js';

/** One invitation, for those who may manage it (used to answer a create with the stored record). */
export async function getInvitation(deps: ModuleDeps, caller: Caller, invitationId: string): Promise<InvitationResponse> {
  const invitation = await deps.uow.reader().findOne(JoinInvitation, { id: invitationId });
  if (!invitation) throw invitationNotFound(invitationId)();
  const rule = managementRule(invitation);
  await deps.authz.requireVisible(caller.userId, rule.visibleWith, rule.object, invitationNotFound(invitationId));
  return presentInvitation(invitation);
}
