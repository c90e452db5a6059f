import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const INVITATION_KINDS = ['coach', 'guardian'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/**
 * An invitation by email to become a coach of a group or a guardian of a youth member, for people who may
 * have no account yet. Single use; only the SHA-256 hash of its token is kept.
 */
export const JoinInvitation = defineEntity({
  name: 'JoinInvitation',
  tableName: 'join_invitations',
  properties: {
    id: p.string().primary(),
    kind: p.enum([...INVITATION_KINDS]),
    clubId: p.string(),
    groupId: p.string().nullable(),
    memberId: p.string().nullable(),
    email: p.string(),
    role: p.enum(['head', 'assistant']).nullable(),
    relationship: p.string().nullable(),
    tokenHash: p.string().unique(),
    invitedBy: p.string(),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    acceptedBy: p.string().nullable(),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type JoinInvitation = InferEntity<typeof JoinInvitation>;
