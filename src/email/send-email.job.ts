import type { Logger } from 'pino';
import type { Orm } from '../db/orm.js';
import { PermanentJobError } from '../jobs/job-errors.js';
import { findDelivery, markSkipped } from './delivery/delivery-ledger.js';
import { quietHoursEndAfter } from './delivery/quiet-hours.js';
import { loadClubFacts, loadRecipientFacts } from './delivery/recipient-facts.js';
import { sendAndRecord } from './delivery/send-and-record.js';
import { isEventJob, parseEmailJob, type EmailJob } from './email-job-data.js';
import type { EmailLinks } from './links/email-links.js';
import { renderEmail } from './render/render-email.js';
import type { MailSender } from './sendgrid/mail-sender.js';

export interface SendEmailDeps {
  orm: Orm;
  sender: MailSender;
  links: EmailLinks;
  /** How long an attempt whose outcome is unknown waits for SendGrid's events before sending again. */
  unknownOutcomeGraceMs: number;
  logger: Logger;
  now?: () => number;
}

/** One run of an email job, independent of BullMQ (tests run it directly). */
export interface EmailJobRun {
  /** Our job id (the outbox's), not BullMQ's encoding of it. */
  jobId: string;
  data: unknown;
  /** Moves the job to run again at `timestamp` without counting a failed attempt; ends this run by throwing. */
  delayUntil(timestamp: number, reason: string): Promise<never>;
}

export type SendEmailOutcome = { status: 'sent'; messageId: string | null } | { status: 'already-sent' } | { status: 'skipped'; reason: string };

const PREFERENCES_HINT = 'You can turn such notices off in your email preferences.';

/**
 * Sends one email job at most once per job id, as far as SendGrid lets us know (see delivery-ledger.ts):
 * checks the ledger, the recipient's preferences and address, the club's quiet hours, renders the
 * templates in the recipient's zone, then records "sending", calls SendGrid and records the outcome.
 */
export async function sendEmailJob(deps: SendEmailDeps, run: EmailJobRun): Promise<SendEmailOutcome> {
  const parsed = parseEmailJob(run.data);
  if (!parsed.ok) throw new PermanentJobError(`email job ${run.jobId}: ${parsed.problem}`);
  const job = parsed.job;
  const now = deps.now?.() ?? Date.now();
  const em = deps.orm.em.fork();
  const log = deps.logger.child({ jobId: run.jobId, template: job.template });

  const previous = await findDelivery(em, run.jobId);
  if (previous?.status === 'sent') return { status: 'already-sent' };
  if (previous?.status === 'skipped') return { status: 'skipped', reason: previous.skipReason ?? 'skipped' };
  if (previous && (previous.status === 'sending' || previous.status === 'unknown')) {
    // An earlier attempt may have reached SendGrid. Its events (which name this job) settle that; wait
    // for them, and only after the grace period assume nothing went out.
    const waitUntil = (previous.sendingStartedAt?.getTime() ?? 0) + deps.unknownOutcomeGraceMs;
    if (now < waitUntil) await run.delayUntil(waitUntil, 'an earlier attempt may have sent it; waiting for SendGrid events');
    log.warn({ attempts: previous.attempts }, 'no SendGrid event for an earlier attempt whose outcome is unknown; sending again');
  }

  const recipient = await loadRecipientFacts(em, job.to);
  if (recipient.undeliverableReason) return skip(deps, run.jobId, job, 'undeliverable-address');
  if (!job.essential && !recipient.nonEssentialAllowed) return skip(deps, run.jobId, job, 'non-essential-turned-off');

  const club = job.clubId ? await loadClubFacts(em, job.clubId) : undefined;
  if (club?.quietHours && !job.urgent) {
    const quietEnd = quietHoursEndAfter(new Date(now), club.quietHours, club.timeZone);
    // Urgent when waiting is pointless: the event would have started by the time the email arrives.
    const tooLate = quietEnd && isEventJob(job) && Date.parse(job.vars.startsAt) <= quietEnd.getTime();
    if (quietEnd && !tooLate) await run.delayUntil(quietEnd.getTime(), 'club quiet hours');
  }

  const timeZone = recipient.timeZone ?? (isEventJob(job) ? job.vars.clubTimezone : undefined) ?? club?.timeZone ?? 'UTC';
  const unsubscribeTarget = job.to.userId ? { userId: job.to.userId } : { address: job.to.email };
  const unsubscribeUrl = job.essential ? undefined : await deps.links.unsubscribeUrl(unsubscribeTarget);
  const rendered = await renderEmail(job, { timeZone, unsubscribeUrl, preferencesHint: PREFERENCES_HINT }).catch((error) => {
    throw new PermanentJobError(`email job ${run.jobId}: rendering ${job.template} failed: ${(error as Error).message}`, { cause: error });
  });

  const result = await sendAndRecord(em, deps.sender, { jobId: run.jobId, template: job.template, previous }, {
    to: { email: job.to.email, ...(job.to.name ? { name: job.to.name } : {}) },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined,
  });
  if (!result.sent) return { status: 'already-sent' };
  log.info({ messageId: result.messageId }, 'email sent');
  return { status: 'sent', messageId: result.messageId };
}

async function skip(deps: SendEmailDeps, jobId: string, job: EmailJob, reason: string): Promise<SendEmailOutcome> {
  await markSkipped(deps.orm.em.fork(), jobId, job.template, reason);
  deps.logger.info({ jobId, template: job.template, reason }, 'email skipped');
  return { status: 'skipped', reason };
}
