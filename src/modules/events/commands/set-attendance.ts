import { LockMode } from '@mikro-orm/core';
import { memberObject } from '../../members/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { Event, EventAttendance } from '../entities.js';
import { attendanceNotFound, eventCancelled, eventFull, eventNotFound } from '../errors.js';
import type { AttendanceBody } from '../schemas.js';
import { eventObject } from '../tuples.js';

/**
 * A youth member's answer to an invitation, given by one of their guardians (or a coach or club admin).
 * Anyone else's child is invisible to the caller: 404, as if not invited.
 */
export async function setAttendance(deps: ModuleDeps, caller: Caller, eventId: string, memberId: string, body: AttendanceBody): Promise<void> {
  await deps.authz.requireVisible(caller.userId, 'can_view', eventObject(eventId), eventNotFound(eventId));
  await deps.authz.authorize(caller.userId, 'can_answer_attendance', memberObject(memberId), { visibleWith: 'can_answer_attendance', notFound: attendanceNotFound(eventId, memberId) });
  await deps.uow.run({ command: 'set-attendance', actorId: caller.userId }, async (em) => {
    // The event row is locked so two last-place answers cannot both fit under the capacity.
    const event = await em.findOne(Event, { id: eventId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!event) throw eventNotFound(eventId)();
    if (event.status === 'cancelled') throw eventCancelled(eventId);
    const attendance = await em.findOne(EventAttendance, { eventId, memberId });
    if (!attendance) throw attendanceNotFound(eventId, memberId)();
    if (body.status === 'going' && attendance.status !== 'going' && event.capacity !== null && event.capacity !== undefined) {
      const going = await em.count(EventAttendance, { eventId, status: 'going' });
      if (going >= event.capacity) throw eventFull(eventId, event.capacity);
    }
    em.assign(attendance, { status: body.status, note: body.note ?? null, answeredBy: caller.userId, answeredAt: new Date() });
  });
}
