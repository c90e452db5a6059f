import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { eventWindow, toEventPage, windowSql } from '../event-window.js';
import { EVENT_COLUMNS, EVENT_FROM, presentEvent, type EventRow } from '../presenters.js';
import type { EventPage, EventWindowQuery } from '../schemas.js';

/** The events on my calendar (my groups' and my children's, see `follower` in the model): one list-objects call, then one SQL query. */
export async function listMyEvents(deps: ModuleDeps, caller: Caller, query: EventWindowQuery): Promise<EventPage> {
  const window = eventWindow(query);
  const ids = await deps.authz.listObjectIds(caller.userId, 'follower', 'event');
  if (!ids.length) return { items: [], nextCursor: null };
  const page = windowSql(window);
  const rows = await deps.uow.reader().execute<EventRow[]>(
    `select ${EVENT_COLUMNS} from ${EVENT_FROM} where e.id in (select json_array_elements_text(?::json)) and ${page.sql}`,
    [JSON.stringify(ids), ...page.params],
  );
  return toEventPage(rows, window.limit, presentEvent);
}
