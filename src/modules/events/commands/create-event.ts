import { ulid } from 'ulid';
import { Group, GroupMember } from '../../groups/entities.js';
import { groupNotFound } from '../../groups/errors.js';
import { groupObject } from '../../groups/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { announceNew, factsOf } from '../announcements.js';
import { Event, EventAttendance, EventSeries } from '../entities.js';
import { endsBeforeStart } from '../errors.js';
import { parseEventTime } from '../local-time.js';
import { mailContext, recipientsByEvent } from '../recipients.js';
import { expandWeekly } from '../recurrence.js';
import type { CreateEventBody } from '../schemas.js';
import { eventInGroupTuple, inviteeTuple } from '../tuples.js';

/**
 * Plans an event (or a weekly series: one row per occurrence, so each can be edited or cancelled alone),
 * invites every youth member of the group and emails their guardians. Returns the (first) event's id.
 */
export async function createEvent(deps: ModuleDeps, caller: Caller, groupId: string, body: CreateEventBody, now = new Date()): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_manage_events', groupObject(groupId), { visibleWith: 'can_view', notFound: groupNotFound(groupId) });
  return deps.uow.run({ command: 'create-event', actorId: caller.userId }, async (em, tuples, jobs) => {
    const group = await em.findOne(Group, { id: groupId });
    if (!group) throw groupNotFound(groupId)();
    const ctx = await mailContext(em, groupId);
    const startsAt = parseEventTime(body.startsAt, ctx.clubTimezone);
    const endsAt = parseEventTime(body.endsAt, ctx.clubTimezone);
    if (endsAt <= startsAt) throw endsBeforeStart();
    const duration = endsAt.getTime() - startsAt.getTime();
    const series = body.recurrence && expandWeekly(startsAt, ctx.clubTimezone, body.recurrence);
    const seriesId = series ? em.create(EventSeries, { id: ulid(), clubId: group.clubId, groupId, rrule: series.rrule, timezone: ctx.clubTimezone, createdBy: caller.userId }).id : null;
    const memberIds = (await em.find(GroupMember, { groupId }, { orderBy: { memberId: 'asc' } })).map((m) => m.memberId);
    const events = (series?.starts ?? [startsAt]).map((start) =>
      em.create(Event, {
        id: ulid(),
        clubId: group.clubId,
        groupId,
        seriesId,
        occurrenceStart: seriesId ? start : null,
        type: body.type,
        title: body.title,
        startsAt: start,
        endsAt: new Date(start.getTime() + duration),
        location: body.location ?? null,
        notes: body.notes ?? null,
        capacity: body.capacity ?? null,
        status: 'scheduled',
        version: 1,
        createdBy: caller.userId,
        cancelledBy: null,
        cancelledAt: null,
      }),
    );
    for (const event of events) {
      tuples.write(eventInGroupTuple(event.id, groupId));
      for (const memberId of memberIds) {
        em.create(EventAttendance, { eventId: event.id, memberId, status: null, note: null, answeredBy: null, answeredAt: null });
        tuples.write(inviteeTuple(event.id, memberId));
      }
    }
    await em.flush();
    const recipients = await recipientsByEvent(em, events.map((e) => e.id));
    announceNew(jobs, events.map(factsOf), ctx, recipients, now);
    return events[0].id;
  });
}
