import { SignJWT } from 'jose';
import { CLAIM_NAMESPACE, DEV_SIGNING_ALG } from './dev-issuer-settings.js';
import type { SigningKey } from './signing-key.js';

export interface TokenRequest {
  sub: string;
  email?: string;
  name?: string;
  /** Emitted as `email_verified` (plain and namespaced) when given; tests of invitation acceptance set it. */
  emailVerified?: boolean;
  /** Seconds (may be negative, for tests of expiry) or a duration like '15m', '1h', '7d'. Default 1h. */
  expiresIn?: number | string;
  /** Defaults to the issuer's audience; tests pass another to provoke a wrong-audience 401. */
  audience?: string;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** '90' → 90, '15m' → 900, '1h' → 3600, '-5m' → -300; anything else throws with the accepted forms. */
export function parseDurationSeconds(value: number | string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  const match = /^\s*(-?\d+)\s*([smhd]?)\s*$/i.exec(String(value));
  if (!match) throw new Error(`Invalid duration '${value}': use seconds or a number with s, m, h or d (e.g. 15m, 1h, 7d)`);
  return Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()];
}

/** An RS256 access token shaped like Auth0's: iss, aud, sub, iat, exp, plus email and name (plain and namespaced). */
export async function signAccessToken(key: SigningKey, issuer: string, defaultAudience: string, request: TokenRequest): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { azp: 'touchline-dev' };
  if (request.email !== undefined) {
    claims.email = request.email;
    claims[`${CLAIM_NAMESPACE}email`] = request.email;
  }
  if (request.emailVerified !== undefined) {
    claims.email_verified = request.emailVerified;
    claims[`${CLAIM_NAMESPACE}email_verified`] = request.emailVerified;
  }
  if (request.name !== undefined) {
    claims.name = request.name;
    claims[`${CLAIM_NAMESPACE}name`] = request.name;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_SIGNING_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(request.audience ?? defaultAudience)
    .setSubject(request.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + parseDurationSeconds(request.expiresIn ?? '1h'))
    .sign(key.privateKey);
}
