import { LockMode } from '@mikro-orm/core';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { announceEdit, factsOf } from '../announcements.js';
import { Event } from '../entities.js';
import { endsBeforeStart, eventCancelled, eventNotFound } from '../errors.js';
import type { EventChange } from '../event-emails.js';
import { parseEventTime } from '../local-time.js';
import { mailContext, recipientsByEvent } from '../recipients.js';
import type { UpdateEventBody } from '../schemas.js';
import { eventObject } from '../tuples.js';

/**
 * Edits one event (one occurrence of a series). Families hear about a new time or place; every edit
 * replaces the reminder so it tells the latest state.
 */
export async function updateEvent(deps: ModuleDeps, caller: Caller, eventId: string, body: UpdateEventBody, now = new Date()): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_manage', eventObject(eventId), { visibleWith: 'can_view', notFound: eventNotFound(eventId) });
  return deps.uow.run({ command: 'update-event', actorId: caller.userId }, async (em, _tuples, jobs) => {
    const event = await em.findOne(Event, { id: eventId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!event) throw eventNotFound(eventId)();
    if (event.status === 'cancelled') throw eventCancelled(eventId);
    const ctx = await mailContext(em, event.groupId);
    const before = factsOf(event);
    const startsAt = body.startsAt ? parseEventTime(body.startsAt, ctx.clubTimezone) : event.startsAt;
    const endsAt = body.endsAt ? parseEventTime(body.endsAt, ctx.clubTimezone) : event.endsAt;
    if (endsAt <= startsAt) throw endsBeforeStart();
    const next = {
      type: body.type ?? event.type,
      title: body.title ?? event.title,
      startsAt,
      endsAt,
      location: body.location === undefined ? event.location : body.location,
      notes: body.notes === undefined ? event.notes : body.notes,
      capacity: body.capacity === undefined ? event.capacity : body.capacity,
    };
    const changes: EventChange[] = [];
    if (startsAt.getTime() !== event.startsAt.getTime() || endsAt.getTime() !== event.endsAt.getTime()) changes.push('time');
    if ((next.location ?? null) !== (event.location ?? null)) changes.push('location');
    const edited = changes.length > 0 || next.type !== event.type || next.title !== event.title || (next.notes ?? null) !== (event.notes ?? null) || (next.capacity ?? null) !== (event.capacity ?? null);
    if (!edited) return event.id;
    em.assign(event, { ...next, version: event.version + 1 });
    const recipients = (await recipientsByEvent(em, [event.id])).get(event.id) ?? [];
    announceEdit(jobs, before, factsOf(event), changes, ctx, recipients, now);
    return event.id;
  });
}
