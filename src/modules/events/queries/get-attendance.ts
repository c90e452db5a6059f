import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { eventNotFound } from '../errors.js';
import type { AttendanceItem, AttendanceResponse } from '../schemas.js';
import { eventObject } from '../tuples.js';

interface AttendanceRow {
  member_id: string;
  first_name: string;
  last_name: string;
  status: AttendanceItem['status'];
  note: string | null;
  answered_at: Date | null;
}

/**
 * Who is coming. Everyone who sees the event gets the counts; coaches and admins every answer with its
 * note; a guardian only their own children's (one list-objects call, never a check per row).
 */
export async function getAttendance(deps: ModuleDeps, caller: Caller, eventId: string): Promise<AttendanceResponse> {
  await deps.authz.requireVisible(caller.userId, 'can_view_counts', eventObject(eventId), eventNotFound(eventId));
  const seesAll = await deps.authz.check(caller.userId, 'can_view_all_answers', eventObject(eventId));
  const memberIds = seesAll ? undefined : await deps.authz.listObjectIds(caller.userId, 'can_view_attendance', 'member');
  const em = deps.uow.reader();
  const [summary] = await em.execute<Array<{ capacity: number | null; invited: string; going: string; not_going: string; maybe: string }>>(
    `select e.capacity, count(a.member_id) as invited, count(*) filter (where a.status = 'going') as going,
            count(*) filter (where a.status = 'not_going') as not_going, count(*) filter (where a.status = 'maybe') as maybe
     from events e left join event_attendance a on a.event_id = e.id where e.id = ? group by e.id`,
    [eventId],
  );
  if (!summary) throw eventNotFound(eventId)();
  const rows = memberIds && !memberIds.length ? [] : await em.execute<AttendanceRow[]>(
    `select a.member_id, m.first_name, m.last_name, a.status, a.note, a.answered_at
     from event_attendance a join youth_members m on m.id = a.member_id
     where a.event_id = ?${memberIds ? ' and a.member_id in (select json_array_elements_text(?::json))' : ''}
     order by m.first_name, m.last_name, m.id`,
    [eventId, ...(memberIds ? [JSON.stringify(memberIds)] : [])],
  );
  const [invited, going, notGoing, maybe] = [summary.invited, summary.going, summary.not_going, summary.maybe].map(Number);
  return {
    eventId,
    capacity: summary.capacity,
    counts: { invited, going, notGoing, maybe, unanswered: invited - going - notGoing - maybe },
    items: rows.map(presentAttendance),
  };
}

export const presentAttendance = (r: AttendanceRow): AttendanceItem => ({
  memberId: r.member_id,
  firstName: r.first_name,
  lastName: r.last_name,
  status: r.status,
  note: r.note,
  answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
});
