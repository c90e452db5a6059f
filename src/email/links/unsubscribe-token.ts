import { jwtVerify, SignJWT } from 'jose';

// Unsubscribe links carry a signed token instead of requiring a login: the link must work from any mail
// client, and only someone holding the email can have it. It names a user, or (for people without an
// account) the address itself; it never expires, as links in old emails should keep working.

const AUDIENCE = 'touchline:unsubscribe';
const ISSUER = 'touchline';

export type UnsubscribeTarget = { userId: string } | { address: string };

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signUnsubscribeToken(secret: string, target: UnsubscribeTarget): Promise<string> {
  const claims = 'userId' in target ? { uid: target.userId } : { addr: target.address };
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().sign(keyOf(secret));
}

/** The target of a valid token; undefined for anything forged, altered or malformed. */
export async function verifyUnsubscribeToken(secret: string, token: string): Promise<UnsubscribeTarget | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload.uid === 'string' && payload.uid) return { userId: payload.uid };
    if (typeof payload.addr === 'string' && payload.addr) return { address: payload.addr };
    return undefined;
  } catch {
    return undefined;
  }
}
