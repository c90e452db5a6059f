import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { idFilter } from '../../shared/visible-ids.js';
import { Club } from '../entities.js';
import { presentClub } from '../presenters.js';
import type { ClubResponse } from '../schemas.js';

/** Clubs the caller can see: one list-objects call, then one SQL query. */
export async function listClubs(deps: ModuleDeps, caller: Caller, page: PageQuery): Promise<Page<ClubResponse>> {
  const ids = await deps.authz.listObjectIds(caller.userId, 'can_view', 'club');
  if (!ids.length) return { items: [], nextCursor: null };
  const after = decodeCursor(page.cursor);
  const rows = await deps.uow.reader().find(
    Club,
    { id: idFilter(ids, after) },
    { orderBy: { id: 'asc' }, limit: page.limit + 1 },
  );
  const result = toPage(rows, page.limit);
  return { items: result.items.map(presentClub), nextCursor: result.nextCursor };
}
