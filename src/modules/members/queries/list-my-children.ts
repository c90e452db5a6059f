import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { presentMember } from '../presenters.js';
import type { MemberResponse } from '../schemas.js';
import { memberObject } from '../tuples.js';
import { memberPage } from './member-rows.js';

/** The youth members the caller is a guardian of: one list-objects call, then SQL. */
export async function listMyChildren(deps: ModuleDeps, caller: Caller, page: PageQuery): Promise<Page<MemberResponse>> {
  const ids = await deps.authz.listObjectIds(caller.userId, 'guardian', 'member');
  if (!ids.length) return { items: [], nextCursor: null };
  const after = decodeCursor(page.cursor);
  const rows = await memberPage(deps.sql, ids, after, page.limit + 1);
  const result = toPage(rows, page.limit);
  deps.authz.recordListed(caller.userId, 'guardian', result.items.map((m) => ({ object: memberObject(m.id), clubId: m.clubId })));
  return { items: result.items.map(presentMember), nextCursor: result.nextCursor };
}
