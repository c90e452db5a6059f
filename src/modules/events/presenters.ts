import { toLocalIso } from './local-time.js';
import type { EventResponse } from './schemas.js';

/** An `events` row joined with its club's timezone, as the read queries select it (EVENT_COLUMNS). */
export interface EventRow {
  id: string;
  club_id: string;
  group_id: string;
  series_id: string | null;
  type: EventResponse['type'];
  title: string;
  status: EventResponse['status'];
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  notes: string | null;
  capacity: number | null;
  version: number;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  timezone: string;
}

export const EVENT_COLUMNS = `e.id, e.club_id, e.group_id, e.series_id, e.type, e.title, e.status, e.starts_at, e.ends_at, e.location, e.notes,
  e.capacity, e.version, e.cancelled_at, e.created_at, e.updated_at, c.timezone`;
export const EVENT_FROM = 'events e join clubs c on c.id = e.club_id';

export const presentEvent = (row: EventRow): EventResponse => ({
  id: row.id,
  clubId: row.club_id,
  groupId: row.group_id,
  seriesId: row.series_id,
  type: row.type,
  title: row.title,
  status: row.status,
  startsAt: new Date(row.starts_at).toISOString(),
  endsAt: new Date(row.ends_at).toISOString(),
  local: { timezone: row.timezone, startsAt: toLocalIso(new Date(row.starts_at), row.timezone), endsAt: toLocalIso(new Date(row.ends_at), row.timezone) },
  location: row.location,
  notes: row.notes,
  capacity: row.capacity,
  version: row.version,
  cancelledAt: row.cancelled_at ? new Date(row.cancelled_at).toISOString() : null,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});
