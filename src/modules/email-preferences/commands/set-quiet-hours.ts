import { toMinute } from '../../../email/delivery/quiet-hours.js';
import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import type { QuietHoursBody } from '../schemas.js';

/** Sets (or, with nulls, clears) a club's quiet hours; club managers only. Returns the club id. */
export async function setQuietHours(deps: ModuleDeps, caller: Caller, clubId: string, body: QuietHoursBody): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_manage', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  return deps.uow.run({ command: 'set-quiet-hours', actorId: caller.userId }, async (em) => {
    const [club] = await em.execute<Array<{ id: string }>>(`select id from clubs where id = ? for update`, [clubId]);
    if (!club) throw clubNotFound(clubId)();
    if (body.start === null || body.end === null) {
      await em.execute(`delete from club_quiet_hours where club_id = ?`, [clubId]);
    } else {
      await em.execute(
        `insert into club_quiet_hours (club_id, start_minute, end_minute, updated_by) values (?, ?, ?, ?)
         on conflict (club_id) do update set start_minute = excluded.start_minute, end_minute = excluded.end_minute, updated_by = excluded.updated_by, updated_at = now()`,
        [clubId, toMinute(body.start), toMinute(body.end), caller.userId],
      );
    }
    return clubId;
  });
}
