import type { Em } from '../../db/orm.js';
import { PermanentJobError } from '../../jobs/job-errors.js';
import { JOB_ID_ARG } from '../sendgrid/custom-args.js';
import type { MailSender, OutgoingEmail } from '../sendgrid/mail-sender.js';
import { classifySendFailure } from '../sendgrid/send-failure.js';
import { claimDelivery, findDelivery, markRetryable, markSent, markUnknown, type Delivery } from './delivery-ledger.js';

/**
 * The send itself, bracketed by the ledger: "sending" is committed before SendGrid is called, the
 * outcome right after it answers. Resolves with SendGrid's message id, or null when another attempt
 * had already sent it.
 */
export async function sendAndRecord(
  em: Em,
  sender: MailSender,
  delivery: { jobId: string; template: string; previous: Delivery | undefined },
  email: Omit<OutgoingEmail, 'customArgs'>,
): Promise<{ sent: true; messageId: string | null } | { sent: false }> {
  const { jobId } = delivery;
  if (!(await claimDelivery(em, jobId, delivery.template, delivery.previous))) {
    const current = await findDelivery(em, jobId);
    if (current?.status === 'sent') return { sent: false };
    throw new Error(`email job ${jobId}: another attempt is sending it (${current?.status ?? 'gone'})`);
  }
  let messageId: string | null;
  try {
    ({ messageId } = await sender.send({ ...email, customArgs: { [JOB_ID_ARG]: jobId } }));
  } catch (error) {
    const failure = classifySendFailure(error);
    if (failure.kind === 'unknown') await markUnknown(em, jobId, failure.summary);
    else await markRetryable(em, jobId, failure.summary);
    if (failure.kind === 'invalid') throw new PermanentJobError(`email job ${jobId}: ${failure.summary}`, { cause: error });
    throw Object.assign(new Error(`email job ${jobId}: ${failure.summary}`), { cause: error });
  }
  // If this process dies right here, the ledger says "sending": the retry waits for SendGrid's events.
  await markSent(em, jobId, messageId);
  return { sent: true, messageId };
}
