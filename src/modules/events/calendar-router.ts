import { Router } from 'express';
import { validate } from '../../http/validate.js';
import type { ModuleDeps } from '../shared/deps.js';
import { calendarFeed } from './queries/calendar-feed.js';
import { CalendarFeedQuery } from './schemas.js';

export const CALENDAR_FEED_PATH = '/v1/me/calendar.ics';

/**
 * `GET /v1/me/calendar.ics?key=…`: phone calendars subscribe with a URL and cannot send a token, so the
 * secret key (rotated with `POST /v1/me/calendar-key`) authenticates. Mounted before token authentication.
 */
export function calendarFeedRouter(deps: ModuleDeps): Router {
  const router = Router();
  router.get(CALENDAR_FEED_PATH, validate({ query: CalendarFeedQuery }), async (req, res) => {
    const body = await calendarFeed({ ...deps, authz: deps.authz.forRequest() }, (req.valid.query as CalendarFeedQuery).key);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    // Personal data behind a secret URL: shared caches must not keep it.
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  });
  return router;
}
