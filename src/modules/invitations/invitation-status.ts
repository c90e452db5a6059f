import type { JoinInvitation } from './entities.js';
import { invitationExpired, invitationRevoked, invitationUsed } from './errors.js';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(i: Pick<JoinInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

/** Throws the error that says why an invitation cannot be accepted any more (nothing when it can). */
export function requirePending(i: Pick<JoinInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): void {
  const status = invitationStatus(i, now);
  if (status === 'accepted') throw invitationUsed();
  if (status === 'revoked') throw invitationRevoked();
  if (status === 'expired') throw invitationExpired();
}
