import { LockMode } from '@mikro-orm/core';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { announceCancellation, factsOf } from '../announcements.js';
import { Event } from '../entities.js';
import { eventNotFound } from '../errors.js';
import { mailContext, recipientsByEvent } from '../recipients.js';
import { eventObject } from '../tuples.js';

/**
 * Cancels one event (one occurrence of a series): the row stays, marked cancelled, so families still
 * see what happened; reminders are dropped and guardians told. Cancelling twice changes nothing.
 */
export async function cancelEvent(deps: ModuleDeps, caller: Caller, eventId: string, now = new Date()): Promise<void> {
  await deps.authz.authorize(caller.userId, 'can_manage', eventObject(eventId), { visibleWith: 'can_view', notFound: eventNotFound(eventId) });
  await deps.uow.run({ command: 'cancel-event', actorId: caller.userId }, async (em, _tuples, jobs) => {
    const event = await em.findOne(Event, { id: eventId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!event) throw eventNotFound(eventId)();
    if (event.status === 'cancelled') return;
    const before = factsOf(event);
    em.assign(event, { status: 'cancelled', cancelledAt: now, cancelledBy: caller.userId, version: event.version + 1 });
    const ctx = await mailContext(em, event.groupId);
    const recipients = (await recipientsByEvent(em, [event.id])).get(event.id) ?? [];
    announceCancellation(jobs, before, factsOf(event), ctx, recipients, now);
  });
}
