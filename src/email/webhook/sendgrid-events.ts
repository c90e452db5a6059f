import { z } from 'zod';
import type { Em } from '../../db/orm.js';
import { recordProviderEvidence } from '../delivery/delivery-ledger.js';
import { normalizeAddress } from '../email-address.js';
import { JOB_ID_ARG } from '../sendgrid/custom-args.js';

// One Event Webhook post is a JSON array of events; only the fields we act on are read, the rest pass.
const SendGridEvent = z.looseObject({
  email: z.string(),
  event: z.string(),
  type: z.string().optional(),
  reason: z.string().optional(),
  sg_message_id: z.string().optional(),
  [JOB_ID_ARG]: z.string().optional(),
});
export const SendGridEventBatch = z.array(SendGridEvent).max(10_000);
export type SendGridEvent = z.infer<typeof SendGridEvent>;

/** A hard bounce: a `bounce` of type bounce (a `blocked` one is soft), or a drop because the address bounced before. */
export function hardBounceReason(event: SendGridEvent): string | undefined {
  if (event.event === 'bounce' && (event.type ?? 'bounce') === 'bounce') return 'bounce';
  if (event.event === 'dropped' && /bounced address/i.test(event.reason ?? '')) return 'dropped: bounced address';
  return undefined;
}

// Every event names a message SendGrid accepted (processed, delivered, bounce, dropped, open…).
const EVIDENCE_EVENTS = new Set(['processed', 'deferred', 'delivered', 'bounce', 'dropped', 'open', 'click', 'spamreport', 'unsubscribe', 'group_unsubscribe', 'group_resubscribe']);

/** Applies one verified batch: hard bounces mark addresses undeliverable; events naming our jobs settle their delivery. */
export async function applySendGridEvents(em: Em, events: SendGridEvent[]): Promise<{ undeliverable: number; evidence: number }> {
  let undeliverable = 0;
  let evidence = 0;
  for (const event of events) {
    const reason = hardBounceReason(event);
    if (reason) {
      await em.execute(
        `insert into email_address_flags (address, undeliverable_reason, undeliverable_at) values (?, ?, now())
         on conflict (address) do update set undeliverable_reason = excluded.undeliverable_reason, undeliverable_at = coalesce(email_address_flags.undeliverable_at, now()), updated_at = now()`,
        [normalizeAddress(event.email), reason],
      );
      undeliverable++;
    }
    const jobId = event[JOB_ID_ARG];
    if (jobId && EVIDENCE_EVENTS.has(event.event)) {
      await recordProviderEvidence(em, jobId, event.event, event.sg_message_id?.split('.')[0] ?? null);
      evidence++;
    }
  }
  return { undeliverable, evidence };
}
