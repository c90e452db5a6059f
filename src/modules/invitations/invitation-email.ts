import type { JobRequest } from '../../jobs/job-changes.js';
import type { JoinInvitation } from './entities.js';

export interface InvitationMailFacts {
  inviterName: string;
  clubName: string;
  groupName?: string;
  memberFirstName?: string;
}

/** The page that accepts an invitation (it calls `POST /v1/invitations/:token/accept` for the signed-in user). */
export function acceptUrl(publicBaseUrl: string | undefined, token: string): string {
  if (!publicBaseUrl) throw new Error('publicBaseUrl is not configured: invitation emails cannot link anywhere');
  return new URL(`/invitations/${encodeURIComponent(token)}`, publicBaseUrl).toString();
}

/**
 * The email carrying the single-use link; the token lives only here (the database keeps its hash).
 * Essential: the invitee has no account whose preferences could turn it off.
 */
export function joinInvitationEmail(invitation: JoinInvitation, link: string, facts: InvitationMailFacts): JobRequest {
  return {
    queue: 'email',
    name: 'send-email',
    jobId: `invitation:${invitation.id}:email`,
    data: {
      template: 'join-invitation',
      to: { email: invitation.email },
      clubId: invitation.clubId,
      essential: true,
      vars: {
        kind: invitation.kind,
        acceptUrl: link,
        expiresAt: invitation.expiresAt.toISOString(),
        inviterName: facts.inviterName,
        clubName: facts.clubName,
        ...(facts.groupName && { groupName: facts.groupName }),
        ...(facts.memberFirstName && { memberFirstName: facts.memberFirstName }),
        ...(invitation.role && { role: invitation.role }),
        ...(invitation.relationship && { relationship: invitation.relationship }),
      },
    },
  };
}
