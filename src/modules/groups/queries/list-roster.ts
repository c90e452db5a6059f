import type { JsonText } from '../../../http/json-text.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, type PageQuery } from '../../shared/pagination.js';
import { pageBody, pageStatement, readPage } from '../../shared/sql-page.js';
import { groupNotFound } from '../errors.js';
import { groupObject } from '../tuples.js';

// A roster entry (schemas.ts RosterEntry) is built by PostgreSQL from the assignment row alone, which
// carries the member's names and club (migrations/20261206-roster-names.ts): a page is one index range,
// made whole by PostgreSQL (shared/sql-page.ts).
const ROSTER_PAGE = pageStatement('group_id text',
  `select gm.member_id as id, gm.club_id, (select row_to_json(j)::text from (select gm.member_id as id, gm.first_name as "firstName", gm.last_name as "lastName") j) as json
   from group_members gm where gm.group_id = q.group_id and gm.member_id > q.after order by gm.member_id limit q.lim + 1`, 'member');

/**
 * A group's roster, names only: one check on the group, then one SQL statement (no check per row) that
 * reads the page and logs it as shown.
 */
export async function listRoster(deps: ModuleDeps, caller: Caller, groupId: string, page: PageQuery): Promise<JsonText> {
  const after = decodeCursor(page.cursor);
  await deps.authz.requireVisible(caller.userId, 'can_view_roster', groupObject(groupId), groupNotFound(groupId));
  const shownTo = deps.authz.pageDecision(caller.userId, 'can_view_roster');
  return pageBody(await readPage(deps.sql, ROSTER_PAGE, { group_id: groupId, after, limit: page.limit }, shownTo));
}
