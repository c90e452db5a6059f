// Verifying an RS256 signature is the costliest step of an authenticated request that is otherwise
// cheap. A frontend sends the same access token on every request until it expires, so the result of
// one full verification (express-oauth2-jwt-bearer: signature, issuer, audience, expiry) is kept for
// that exact token string, never past its `exp` and never longer than MAX_AGE_MS (so a signing key
// withdrawn from the JWKS stops being honoured within that time). Bounded: the oldest entry goes first.
import type { JWTPayload } from 'express-oauth2-jwt-bearer';

const MAX_ENTRIES = 10_000;
const MAX_AGE_MS = 5 * 60_000;

interface Entry {
  payload: JWTPayload;
  header: Record<string, unknown>;
  until: number;
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  get(token: string): Entry | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, payload: JWTPayload, header: Record<string, unknown>): void {
    const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
    const until = Math.min(expiresAt, this.now() + MAX_AGE_MS);
    if (until <= this.now()) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { payload, header, until });
  }
}

/** The bearer token of an `Authorization: Bearer …` header, if that is how the request carries one. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = authorization && /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i.exec(authorization);
  return match ? match[1] : undefined;
}
