import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { idFilter } from '../../shared/visible-ids.js';
import { Group, GroupCoach, type CoachRole } from '../entities.js';
import { presentGroup } from '../presenters.js';
import type { GroupResponse } from '../schemas.js';

/** Groups the caller coaches, with their role: one list-objects call, then SQL. */
export async function listMyGroups(deps: ModuleDeps, caller: Caller, page: PageQuery): Promise<Page<GroupResponse & { role: CoachRole }>> {
  const ids = await deps.authz.listObjectIds(caller.userId, 'coach', 'group');
  if (!ids.length) return { items: [], nextCursor: null };
  const after = decodeCursor(page.cursor);
  const em = deps.uow.reader();
  const rows = await em.find(Group, { id: idFilter(ids, after) }, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
  const result = toPage(rows, page.limit);
  const roles = await em.find(GroupCoach, { userId: caller.userId, groupId: { $in: result.items.map((g) => g.id) } });
  const roleOf = new Map(roles.map((r) => [r.groupId, r.role]));
  return {
    items: result.items.filter((g) => roleOf.has(g.id)).map((g) => ({ ...presentGroup(g), role: roleOf.get(g.id)! })),
    nextCursor: result.nextCursor,
  };
}
