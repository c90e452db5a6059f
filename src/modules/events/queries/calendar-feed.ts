import ical, { ICalEventStatus } from 'ical-generator';
import type { ModuleDeps } from '../../shared/deps.js';
import { hashCalendarKey } from '../commands/rotate-calendar-key.js';
import { calendarFeedNotFound } from '../errors.js';

const DAY_MS = 86_400_000;
// A phone calendar shows what is coming and a little of what was; older events stay in the app.
const PAST_DAYS = 60;
const FUTURE_DAYS = 400;

interface FeedRow {
  id: string;
  title: string;
  type: string;
  status: 'scheduled' | 'cancelled';
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  notes: string | null;
  version: number;
  updated_at: Date;
  group_name: string;
  club_name: string;
}

/**
 * The iCalendar feed behind a secret key (calendar apps cannot send tokens): the key names the user,
 * then the same "my events" as `GET /v1/me/events`: one list-objects call, one SQL query.
 */
export async function calendarFeed(deps: ModuleDeps, key: string, now = new Date()): Promise<string> {
  const em = deps.uow.reader();
  const [owner] = await em.execute<Array<{ user_id: string }>>('select user_id from calendar_keys where key_hash = ?', [hashCalendarKey(key)]);
  if (!owner) throw calendarFeedNotFound();
  const ids = await deps.authz.listObjectIds(owner.user_id, 'follower', 'event');
  const rows = !ids.length ? [] : await em.execute<FeedRow[]>(
    `select e.id, e.title, e.type, e.status, e.starts_at, e.ends_at, e.location, e.notes, e.version, e.updated_at, g.name as group_name, c.name as club_name
     from events e join groups g on g.id = e.group_id join clubs c on c.id = e.club_id
     where e.id in (select json_array_elements_text(?::json)) and e.starts_at >= ? and e.starts_at < ?
     order by e.starts_at, e.id`,
    [JSON.stringify(ids), new Date(now.getTime() - PAST_DAYS * DAY_MS), new Date(now.getTime() + FUTURE_DAYS * DAY_MS)],
  );
  const calendar = ical({ name: 'Touchline', prodId: { company: 'Touchline', product: 'events', language: 'EN' }, ttl: 3600 });
  for (const row of rows) {
    calendar.createEvent({
      id: `${row.id}@touchline`,
      sequence: row.version,
      start: new Date(row.starts_at),
      end: new Date(row.ends_at),
      summary: `${row.title} (${row.group_name})`,
      description: [`${row.type} · ${row.club_name} · ${row.group_name}`, row.notes].filter(Boolean).join('\n\n'),
      location: row.location,
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      lastModified: new Date(row.updated_at),
      stamp: new Date(row.updated_at),
    });
  }
  return calendar.toString();
}
