import { z } from 'zod';
import { AppError } from '../../http/errors.js';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the last id of the previous page. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9A-Z]{26}$/.test(id)) throw new AppError('validation', "Query 'cursor' is not a cursor this API returned", [{ path: 'cursor', message: 'invalid cursor' }], 'invalid_cursor');
  return id;
}

/** Builds a page from `limit + 1` rows ordered by id. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? Buffer.from(items[items.length - 1].id, 'utf8').toString('base64url') : null;
  return { items, nextCursor };
}
