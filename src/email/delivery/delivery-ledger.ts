import type { Em } from '../../db/orm.js';

// The `email_deliveries` ledger: one row per email job (our job id), written before and after the
// SendGrid call so that a retried job never sends what an earlier attempt sent.
//   sending    an attempt is calling SendGrid right now, or died while doing so (outcome unknown)
//   unknown    SendGrid did not answer (timeout, reset): it may or may not have accepted the message
//   retryable  SendGrid answered with an error or was unreachable: nothing was accepted, send again
//   sent       SendGrid accepted it (202), or its Event Webhook named this job
//   skipped    decided not to send (opted out, undeliverable address)

export type DeliveryStatus = 'sending' | 'unknown' | 'retryable' | 'sent' | 'skipped';

export interface Delivery {
  jobId: string;
  status: DeliveryStatus;
  attempts: number;
  skipReason: string | null;
  providerMessageId: string | null;
  sendingStartedAt: Date | null;
}

interface Row {
  job_id: string;
  status: DeliveryStatus;
  attempts: number;
  skip_reason: string | null;
  provider_message_id: string | null;
  sending_started_at: Date | string | null; // raw rows: the driver may hand back text
}

const toDelivery = (row: Row): Delivery => ({
  jobId: row.job_id,
  status: row.status,
  attempts: row.attempts,
  skipReason: row.skip_reason,
  providerMessageId: row.provider_message_id,
  sendingStartedAt: row.sending_started_at === null ? null : new Date(row.sending_started_at),
});

export async function findDelivery(em: Em, jobId: string): Promise<Delivery | undefined> {
  const rows = await em.execute<Row[]>(`select job_id, status, attempts, skip_reason, provider_message_id, sending_started_at from email_deliveries where job_id = ?`, [jobId]);
  return rows[0] && toDelivery(rows[0]);
}

/**
 * Marks the job as being sent, committed before SendGrid is called. Optimistic: it succeeds only if the
 * row is still what `previous` saw, so two attempts of one job (a stalled job picked up twice) never
 * both send. Returns false when another attempt got there first.
 */
export async function claimDelivery(em: Em, jobId: string, template: string, previous: Delivery | undefined): Promise<boolean> {
  const rows = previous
    ? await em.execute<Row[]>(
        `update email_deliveries set status = 'sending', attempts = attempts + 1, sending_started_at = now(), last_error = null, updated_at = now()
         where job_id = ? and status = ? and status in ('retryable', 'sending', 'unknown') and attempts = ?
         returning job_id`,
        [jobId, previous.status, previous.attempts],
      )
    : await em.execute<Row[]>(
        `insert into email_deliveries (job_id, template, status, attempts, sending_started_at) values (?, ?, 'sending', 1, now())
         on conflict (job_id) do nothing returning job_id`,
        [jobId, template],
      );
  return rows.length === 1;
}

export async function markSent(em: Em, jobId: string, providerMessageId: string | null): Promise<void> {
  await em.execute(
    `update email_deliveries set status = 'sent', provider_message_id = coalesce(?, provider_message_id), sent_at = coalesce(sent_at, now()), updated_at = now() where job_id = ?`,
    [providerMessageId, jobId],
  );
}

/** SendGrid answered with an error or could not be reached: nothing was accepted. */
export async function markRetryable(em: Em, jobId: string, error: string): Promise<void> {
  await em.execute(`update email_deliveries set status = 'retryable', last_error = ?, updated_at = now() where job_id = ? and status = 'sending'`, [error.slice(0, 1000), jobId]);
}

/** SendGrid may have accepted the message: a retry waits for its events before sending again. */
export async function markUnknown(em: Em, jobId: string, error: string): Promise<void> {
  await em.execute(`update email_deliveries set status = 'unknown', last_error = ?, updated_at = now() where job_id = ? and status = 'sending'`, [error.slice(0, 1000), jobId]);
}

export async function markSkipped(em: Em, jobId: string, template: string, reason: string): Promise<void> {
  await em.execute(
    `insert into email_deliveries (job_id, template, status, skip_reason) values (?, ?, 'skipped', ?)
     on conflict (job_id) do update set status = 'skipped', skip_reason = excluded.skip_reason, updated_at = now()
     where email_deliveries.status not in ('sent', 'skipped')`,
    [jobId, template, reason],
  );
}

/**
 * SendGrid's Event Webhook named this job (our custom arg): SendGrid accepted it, whatever an attempt
 * believed. Settles an unknown outcome, and stops a retry after an error that was not one after all.
 */
export async function recordProviderEvidence(em: Em, jobId: string, event: string, providerMessageId: string | null): Promise<void> {
  await em.execute(
    `update email_deliveries set
       status = case when status in ('sending', 'unknown', 'retryable') then 'sent' else status end,
       sent_at = case when status in ('sending', 'unknown', 'retryable') then coalesce(sent_at, now()) else sent_at end,
       provider_message_id = coalesce(provider_message_id, ?),
       evidence_event = coalesce(evidence_event, ?),
       updated_at = now()
     where job_id = ?`,
    [providerMessageId, event, jobId],
  );
}
