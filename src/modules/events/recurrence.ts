import { DateTime } from 'luxon';
import rrule from 'rrule';
import { recurrenceTooLong, recurrenceWeekdayMismatch } from './errors.js';
import type { Recurrence } from './schemas.js';

// rrule ships CommonJS next to an ESM build Node does not pick; the default import works under both.
const { RRule } = rrule;

/** Occurrences are created up front, so a series must end within this horizon (a season at most). */
export const HORIZON_DAYS = 366;
export const MAX_OCCURRENCES = 104;

const WEEKDAYS = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU } as const;
const LUXON_WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const; // luxon: Monday = 1

export interface ExpandedSeries {
  /** The rule as RFC 5545 text, DTSTART in the club's zone (kept for the record and for calendars). */
  rrule: string;
  /** Start instants (UTC) of every occurrence, the first being the event's own start. */
  starts: Date[];
}

/**
 * Expands a weekly rule in the club's wall-clock time, so 18:00 stays 18:00 across daylight-saving
 * changes. rrule works on "floating" dates (local fields stored as UTC); luxon turns each into an instant.
 */
export function expandWeekly(firstStart: Date, timezone: string, recurrence: Recurrence): ExpandedSeries {
  const local = DateTime.fromJSDate(firstStart, { zone: timezone });
  const firstDay = LUXON_WEEKDAY_CODES[local.weekday - 1];
  const days = recurrence.byWeekday ?? [firstDay];
  if (!days.includes(firstDay)) throw recurrenceWeekdayMismatch(firstDay);
  const floatingStart = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
  const options = {
    freq: RRule.WEEKLY,
    interval: recurrence.interval,
    byweekday: days.map((d) => WEEKDAYS[d]),
    dtstart: floatingStart,
    ...(recurrence.until && { until: floatingEndOfDay(recurrence.until) }),
    ...(recurrence.count && { count: recurrence.count }),
  };
  const rule = new RRule(options);
  const horizon = new Date(floatingStart.getTime() + HORIZON_DAYS * 86_400_000);
  const floating = rule.all((_date, i) => i < MAX_OCCURRENCES + 1);
  if (floating.length > MAX_OCCURRENCES || rule.after(horizon) !== null) throw recurrenceTooLong(HORIZON_DAYS, MAX_OCCURRENCES);
  const starts = floating.map((f) =>
    DateTime.fromObject(
      { year: f.getUTCFullYear(), month: f.getUTCMonth() + 1, day: f.getUTCDate(), hour: f.getUTCHours(), minute: f.getUTCMinutes(), second: f.getUTCSeconds() },
      { zone: timezone },
    ).toUTC().toJSDate(),
  );
  return { rrule: new RRule({ ...options, tzid: timezone }).toString(), starts };
}

function floatingEndOfDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 23, 59, 59));
}
