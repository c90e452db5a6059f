import { createHash, randomBytes } from 'node:crypto';
import type { Caller, ModuleDeps } from '../../shared/deps.js';

export const hashCalendarKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * A new secret for the caller's own calendar feed; the previous one stops working at once. Nothing to
 * authorise: a user may always manage their own feed. Only the hash is stored; the key is shown once.
 */
export async function rotateCalendarKey(deps: ModuleDeps, caller: Caller): Promise<string> {
  const key = randomBytes(32).toString('base64url');
  await deps.uow.run({ command: 'rotate-calendar-key', actorId: caller.userId }, async (em) => {
    await em.execute(
      `insert into calendar_keys (user_id, key_hash) values (?, ?)
       on conflict (user_id) do update set key_hash = excluded.key_hash, created_at = now()`,
      [caller.userId, hashCalendarKey(key)],
    );
  });
  return key;
}
