import type { JoinInvitation } from './entities.js';
import { invitationStatus } from './invitation-status.js';
import type { InvitationResponse } from './schemas.js';

/** For those who may manage the invitation; never the token (only its hash exists). */
export const presentInvitation = (i: JoinInvitation, now = new Date()): InvitationResponse => ({
  id: i.id,
  kind: i.kind,
  clubId: i.clubId,
  groupId: i.groupId ?? null,
  memberId: i.memberId ?? null,
  email: i.email,
  role: i.role ?? null,
  relationship: i.relationship ?? null,
  status: invitationStatus(i, now),
  invitedBy: i.invitedBy,
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  revokedAt: i.revokedAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
});
