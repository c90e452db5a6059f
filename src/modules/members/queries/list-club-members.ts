import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { idFilter, nothingVisible, visibleIds } from '../../shared/visible-ids.js';
import { YouthMember } from '../entities.js';
import { presentMember } from '../presenters.js';
import type { MemberResponse } from '../schemas.js';

/**
 * Youth members of a club the caller can see. Admins (can_view_all_members) page straight through the
 * club in SQL, so the cost does not grow with club size; everyone else asks list-objects once.
 */
export async function listClubMembers(deps: ModuleDeps, caller: Caller, clubId: string, page: PageQuery): Promise<Page<MemberResponse>> {
  await deps.authz.requireVisible(caller.userId, 'can_view', clubObject(clubId), clubNotFound(clubId));
  const ids = await visibleIds(deps, caller.userId, { relation: 'can_view', type: 'member', seesAll: { relation: 'can_view_all_members', object: clubObject(clubId) } });
  if (nothingVisible(ids)) return { items: [], nextCursor: null };
  const id = idFilter(ids, decodeCursor(page.cursor));
  const rows = await deps.uow.reader().find(YouthMember, { clubId, ...(id && { id }) }, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
  const result = toPage(rows, page.limit);
  return { items: result.items.map(presentMember), nextCursor: result.nextCursor };
}
