import { AppError } from '../../http/errors.js';

export const eventNotFound = (id: string) => () => new AppError('not_found', `Event ${id} not found`, undefined, 'event_not_found');
export const attendanceNotFound = (eventId: string, memberId: string) => () =>
  new AppError('not_found', `Member ${memberId} has no invitation to event ${eventId} you may answer`, undefined, 'attendance_not_found');
export const eventCancelled = (id: string) => new AppError('conflict', `Event ${id} is cancelled`, undefined, 'event_cancelled');
export const eventFull = (id: string, capacity: number) => new AppError('conflict', `Event ${id} is full: all ${capacity} places are taken`, undefined, 'event_full');
export const endsBeforeStart = () =>
  new AppError('validation', "Field 'endsAt' must be after 'startsAt'", [{ path: 'endsAt', message: "must be after 'startsAt'" }], 'validation');
export const recurrenceTooLong = (days: number, max: number) =>
  new AppError('validation', `Field 'recurrence' must end within ${days} days of the first event and have at most ${max} occurrences (set 'until' or 'count')`, [{ path: 'recurrence', message: 'series too long' }], 'validation');
export const recurrenceWeekdayMismatch = (day: string) =>
  new AppError('validation', `Field 'recurrence.byWeekday' must include the weekday of 'startsAt' (${day})`, [{ path: 'recurrence.byWeekday', message: `must include ${day}` }], 'validation');
export const invalidWindow = (message: string) => new AppError('validation', message, [{ path: 'to', message }], 'validation');
export const invalidEventCursor = () => new AppError('validation', "Query 'cursor' is not a cursor this API returned", [{ path: 'cursor', message: 'invalid cursor' }], 'invalid_cursor');
/** The same answer for a missing, wrong or rotated key: a feed URL reveals nothing about other keys. */
export const calendarFeedNotFound = () => new AppError('not_found', 'No calendar feed for this key (it may have been rotated)', undefined, 'calendar_feed_not_found');
