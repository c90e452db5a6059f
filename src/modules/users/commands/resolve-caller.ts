import { ulid } from 'ulid';
import type { UnitOfWork } from '../../../db/unit-of-work.js';
import type { Caller } from '../../shared/deps.js';
import { User } from '../entities.js';
import type { IdentityClaims } from '../schemas.js';

const KNOWN_CALLERS_MAX = 10_000;

/**
 * Maps a verified token to our user, creating the user record on the first authenticated request
 * and refreshing email/name when the identity provider's claims change. Cached per process because
 * a user's id never changes for a subject.
 */
export function createCallerResolver(uow: UnitOfWork): (claims: IdentityClaims) => Promise<Caller> {
  const known = new Map<string, Caller>();
  return async (claims) => {
    const email = claims.email ?? '';
    const name = claims.name ?? '';
    const emailVerified = claims.emailVerified === true;
    const cached = known.get(claims.sub);
    if (cached && cached.email === email && cached.name === name && cached.emailVerified === emailVerified) return cached;
    const em = uow.reader();
    await em.getConnection().execute(
      `insert into users (id, auth_subject, email, name) values (?, ?, ?, ?)
       on conflict (auth_subject) do update set email = excluded.email, name = excluded.name, updated_at = now()
       where users.email is distinct from excluded.email or users.name is distinct from excluded.name`,
      [ulid(), claims.sub, email, name],
    );
    const user = await em.findOneOrFail(User, { authSubject: claims.sub });
    const caller: Caller = { userId: user.id, sub: claims.sub, email: user.email, name: user.name, emailVerified };
    if (known.size >= KNOWN_CALLERS_MAX) known.clear();
    known.set(claims.sub, caller);
    return caller;
  };
}
