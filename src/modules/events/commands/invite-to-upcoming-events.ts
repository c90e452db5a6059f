import type { TupleChanges } from '../../../authz/tuple-change.js';
import type { Em } from '../../../db/orm.js';
import type { JobChanges } from '../../../jobs/job-changes.js';
import { announceNew, factsOf } from '../announcements.js';
import { Event, EventAttendance } from '../entities.js';
import { reminderJobId } from '../event-emails.js';
import { mailContext, recipientsByEvent } from '../recipients.js';
import { inviteeTuple } from '../tuples.js';

/**
 * Part of assigning a member to a group (called inside that command's transaction): the member is
 * invited to the group's upcoming events, and their guardians get an invitation per event (a series:
 * its next occurrence) and reminders. Past and cancelled events are left as they were.
 */
export async function inviteToUpcomingEvents(em: Em, tuples: TupleChanges, jobs: JobChanges, groupId: string, memberId: string, now = new Date()): Promise<void> {
  const upcoming = await em.find(Event, { groupId, status: 'scheduled', startsAt: { $gt: now } }, { orderBy: { startsAt: 'asc', id: 'asc' } });
  const invited = new Set((await em.find(EventAttendance, { memberId, eventId: { $in: upcoming.map((e) => e.id) } })).map((a) => a.eventId));
  const newInvitations = upcoming.filter((e) => !invited.has(e.id));
  if (!newInvitations.length) return;
  for (const event of newInvitations) {
    em.create(EventAttendance, { eventId: event.id, memberId, status: null, note: null, answeredBy: null, answeredAt: null });
    tuples.write(inviteeTuple(event.id, memberId));
  }
  await em.flush();
  const ctx = await mailContext(em, groupId);
  const recipients = await recipientsByEvent(em, newInvitations.map((e) => e.id), memberId);
  const seriesSeen = new Set<string>();
  for (const event of newInvitations) {
    const announceInvitation = !event.seriesId || !seriesSeen.has(event.seriesId);
    if (event.seriesId) seriesSeen.add(event.seriesId);
    // A guardian with a child already invited has a reminder naming that child only: replace it.
    for (const to of recipients.get(event.id) ?? []) jobs.remove('email', reminderJobId(event, to.userId));
    announceNew(jobs, [factsOf(event)], ctx, recipients, now, announceInvitation);
  }
}
