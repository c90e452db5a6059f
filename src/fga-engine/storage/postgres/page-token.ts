// Keyset continuation tokens of the PostgreSQL datastore: base64url JSON carrying the sort key of the
// last row returned and a fingerprint of the query it belongs to, so a token replayed against a
// different filter is rejected instead of silently skipping rows.
import { createHash } from 'node:crypto';
import { fgaErrors } from '../../errors.js';

interface TokenBody {
  /** Which query (and filter) the token continues. */
  q: string;
  /** Sort key of the last row returned. */
  k: string[];
}

export function encodePageToken(query: string, key: string[]): string {
  const body: TokenBody = { q: fingerprint(query), k: key };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

// A short digest keeps tokens small however long the filter values are.
function fingerprint(query: string): string {
  return createHash('sha1').update(query).digest('base64url').slice(0, 12);
}

/** Returns the sort key, or throws invalid_continuation_token. */
export function decodePageToken(token: string, query: string, keyLength: number): string[] {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw fgaErrors.invalidContinuationToken();
  }
  const b = body as Partial<TokenBody> | null;
  const valid =
    !!b && b.q === fingerprint(query) && Array.isArray(b.k) && b.k.length === keyLength && b.k.every((v) => typeof v === 'string');
  if (!valid) throw fgaErrors.invalidContinuationToken();
  return b!.k as string[];
}
