import type { TupleChanges } from '../../../authz/tuple-change.js';
import type { Em } from '../../../db/orm.js';
import type { JobChanges } from '../../../jobs/job-changes.js';
import { factsOf, scheduleReminders } from '../announcements.js';
import { Event, EventAttendance } from '../entities.js';
import { reminderJobId } from '../event-emails.js';
import { mailContext, recipientsByEvent } from '../recipients.js';
import { inviteeTuple } from '../tuples.js';

/**
 * Part of taking a member off a group (inside that command's transaction): the member is no longer
 * invited to the group's upcoming events, so their guardians lose sight of them, and reminders that
 * named the child are dropped (a guardian with another child still invited gets one naming the others).
 * Past events keep their attendance as a record.
 */
export async function withdrawFromUpcomingEvents(em: Em, tuples: TupleChanges, jobs: JobChanges, groupId: string, memberId: string, now = new Date()): Promise<void> {
  const upcoming = await em.find(Event, { groupId, status: 'scheduled', startsAt: { $gt: now } });
  if (!upcoming.length) return;
  const invitations = await em.find(EventAttendance, { memberId, eventId: { $in: upcoming.map((e) => e.id) } });
  if (!invitations.length) return;
  const withdrawn = upcoming.filter((e) => invitations.some((a) => a.eventId === e.id));
  const before = await recipientsByEvent(em, withdrawn.map((e) => e.id), memberId);
  for (const event of withdrawn) for (const to of before.get(event.id) ?? []) jobs.remove('email', reminderJobId(event, to.userId));
  for (const invitation of invitations) em.remove(invitation);
  for (const event of withdrawn) tuples.delete(inviteeTuple(event.id, memberId));
  await em.flush();
  const ctx = await mailContext(em, groupId);
  const after = await recipientsByEvent(em, withdrawn.map((e) => e.id), memberId);
  for (const event of withdrawn) scheduleReminders(jobs, factsOf(event), ctx, after.get(event.id) ?? [], now);
}
