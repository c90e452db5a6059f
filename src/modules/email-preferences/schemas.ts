import { z } from 'zod';

const timezone = z.string().max(64).refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time like '21:00' (HH:mm, 24-hour clock)" });

export const EmailPreferencesBody = z.strictObject({
  /** Zone times in emails are shown in; null or absent → the club's. */
  timezone: timezone.nullish(),
  /** Reminders and event notices that are not service messages. */
  nonEssential: z.boolean({ error: "Field 'nonEssential' must be true or false" }),
});
export type EmailPreferencesBody = z.infer<typeof EmailPreferencesBody>;
export const EmailPreferencesResponse = z.object({ timezone: z.string().nullable(), nonEssential: z.boolean() });
export type EmailPreferencesResponse = z.infer<typeof EmailPreferencesResponse>;

export const QuietHoursParams = z.object({ clubId: z.string().min(1).max(64) });
// A bare JSON `null` body cannot pass the API's JSON parser (strict mode: objects and arrays only), so
// "no quiet hours" is written { "start": null, "end": null }.
export const QuietHoursBody = z
  .strictObject({ start: clockTime.nullable(), end: clockTime.nullable() })
  .refine((b) => (b.start === null) === (b.end === null), { message: 'start and end must both be times, or both null (no quiet hours)' })
  .refine((b) => b.start === null || b.start !== b.end, { message: 'start and end must differ' });
export type QuietHoursBody = z.infer<typeof QuietHoursBody>;
export const QuietHoursResponse = z.object({
  clubId: z.string(),
  quietHours: z.object({ start: z.string(), end: z.string(), timezone: z.string() }).nullable(),
});
export type QuietHoursResponse = z.infer<typeof QuietHoursResponse>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
