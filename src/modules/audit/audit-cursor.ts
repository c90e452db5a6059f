import { invalidAuditCursor } from './errors.js';

/** Audit lists page by a position (a sequence number, a row id, an object id), opaque to clients. */
export const encodeAuditCursor = (position: string): string => Buffer.from(position, 'utf8').toString('base64url');

export function decodeAuditCursor(cursor: string | undefined, shape: RegExp): string | undefined {
  if (!cursor) return undefined;
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!shape.test(position)) throw invalidAuditCursor();
  return position;
}

/** Page of `limit` from `limit + 1` rows: the cursor names the last row shown. */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeAuditCursor(positionOf(items[items.length - 1])) : null };
}
