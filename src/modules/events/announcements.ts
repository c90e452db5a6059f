import type { JobChanges } from '../../jobs/job-changes.js';
import { cancelledEmail, changedEmail, invitationEmail, reminderEmail, reminderJobId, type EventChange, type EventFacts } from './event-emails.js';
import type { Event } from './entities.js';
import type { MailContext, Recipient } from './recipients.js';

// Which emails each event fact implies, for the recipients a command found. Pure: commands pass `jobs`.

export const factsOf = (e: Event): EventFacts => ({
  id: e.id, type: e.type, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, location: e.location, notes: e.notes, version: e.version,
});

/** New event(s): one invitation per guardian (a series is announced once, by its first occurrence) and a reminder per occurrence. */
export function announceNew(jobs: JobChanges, events: EventFacts[], ctx: MailContext, recipients: Map<string, Recipient[]>, now: Date, invite = true): void {
  if (invite && events.length) for (const to of recipients.get(events[0].id) ?? []) jobs.add(invitationEmail(events[0], ctx, to));
  for (const event of events) scheduleReminders(jobs, event, ctx, recipients.get(event.id) ?? [], now);
}

/** An edit: the old reminder goes, a new one reflects the new state; a changed time or place is announced. */
export function announceEdit(jobs: JobChanges, before: EventFacts, after: EventFacts, changes: EventChange[], ctx: MailContext, recipients: Recipient[], now: Date): void {
  for (const to of recipients) jobs.remove('email', reminderJobId(before, to.userId));
  scheduleReminders(jobs, after, ctx, recipients, now);
  if (changes.length && after.endsAt > now) for (const to of recipients) jobs.add(urgentIfSoon(changedEmail(after, ctx, to, changes), after, now));
}

/** A cancellation: reminders are dropped; families hear about it unless the event is already over. */
export function announceCancellation(jobs: JobChanges, before: EventFacts, after: EventFacts, ctx: MailContext, recipients: Recipient[], now: Date): void {
  for (const to of recipients) jobs.remove('email', reminderJobId(before, to.userId));
  if (after.endsAt > now) for (const to of recipients) jobs.add(urgentIfSoon(cancelledEmail(after, ctx, to), after, now));
}

export function scheduleReminders(jobs: JobChanges, event: EventFacts, ctx: MailContext, recipients: Recipient[], now: Date): void {
  for (const to of recipients) {
    const reminder = reminderEmail(event, ctx, to, now);
    if (reminder) jobs.add(reminder);
  }
}

// A change to tonight's practice must not wait for the club's quiet hours to end.
const URGENT_WITHIN_MS = 24 * 3600_000;
function urgentIfSoon<J extends { data: Record<string, unknown> }>(job: J, event: EventFacts, now: Date): J {
  return event.startsAt.getTime() - now.getTime() < URGENT_WITHIN_MS ? { ...job, data: { ...job.data, urgent: true } } : job;
}
