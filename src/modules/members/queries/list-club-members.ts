import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { YouthMember } from '../entities.js';
import { presentMember } from '../presenters.js';
import type { MemberResponse } from '../schemas.js';

/**
 * Youth members of a club the caller can see. Admins (can_view_all_members) page straight through the
 * club in SQL, so the cost does not grow with club size; everyone else asks list-objects once.
 */
export async function listClubMembers(deps: ModuleDeps, caller: Caller, clubId: string, page: PageQuery): Promise<Page<MemberResponse>> {
  await deps.authz.requireVisible(caller.userId, 'can_view', clubObject(clubId), clubNotFound(clubId));
  const seesAll = await deps.authz.check(caller.userId, 'can_view_all_members', clubObject(clubId));
  const ids = seesAll ? undefined : await deps.authz.listObjectIds(caller.userId, 'can_view', 'member');
  if (ids && !ids.length) return { items: [], nextCursor: null };
  const after = decodeCursor(page.cursor);
  const idFilter = { ...(ids ? { $in: ids } : {}), ...(after ? { $gt: after } : {}) };
  const rows = await deps.uow.reader().find(
    YouthMember,
    { clubId, ...(Object.keys(idFilter).length ? { id: idFilter } : {}) },
    { orderBy: { id: 'asc' }, limit: page.limit + 1 },
  );
  const result = toPage(rows, page.limit);
  return { items: result.items.map(presentMember), nextCursor: result.nextCursor };
}
