import type { UnsubscribeTarget } from '../../../email/links/unsubscribe-token.js';
import { normalizeAddress } from '../../../email/email-address.js';
import type { ModuleDeps } from '../../shared/deps.js';

/**
 * Turns non-essential notices off for whoever an unsubscribe link names: a user (their preference),
 * or an address without an account. Idempotent; a link naming a deleted user changes nothing.
 */
export async function optOutOfNonEssential(deps: Pick<ModuleDeps, 'uow'>, target: UnsubscribeTarget): Promise<void> {
  await deps.uow.run({ command: 'opt-out-non-essential', reason: 'unsubscribe link' }, async (em) => {
    if ('userId' in target) {
      await em.execute(
        `insert into email_preferences (user_id, non_essential) select id, false from users where id = ?
         on conflict (user_id) do update set non_essential = false, updated_at = now()`,
        [target.userId],
      );
    } else {
      await em.execute(
        `insert into email_address_flags (address, non_essential_opt_out_at) values (?, now())
         on conflict (address) do update set non_essential_opt_out_at = coalesce(email_address_flags.non_essential_opt_out_at, now()), updated_at = now()`,
        [normalizeAddress(target.address)],
      );
    }
  });
}
