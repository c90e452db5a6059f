import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers, set on every response. With our options every one of them is the same for every
 * request, so helmet runs once, against a stand-in response, and each request gets the headers it wrote
 * with one call instead of a dozen middleware steps. Should helmet ever look at the request or answer
 * asynchronously, this falls back to running it per request.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const perRequest = helmet(options);
  const headers = new Map<string, string | number | readonly string[]>();
  const removed: string[] = [];
  let calledNext = false;
  let touchedRequest = false;
  const request = new Proxy({}, { get: () => { touchedRequest = true; return undefined; } });
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.set(name, value),
    removeHeader: (name: string) => void removed.push(name),
  };
  perRequest(request as never, response as never, () => (calledNext = true));
  if (!calledNext || touchedRequest || headers.size === 0) return perRequest;
  return (_req, res, next) => {
    res.setHeaders(headers);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
