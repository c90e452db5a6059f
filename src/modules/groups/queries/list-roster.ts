import { jsonPage, type JsonText } from '../../../http/json-text.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type PageQuery } from '../../shared/pagination.js';
import { groupNotFound } from '../errors.js';
import { groupObject } from '../tuples.js';
import { memberObject } from '../../members/tuples.js';
import { readAhead } from '../../shared/read-ahead.js';

type RosterRow = { n: number; id: string; clubId: string; json: string };

// Rosters asked for by concurrent requests are read with one statement (SqlReader.batch); each entry
// is built as JSON (schemas.ts RosterEntry) by PostgreSQL from the assignment row alone, which carries
// the member's names and club (migrations/20261206-roster-names.ts): a page is one index range.
const ROSTER_PAGE = `select q.n, p.* from json_to_recordset($1::json) as q(n int, group_id text, after text, lim int) cross join lateral (
    select gm.member_id as id, gm.club_id as "clubId", (select row_to_json(j)::text from (select gm.member_id as id, gm.first_name as "firstName", gm.last_name as "lastName") j) as json
    from group_members gm
    where gm.group_id = q.group_id and gm.member_id > q.after order by gm.member_id limit q.lim) p`;
/** A group's roster, names only: one check on the group, then one SQL query (no check per row). */
export async function listRoster(deps: ModuleDeps, caller: Caller, groupId: string, page: PageQuery): Promise<JsonText> {
  const after = decodeCursor(page.cursor) ?? '';
  const read = deps.sql.batch<{ group_id: string; after: string; lim: number }, RosterRow>(ROSTER_PAGE);
  const rows = readAhead(() => read({ group_id: groupId, after, lim: page.limit + 1 }));
  await deps.authz.requireVisible(caller.userId, 'can_view_roster', groupObject(groupId), groupNotFound(groupId));
  const result = toPage(await rows.result(), page.limit);
  deps.authz.recordListed(caller.userId, 'can_view_roster', result.items.map((m) => ({ object: memberObject(m.id), clubId: m.clubId })));
  return jsonPage(result.items, result.nextCursor);
}
