import type { Caller, ModuleDeps } from '../../shared/deps.js';
import type { EmailPreferencesBody } from '../schemas.js';

/** Replaces the caller's email preferences; returns their user id. Everyone may set their own. */
export async function updateEmailPreferences(deps: ModuleDeps, caller: Caller, body: EmailPreferencesBody): Promise<string> {
  return deps.uow.run({ command: 'update-email-preferences', actorId: caller.userId }, async (em) => {
    await em.execute(
      `insert into email_preferences (user_id, timezone, non_essential) values (?, ?, ?)
       on conflict (user_id) do update set timezone = excluded.timezone, non_essential = excluded.non_essential, updated_at = now()`,
      [caller.userId, body.timezone ?? null, body.nonEssential],
    );
    return caller.userId;
  });
}
