import type { Em } from '../../db/orm.js';
import { normalizeAddress } from '../email-address.js';
import type { QuietHours } from './quiet-hours.js';

export interface RecipientFacts {
  /** The user's own zone, if they chose one. */
  timeZone: string | null;
  /** False when the user, or anyone holding an unsubscribe link for this address, turned notices off. */
  nonEssentialAllowed: boolean;
  /** Set when SendGrid reported a hard bounce for the address. */
  undeliverableReason: string | null;
}

export interface ClubFacts {
  timeZone: string;
  quietHours: QuietHours | null;
}

/** Everything the worker must know about a recipient before sending, in one query. */
export async function loadRecipientFacts(em: Em, to: { userId?: string; email: string }): Promise<RecipientFacts> {
  const [row] = await em.execute<Array<{ timezone: string | null; non_essential: boolean; undeliverable: string | null; address_opt_out: boolean }>>(
    `select p.timezone,
            coalesce(p.non_essential, true) and f.non_essential_opt_out_at is null as non_essential,
            case when f.undeliverable_at is not null then f.undeliverable_reason end as undeliverable
     from (select 1) as one
     left join email_preferences p on p.user_id = ?
     left join email_address_flags f on f.address = ?`,
    [to.userId ?? null, normalizeAddress(to.email)],
  );
  return { timeZone: row?.timezone ?? null, nonEssentialAllowed: row?.non_essential ?? true, undeliverableReason: row?.undeliverable ?? null };
}

export async function loadClubFacts(em: Em, clubId: string): Promise<ClubFacts | undefined> {
  const [row] = await em.execute<Array<{ timezone: string; start_minute: number | null; end_minute: number | null }>>(
    `select c.timezone, q.start_minute, q.end_minute from clubs c left join club_quiet_hours q on q.club_id = c.id where c.id = ?`,
    [clubId],
  );
  if (!row) return undefined;
  return {
    timeZone: row.timezone,
    quietHours: row.start_minute === null || row.end_minute === null ? null : { startMinute: row.start_minute, endMinute: row.end_minute },
  };
}
