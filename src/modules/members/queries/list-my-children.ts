import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type PageQuery } from '../../shared/pagination.js';
import { jsonPage, type JsonText } from '../../../http/json-text.js';
import { memberObject } from '../tuples.js';
import { memberPage } from './member-rows.js';

/** The youth members the caller is a guardian of: one list-objects call, then SQL. */
export async function listMyChildren(deps: ModuleDeps, caller: Caller, page: PageQuery): Promise<JsonText> {
  const ids = await deps.authz.listObjectIds(caller.userId, 'guardian', 'member');
  if (!ids.length) return jsonPage([], null);
  const after = decodeCursor(page.cursor);
  const rows = await memberPage(deps.sql, ids, after, page.limit + 1);
  const result = toPage(rows, page.limit);
  deps.authz.recordListed(caller.userId, 'guardian', result.items.map((m) => ({ object: memberObject(m.id), clubId: m.clubId })));
  return jsonPage(result.items, result.nextCursor);
}
