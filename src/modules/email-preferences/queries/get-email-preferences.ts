import type { Caller, ModuleDeps } from '../../shared/deps.js';
import type { EmailPreferencesResponse } from '../schemas.js';

/** The caller's email preferences (defaults when never set: the club's zone, notices on). */
export async function getEmailPreferences(deps: ModuleDeps, caller: Caller): Promise<EmailPreferencesResponse> {
  const [row] = await deps.uow.reader().execute<Array<{ timezone: string | null; non_essential: boolean }>>(
    `select timezone, non_essential from email_preferences where user_id = ?`,
    [caller.userId],
  );
  return { timezone: row?.timezone ?? null, nonEssential: row?.non_essential ?? true };
}
