import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { groupNotFound } from '../errors.js';
import type { RosterEntry } from '../schemas.js';
import { groupObject } from '../tuples.js';
import { memberObject } from '../../members/tuples.js';

/** A group's roster, names only: one check on the group, then one SQL query (no check per row). */
export async function listRoster(deps: ModuleDeps, caller: Caller, groupId: string, page: PageQuery): Promise<Page<RosterEntry>> {
  await deps.authz.requireVisible(caller.userId, 'can_view_roster', groupObject(groupId), groupNotFound(groupId));
  const after = decodeCursor(page.cursor);
  const rows = await deps.sql.rows<{ id: string; club_id: string; first_name: string; last_name: string }>(
    `select m.id, m.club_id, m.first_name, m.last_name from group_members gm join youth_members m on m.id = gm.member_id
     where gm.group_id = $1 and m.id > $2 order by m.id limit $3`,
    [groupId, after ?? '', page.limit + 1],
  );
  const result = toPage(rows, page.limit);
  deps.authz.recordListed(caller.userId, 'can_view_roster', result.items.map((m) => ({ object: memberObject(m.id), clubId: m.club_id })));
  return { items: result.items.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name })), nextCursor: result.nextCursor };
}
