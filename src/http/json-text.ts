import type { Response } from 'express';

// A response body already serialised as JSON — built by PostgreSQL for pages of records and profiles,
// so the API neither parses every column of every row nor stringifies the page again. The route
// wrapper sends it as is (`application/json`).
export class JsonText {
  constructor(readonly text: string) {}

  /**
   * Answers with this body. What Express's res.send would do for it, without its general work (type
   * lookup, charset parsing, freshness check): we send no ETag or Last-Modified, so no request is fresh.
   */
  sendTo(res: Response, status: number): void {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(this.text));
    res.end(res.req.method === 'HEAD' ? undefined : this.text);
  }
}
