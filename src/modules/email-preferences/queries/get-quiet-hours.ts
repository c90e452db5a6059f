import { fromMinute } from '../../../email/delivery/quiet-hours.js';
import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import type { QuietHoursResponse } from '../schemas.js';

/** A club's quiet hours, in the club's zone; anyone who can see the club may read them. */
export async function getQuietHours(deps: ModuleDeps, caller: Caller, clubId: string): Promise<QuietHoursResponse> {
  await deps.authz.requireVisible(caller.userId, 'can_view', clubObject(clubId), clubNotFound(clubId));
  const [row] = await deps.uow.reader().execute<Array<{ timezone: string; start_minute: number | null; end_minute: number | null }>>(
    `select c.timezone, q.start_minute, q.end_minute from clubs c left join club_quiet_hours q on q.club_id = c.id where c.id = ?`,
    [clubId],
  );
  if (!row) throw clubNotFound(clubId)();
  const quietHours = row.start_minute === null || row.end_minute === null ? null : { start: fromMinute(row.start_minute), end: fromMinute(row.end_minute), timezone: row.timezone };
  return { clubId, quietHours };
}
