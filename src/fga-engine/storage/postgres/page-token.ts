// Keyset continuation tokens of the PostgreSQL datastore, built on the shared token format
// (../tokens.ts): the sort key of the last row returned plus a fingerprint of the query it belongs
// to, so a token replayed against a different filter is rejected instead of silently skipping rows.
import { createHash } from 'node:crypto';
import { fgaErrors } from '../../errors.js';
import type { TokenKind } from '../tokens.js';
import { decodeContinuationToken, encodeContinuationToken } from '../tokens.js';

// A short digest keeps tokens small however long the filter values are.
function fingerprint(query: string): string {
  return createHash('sha1').update(query).digest('base64url').slice(0, 12);
}

export function encodePageToken(kind: TokenKind, query: string, key: string[], extra: Record<string, string> = {}): string {
  return encodeContinuationToken(kind, { ...extra, q: fingerprint(query), after: JSON.stringify(key) });
}

/** Returns the sort key, or throws invalid_continuation_token. */
export function decodePageToken(kind: TokenKind, token: string, query: string, keyLength: number): string[] {
  const { q, after } = decodeContinuationToken(token, kind, { q: 'string', after: 'string' });
  if (q !== fingerprint(query)) throw fgaErrors.invalidContinuationToken();
  let key: unknown;
  try {
    key = JSON.parse(after);
  } catch {
    throw fgaErrors.invalidContinuationToken();
  }
  if (!Array.isArray(key) || key.length !== keyLength || !key.every((v) => typeof v === 'string')) {
    throw fgaErrors.invalidContinuationToken();
  }
  return key as string[];
}
