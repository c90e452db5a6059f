import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { idFilter, nothingVisible, visibleIds } from '../../shared/visible-ids.js';
import { Group } from '../entities.js';
import { presentGroup } from '../presenters.js';
import type { GroupResponse } from '../schemas.js';

/** The club's groups the caller can see (a coach sees their own groups only); admins see all with one check. */
export async function listClubGroups(deps: ModuleDeps, caller: Caller, clubId: string, page: PageQuery): Promise<Page<GroupResponse>> {
  await deps.authz.requireVisible(caller.userId, 'can_view', clubObject(clubId), clubNotFound(clubId));
  const ids = await visibleIds(deps, caller.userId, { relation: 'can_view', type: 'group', seesAll: { relation: 'can_view_all_groups', object: clubObject(clubId) } });
  if (nothingVisible(ids)) return { items: [], nextCursor: null };
  const id = idFilter(ids, decodeCursor(page.cursor));
  const rows = await deps.uow.reader().find(Group, { clubId, ...(id && { id }) }, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
  const result = toPage(rows, page.limit);
  return { items: result.items.map(presentGroup), nextCursor: result.nextCursor };
}
