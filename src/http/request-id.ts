import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import './types.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// A caller's id is kept only when it is short and plain: it goes into every log line of the request.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Adopts the caller's X-Request-Id (or makes one), exposes it as `req.id` and echoes it in the response. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get(REQUEST_ID_HEADER);
  const id = incoming && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
};
