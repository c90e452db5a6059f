import { DateTime } from 'luxon';

/** A club's quiet hours, minutes after local midnight; start > end wraps past midnight (21:00–07:00). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

export const toMinute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinute = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * When the quiet hours around `now` end, in the club's zone; undefined when `now` is outside them.
 * Computed on the local calendar, so a daylight-saving change inside the window ends it at local time.
 */
export function quietHoursEndAfter(now: Date, quiet: QuietHours, zone: string): Date | undefined {
  const local = DateTime.fromJSDate(now, { zone });
  const minute = local.hour * 60 + local.minute;
  const wraps = quiet.startMinute > quiet.endMinute;
  const inside = wraps ? minute >= quiet.startMinute || minute < quiet.endMinute : minute >= quiet.startMinute && minute < quiet.endMinute;
  if (!inside) return undefined;
  const endsTomorrow = wraps && minute >= quiet.startMinute;
  const end = local
    .startOf('day')
    .plus({ days: endsTomorrow ? 1 : 0 })
    .set({ hour: Math.floor(quiet.endMinute / 60), minute: quiet.endMinute % 60 });
  return end.toJSDate();
}
