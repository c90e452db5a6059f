import { groupNotFound } from '../../groups/errors.js';
import { groupObject } from '../../groups/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { nothingVisible, visibleIds } from '../../shared/visible-ids.js';
import { eventWindow, toEventPage, windowSql } from '../event-window.js';
import { EVENT_COLUMNS, EVENT_FROM, presentEvent, type EventRow } from '../presenters.js';
import type { EventPage, EventWindowQuery } from '../schemas.js';

/**
 * A group's events between `from` and `to`. Coaches and admins see all with one check; a guardian gets
 * the events their children are invited to (one list-objects call). Then one SQL query.
 */
export async function listGroupEvents(deps: ModuleDeps, caller: Caller, groupId: string, query: EventWindowQuery): Promise<EventPage> {
  await deps.authz.requireVisible(caller.userId, 'can_view', groupObject(groupId), groupNotFound(groupId));
  const window = eventWindow(query);
  const ids = await visibleIds(deps, caller.userId, { relation: 'can_view', type: 'event', seesAll: { relation: 'can_view_all_events', object: groupObject(groupId) } });
  if (nothingVisible(ids)) return { items: [], nextCursor: null };
  const page = windowSql(window);
  const idSql = ids === 'all' ? '' : ' and e.id in (select json_array_elements_text(?::json))';
  const rows = await deps.uow.reader().execute<EventRow[]>(
    `select ${EVENT_COLUMNS} from ${EVENT_FROM} where e.group_id = ?${idSql} and ${page.sql}`,
    [groupId, ...(ids === 'all' ? [] : [JSON.stringify(ids)]), ...page.params],
  );
  return toEventPage(rows, window.limit, presentEvent);
}
