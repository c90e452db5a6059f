import { DateTime } from 'luxon';

const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * An instant from what a coach typed: with an offset (`…Z`, `…+01:00`) it is exact; without one it is
 * wall-clock time in the club's timezone (what a person means by "Tuesday 18:00").
 */
export function parseEventTime(input: string, timezone: string): Date {
  const parsed = HAS_OFFSET.test(input) ? DateTime.fromISO(input, { setZone: true }) : DateTime.fromISO(input, { zone: timezone });
  return parsed.toUTC().toJSDate();
}

/** The same instant as local time in `timezone`, with its offset (e.g. 2026-12-01T18:00:00+01:00). */
export function toLocalIso(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISO({ suppressMilliseconds: true })!;
}

/** Wall-clock time of `instant` in `timezone`. */
export function toLocal(instant: Date, timezone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone: timezone });
}
