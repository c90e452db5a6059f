import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { Group } from '../entities.js';
import { presentGroup } from '../presenters.js';
import type { GroupResponse } from '../schemas.js';

/** The club's groups the caller can see (a coach sees their own groups only): one list-objects call. */
export async function listClubGroups(deps: ModuleDeps, caller: Caller, clubId: string, page: PageQuery): Promise<Page<GroupResponse>> {
  await deps.authz.requireVisible(caller.userId, 'can_view', clubObject(clubId), clubNotFound(clubId));
  // Admins see every group of the club: one check instead of listing them all.
  const seesAll = await deps.authz.check(caller.userId, 'can_view_all_groups', clubObject(clubId));
  const ids = seesAll ? undefined : await deps.authz.listObjectIds(caller.userId, 'can_view', 'group');
  if (ids && !ids.length) return { items: [], nextCursor: null };
  const after = decodeCursor(page.cursor);
  const idFilter = { ...(ids ? { $in: ids } : {}), ...(after ? { $gt: after } : {}) };
  const rows = await deps.uow.reader().find(
    Group,
    { clubId, ...(Object.keys(idFilter).length ? { id: idFilter } : {}) },
    { orderBy: { id: 'asc' }, limit: page.limit + 1 },
  );
  const result = toPage(rows, page.limit);
  return { items: result.items.map(presentGroup), nextCursor: result.nextCursor };
}
