import { defineRoutes } from '../shared/route-table.js';
import { CALENDAR_FEED_PATH } from './calendar-router.js';
import { cancelEvent } from './commands/cancel-event.js';
import { createEvent } from './commands/create-event.js';
import { rotateCalendarKey } from './commands/rotate-calendar-key.js';
import { setAttendance } from './commands/set-attendance.js';
import { updateEvent } from './commands/update-event.js';
import { getAttendance } from './queries/get-attendance.js';
import { getEvent } from './queries/get-event.js';
import { getMemberAttendance } from './queries/get-member-attendance.js';
import { listGroupEvents } from './queries/list-group-events.js';
import { listMyEvents } from './queries/list-my-events.js';
import {
  AttendanceBody, AttendanceItem, AttendanceParams, AttendanceResponse, CalendarKeyResponse, CreateEventBody, EventPage, EventParams, EventResponse,
  EventWindowQuery, GroupEventsParams, UpdateEventBody,
} from './schemas.js';

export const eventRoutes = defineRoutes([
    { method: 'post', path: '/v1/groups/:groupId/events', tag: 'events', summary: 'Plan an event (or a weekly series) for a group; every member is invited', params: GroupEventsParams, body: CreateEventBody, status: 201, response: EventResponse,
      handle: async (deps, { caller, params, body }) => getEvent(deps, caller, await createEvent(deps, caller, params.groupId, body)) },
    { method: 'get', path: '/v1/groups/:groupId/events', tag: 'events', summary: "The group's events the caller can see, between from and to", params: GroupEventsParams, query: EventWindowQuery, status: 200, response: EventPage,
      handle: (deps, { caller, params, query }) => listGroupEvents(deps, caller, params.groupId, query) },
    { method: 'get', path: '/v1/events/:eventId', tag: 'events', summary: 'An event', params: EventParams, status: 200, response: EventResponse,
      handle: (deps, { caller, params }) => getEvent(deps, caller, params.eventId) },
    { method: 'patch', path: '/v1/events/:eventId', tag: 'events', summary: 'Change an event (one occurrence of a series)', params: EventParams, body: UpdateEventBody, status: 200, response: EventResponse,
      handle: async (deps, { caller, params, body }) => getEvent(deps, caller, await updateEvent(deps, caller, params.eventId, body)) },
    { method: 'delete', path: '/v1/events/:eventId', tag: 'events', summary: 'Cancel an event (kept, marked cancelled; families are told)', params: EventParams, status: 204,
      handle: (deps, { caller, params }) => cancelEvent(deps, caller, params.eventId) },
    { method: 'get', path: '/v1/events/:eventId/attendance', tag: 'events', summary: 'Counts, and the answers the caller may read', params: EventParams, status: 200, response: AttendanceResponse,
      handle: (deps, { caller, params }) => getAttendance(deps, caller, params.eventId) },
    { method: 'put', path: '/v1/events/:eventId/attendance/:memberId', tag: 'events', summary: "Answer an invitation for a child (their guardians, coaches or admins)", params: AttendanceParams, body: AttendanceBody, status: 200, response: AttendanceItem,
      handle: async (deps, { caller, params, body }) => {
        await setAttendance(deps, caller, params.eventId, params.memberId, body);
        return getMemberAttendance(deps, caller, params.eventId, params.memberId);
      } },
    { method: 'get', path: '/v1/me/events', tag: 'events', summary: "My groups' and my children's events, between from and to", query: EventWindowQuery, status: 200, response: EventPage,
      handle: (deps, { caller, query }) => listMyEvents(deps, caller, query) },
    { method: 'post', path: '/v1/me/calendar-key', tag: 'events', summary: 'A new secret key for my calendar feed (the old one stops working)', status: 201, response: CalendarKeyResponse,
      handle: async (deps, { caller }) => {
        const key = await rotateCalendarKey(deps, caller);
        return { key, feedPath: `${CALENDAR_FEED_PATH}?key=${key}` };
      } },
]);
