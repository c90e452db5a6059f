import { memberObject } from '../../members/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { attendanceNotFound, eventNotFound } from '../errors.js';
import type { AttendanceItem } from '../schemas.js';
import { eventObject } from '../tuples.js';
import { presentAttendance } from './get-attendance.js';

/** One child's answer to one event, for those who may read that child's answers. */
export async function getMemberAttendance(deps: ModuleDeps, caller: Caller, eventId: string, memberId: string): Promise<AttendanceItem> {
  await deps.authz.requireVisible(caller.userId, 'can_view', eventObject(eventId), eventNotFound(eventId));
  await deps.authz.requireVisible(caller.userId, 'can_view_attendance', memberObject(memberId), attendanceNotFound(eventId, memberId));
  const [row] = await deps.uow.reader().execute<Parameters<typeof presentAttendance>[0][]>(
    `select a.member_id, m.first_name, m.last_name, a.status, a.note, a.answered_at
     from event_attendance a join youth_members m on m.id = a.member_id where a.event_id = ? and a.member_id = ?`,
    [eventId, memberId],
  );
  if (!row) throw attendanceNotFound(eventId, memberId)();
  return presentAttendance(row);
}
