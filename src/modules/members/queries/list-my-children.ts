import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, type PageQuery } from '../../shared/pagination.js';
import { EMPTY_PAGE, pageBody } from '../../shared/sql-page.js';
import type { JsonText } from '../../../http/json-text.js';
import { memberPage } from './member-rows.js';

/** The youth members the caller is a guardian of: one list-objects call, then SQL. */
export async function listMyChildren(deps: ModuleDeps, caller: Caller, page: PageQuery): Promise<JsonText> {
  const ids = await deps.authz.listObjectIds(caller.userId, 'guardian', 'member');
  if (!ids.length) return pageBody(EMPTY_PAGE);
  return pageBody(await memberPage(deps.sql, ids, decodeCursor(page.cursor), page.limit, deps.authz.pageDecision(caller.userId, 'guardian')));
}
