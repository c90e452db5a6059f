import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const EVENT_TYPES = ['practice', 'match', 'tournament', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['going', 'not_going', 'maybe'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A weekly rule an event was expanded from; its occurrences are ordinary `events` rows (edited and cancelled one by one). */
export const EventSeries = defineEntity({
  name: 'EventSeries',
  tableName: 'event_series',
  properties: {
    id: p.string().primary(),
    clubId: p.string(),
    groupId: p.string(),
    /** RFC 5545 rule over the club's local wall-clock time (DTSTART without zone). */
    rrule: p.text(),
    timezone: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type EventSeries = InferEntity<typeof EventSeries>;

/** One practice, match, tournament or other event of a group; times are stored in UTC. */
export const Event = defineEntity({
  name: 'Event',
  tableName: 'events',
  properties: {
    id: p.string().primary(),
    clubId: p.string(),
    groupId: p.string(),
    seriesId: p.string().nullable(),
    /** The series slot this row fills (its original start), so the slot stays known after the row is moved. */
    occurrenceStart: p.datetime().nullable(),
    type: p.enum([...EVENT_TYPES]),
    title: p.string(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    location: p.text().nullable(),
    notes: p.text().nullable(),
    capacity: p.integer().nullable(),
    status: p.enum([...EVENT_STATUSES]),
    /** Raised on every edit; change emails carry it in their job id so each edit is announced once. */
    version: p.integer(),
    createdBy: p.string(),
    cancelledBy: p.string().nullable(),
    cancelledAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type Event = InferEntity<typeof Event>;

/** A youth member's invitation to an event and their guardians' (or coach's) answer; no status = not answered yet. */
export const EventAttendance = defineEntity({
  name: 'EventAttendance',
  tableName: 'event_attendance',
  properties: {
    eventId: p.string().primary(),
    memberId: p.string().primary(),
    status: p.enum([...ATTENDANCE_STATUSES]).nullable(),
    note: p.text().nullable(),
    answeredBy: p.string().nullable(),
    answeredAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['eventId', 'memberId'],
});
export type EventAttendance = InferEntity<typeof EventAttendance>;

/** The secret of a user's calendar feed, kept as a SHA-256 hash; rotating replaces the row. */
export const CalendarKey = defineEntity({
  name: 'CalendarKey',
  tableName: 'calendar_keys',
  properties: {
    userId: p.string().primary(),
    keyHash: p.string().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type CalendarKey = InferEntity<typeof CalendarKey>;
