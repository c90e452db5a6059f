import type { RequestHandler } from 'express';

/** The JSON answer for a path no route serves (after authentication, so /v1 paths are not probed for free). */
export const routeNotFound: RequestHandler = (req, res) => {
  res.locals.routeNotFound = true;
  res.status(404).json({ error: { code: 'route_not_found', message: `No route for ${req.method} ${req.path}` } });
};
