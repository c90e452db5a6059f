import type { JobRequest } from '../../jobs/job-changes.js';
import type { MailContext, Recipient } from './recipients.js';

export const REMINDER_LEAD_MS = 24 * 3600_000;

/** What an event email says about the event (a row of `events`, or its state before an edit). */
export interface EventFacts {
  id: string;
  type: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  notes?: string | null;
  version: number;
}

type EventTemplate = 'event-invitation' | 'event-changed' | 'event-cancelled' | 'event-reminder';
export type EventChange = 'time' | 'location';

// Job ids come from our own ids, so a retried command or relay never sends the same email twice.
export const invitationJobId = (eventId: string, userId: string) => `event:${eventId}:invitation:${userId}`;
export const changedJobId = (eventId: string, version: number, userId: string) => `event:${eventId}:v${version}:changed:${userId}`;
export const cancelledJobId = (eventId: string, userId: string) => `event:${eventId}:cancelled:${userId}`;
/** The start and version are part of the id: a moved or edited event gets a new reminder, the old id is removed. */
export const reminderJobId = (e: Pick<EventFacts, 'id' | 'startsAt' | 'version'>, userId: string) => `event:${e.id}:reminder:${e.startsAt.toISOString()}:v${e.version}:${userId}`;

function eventEmail(template: EventTemplate, event: EventFacts, ctx: MailContext, to: Recipient, extra: { jobId: string; essential: boolean; changes?: EventChange[]; delayMs?: number }): JobRequest {
  return {
    queue: 'email',
    name: 'send-email',
    jobId: extra.jobId,
    ...(extra.delayMs !== undefined && { delayMs: extra.delayMs }),
    data: {
      template,
      to: { userId: to.userId, email: to.email, name: to.name },
      clubId: ctx.clubId,
      essential: extra.essential,
      vars: {
        eventId: event.id,
        title: event.title,
        type: event.type,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        ...(event.location && { location: event.location }),
        ...(event.notes && { notes: event.notes }),
        clubName: ctx.clubName,
        clubTimezone: ctx.clubTimezone,
        groupName: ctx.groupName,
        memberFirstNames: to.memberFirstNames,
        ...(extra.changes && { changes: extra.changes }),
      },
    },
  };
}

// Invitations and reminders are notices a family may turn off; a change or cancellation always arrives.
export const invitationEmail = (e: EventFacts, ctx: MailContext, to: Recipient) => eventEmail('event-invitation', e, ctx, to, { jobId: invitationJobId(e.id, to.userId), essential: false });
export const changedEmail = (e: EventFacts, ctx: MailContext, to: Recipient, changes: EventChange[]) =>
  eventEmail('event-changed', e, ctx, to, { jobId: changedJobId(e.id, e.version, to.userId), essential: true, changes });
export const cancelledEmail = (e: EventFacts, ctx: MailContext, to: Recipient) => eventEmail('event-cancelled', e, ctx, to, { jobId: cancelledJobId(e.id, to.userId), essential: true });

/** A delayed job 24 h before the start; none when that moment has passed (the invitation is recent enough). */
export function reminderEmail(e: EventFacts, ctx: MailContext, to: Recipient, now: Date): JobRequest | undefined {
  const delayMs = e.startsAt.getTime() - REMINDER_LEAD_MS - now.getTime();
  if (delayMs <= 0) return undefined;
  return eventEmail('event-reminder', e, ctx, to, { jobId: reminderJobId(e, to.userId), essential: false, delayMs });
}
