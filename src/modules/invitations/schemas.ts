import { z } from 'zod';
import { COACH_ROLES } from '../groups/entities.js';
import { INVITATION_KINDS } from './entities.js';

const id = z.string().min(1).max(64);
export const GroupInvitationsParams = z.object({ groupId: id });
export const MemberInvitationsParams = z.object({ memberId: id });
export const InvitationParams = z.object({ invitationId: id });
/** Any string: an unknown or mangled token is simply not found. */
export const AcceptParams = z.object({ token: z.string().min(1).max(200) });

const email = z.email({ message: 'must be an email address' }).max(254);
/** Invitations expire after 7 days unless the inviter says otherwise. */
export const DEFAULT_EXPIRY_DAYS = 7;
const expiresInDays = z.number().int().min(1).max(30).optional();

export const CoachInvitationBody = z.strictObject({ email, role: z.enum(COACH_ROLES), expiresInDays });
export type CoachInvitationBody = z.infer<typeof CoachInvitationBody>;
export const GuardianInvitationBody = z.strictObject({ email, relationship: z.string().trim().min(1).max(50), expiresInDays });
export type GuardianInvitationBody = z.infer<typeof GuardianInvitationBody>;

export const InvitationResponse = z.object({
  id: z.string(),
  kind: z.enum(INVITATION_KINDS),
  clubId: z.string(),
  groupId: z.string().nullable(),
  memberId: z.string().nullable(),
  email: z.string(),
  role: z.enum(COACH_ROLES).nullable(),
  relationship: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  invitedBy: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InvitationResponse = z.infer<typeof InvitationResponse>;
export const InvitationPage = z.object({ items: z.array(InvitationResponse), nextCursor: z.string().nullable() });
/** What accepting granted: the caller is now a coach of `groupId` or a guardian of `memberId`. */
export const AcceptedResponse = z.object({
  invitationId: z.string(),
  kind: z.enum(INVITATION_KINDS),
  clubId: z.string(),
  groupId: z.string().nullable(),
  memberId: z.string().nullable(),
  role: z.enum(COACH_ROLES).nullable(),
  relationship: z.string().nullable(),
});
export type AcceptedResponse = z.infer<typeof AcceptedResponse>;
