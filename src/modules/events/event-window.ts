import { invalidEventCursor, invalidWindow } from './errors.js';
import type { EventWindowQuery } from './schemas.js';

const DEFAULT_DAYS = 90;
const MAX_DAYS = 400;
const DAY_MS = 86_400_000;

export interface EventWindow {
  from: Date;
  to: Date;
  /** Keyset position: events after (startsAt, id) of the previous page's last item. */
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** `from` (default now) up to `to` (default 90 days later); a window is at most 400 days so a list stays bounded. */
export function eventWindow(query: EventWindowQuery, now = new Date()): EventWindow {
  const from = query.from ? new Date(query.from) : now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_DAYS * DAY_MS);
  if (to <= from) throw invalidWindow("Query 'to' must be after 'from'");
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw invalidWindow(`Query 'from' to 'to' must span at most ${MAX_DAYS} days`);
  return { from, to, after: decodeEventCursor(query.cursor), limit: query.limit };
}

/** SQL (for `events e`) and parameters selecting the window's page, ordered by start then id. */
export function windowSql(w: EventWindow): { sql: string; params: unknown[] } {
  const keyset = w.after ? ' and (e.starts_at, e.id) > (?, ?)' : '';
  return {
    sql: `e.starts_at >= ? and e.starts_at < ?${keyset} order by e.starts_at, e.id limit ?`,
    params: [w.from, w.to, ...(w.after ? [w.after.startsAt, w.after.id] : []), w.limit + 1],
  };
}

/** Builds a page from `limit + 1` rows; the cursor is opaque to clients. */
export function toEventPage<R extends { id: string; starts_at: Date }, T>(rows: R[], limit: number, present: (r: R) => T): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit ? Buffer.from(`${new Date(last.starts_at).toISOString()}|${last.id}`, 'utf8').toString('base64url') : null;
  return { items: page.map(present), nextCursor };
}

function decodeEventCursor(cursor: string | undefined): EventWindow['after'] {
  if (!cursor) return undefined;
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startsAt = new Date(iso ?? '');
  if (!id || !/^[0-9A-Z]{26}$/.test(id) || Number.isNaN(startsAt.getTime())) throw invalidEventCursor();
  return { startsAt, id };
}
