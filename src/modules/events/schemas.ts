import { z } from 'zod';
import { PageQuery } from '../shared/pagination.js';
import { ATTENDANCE_STATUSES, EVENT_STATUSES, EVENT_TYPES } from './entities.js';

const id = z.string().min(1).max(64);
export const GroupEventsParams = z.object({ groupId: id });
export const EventParams = z.object({ eventId: id });
export const AttendanceParams = z.object({ eventId: id, memberId: id });

/** With an offset it is exact; without one it is wall-clock time in the club's timezone. */
const eventTime = z.iso.datetime({ offset: true, local: true, message: 'must be a date and time like 2026-12-01T18:00 (club time) or 2026-12-01T17:00:00Z' });
const title = z.string().trim().min(1).max(200);
const location = z.string().trim().min(1).max(500);
const notes = z.string().trim().max(5000);
const capacity = z.number().int().min(1).max(10_000);

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const Recurrence = z
  .strictObject({
    frequency: z.literal('weekly'),
    interval: z.number().int().min(1).max(4).default(1),
    byWeekday: z.array(z.enum(WEEKDAY_CODES)).min(1).max(7).optional(),
    /** Last day (club time) an occurrence may fall on, inclusive. */
    until: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional(),
    count: z.number().int().min(2).max(104).optional(),
  })
  .refine((r) => r.until !== undefined || r.count !== undefined, { message: "must set 'until' or 'count' (a series ends)" });
export type Recurrence = z.infer<typeof Recurrence>;

export const CreateEventBody = z.strictObject({
  type: z.enum(EVENT_TYPES),
  title,
  startsAt: eventTime,
  endsAt: eventTime,
  location: location.optional(),
  notes: notes.optional(),
  capacity: capacity.optional(),
  recurrence: Recurrence.optional(),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const UpdateEventBody = z
  .strictObject({
    type: z.enum(EVENT_TYPES).optional(),
    title: title.optional(),
    startsAt: eventTime.optional(),
    endsAt: eventTime.optional(),
    location: location.nullable().optional(),
    notes: notes.nullable().optional(),
    capacity: capacity.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'must change at least one field' });
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const AttendanceBody = z.strictObject({ status: z.enum(ATTENDANCE_STATUSES), note: z.string().trim().max(500).nullable().optional() });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'must be a date (YYYY-MM-DD) or a date and time with offset' });
export const EventWindowQuery = PageQuery.extend({ from: instant.optional(), to: instant.optional() });
export type EventWindowQuery = z.infer<typeof EventWindowQuery>;

export const EventResponse = z.object({
  id: z.string(),
  clubId: z.string(),
  groupId: z.string(),
  seriesId: z.string().nullable(),
  type: z.enum(EVENT_TYPES),
  title: z.string(),
  status: z.enum(EVENT_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The same times in the club's timezone, with offset. */
  local: z.object({ timezone: z.string(), startsAt: z.string(), endsAt: z.string() }),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  capacity: z.number().nullable(),
  version: z.number(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventResponse = z.infer<typeof EventResponse>;
export const EventPage = z.object({ items: z.array(EventResponse), nextCursor: z.string().nullable() });
export type EventPage = z.infer<typeof EventPage>;

export const AttendanceItem = z.object({
  memberId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  note: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type AttendanceItem = z.infer<typeof AttendanceItem>;
export const AttendanceCounts = z.object({ invited: z.number(), going: z.number(), notGoing: z.number(), maybe: z.number(), unanswered: z.number() });
/** Counts over every invitee; `items` only the answers the caller may read (all for coaches and admins). */
export const AttendanceResponse = z.object({ eventId: z.string(), capacity: z.number().nullable(), counts: AttendanceCounts, items: z.array(AttendanceItem) });
export type AttendanceResponse = z.infer<typeof AttendanceResponse>;

export const CalendarKeyResponse = z.object({ key: z.string(), feedPath: z.string() });
export type CalendarKeyResponse = z.infer<typeof CalendarKeyResponse>;
export const CalendarFeedQuery = z.object({ key: z.string().min(1).max(200) });
export type CalendarFeedQuery = z.infer<typeof CalendarFeedQuery>;
