import { DateTime } from 'luxon';

// Every time in an email is shown in the recipient's zone, with the zone named: a family abroad must
// not guess whether kick-off is 10:00 their time or the club's.

const LOCALE = 'en-GB';

function inZone(iso: string, zone: string): DateTime {
  const value = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(LOCALE);
  if (!value.isValid) throw new RangeError(`not a date-time: ${value.invalidExplanation ?? iso}`);
  return value;
}

/** "Saturday 12 December 2026, 10:00–11:30 (CET)"; spans over midnight name both days. */
export function formatEventWhen(startsAt: string, endsAt: string, zone: string): { when: string; shortWhen: string; zoneName: string } {
  const start = inZone(startsAt, zone);
  const end = inZone(endsAt, zone);
  const zoneLabel = start.toFormat('ZZZZ');
  const when = start.hasSame(end, 'day')
    ? `${start.toFormat('cccc d LLLL yyyy')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')} (${zoneLabel})`
    : `${start.toFormat('cccc d LLLL yyyy, HH:mm')} – ${end.toFormat('cccc d LLLL yyyy, HH:mm')} (${zoneLabel})`;
  return { when, shortWhen: `${start.toFormat('ccc d LLL, HH:mm')}`, zoneName: zone };
}

/** "Monday 7 December 2026, 18:00 (CET)". */
export function formatInstant(iso: string, zone: string): string {
  const value = inZone(iso, zone);
  return `${value.toFormat('cccc d LLLL yyyy, HH:mm')} (${value.toFormat('ZZZZ')})`;
}
