import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { eventNotFound } from '../errors.js';
import { EVENT_COLUMNS, EVENT_FROM, presentEvent, type EventRow } from '../presenters.js';
import type { EventResponse } from '../schemas.js';
import { eventObject } from '../tuples.js';

/** One event, for its group's coaches, the club's admins and the guardians of invited children. */
export async function getEvent(deps: ModuleDeps, caller: Caller, eventId: string): Promise<EventResponse> {
  await deps.authz.requireVisible(caller.userId, 'can_view', eventObject(eventId), eventNotFound(eventId));
  const [row] = await deps.uow.reader().execute<EventRow[]>(`select ${EVENT_COLUMNS} from ${EVENT_FROM} where e.id = ?`, [eventId]);
  if (!row) throw eventNotFound(eventId)();
  return presentEvent(row);
}
