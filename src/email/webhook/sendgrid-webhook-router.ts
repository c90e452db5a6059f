import express, { Router } from 'express';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { UnitOfWork } from '../../db/unit-of-work.js';
import { AppError } from '../../http/errors.js';
import { applySendGridEvents, SendGridEventBatch } from './sendgrid-events.js';
import { verifyEventSignature } from './verify-event-signature.js';

export const SENDGRID_WEBHOOK_PATH = '/v1/webhooks/sendgrid';
const SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
const TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

const unauthenticated = () => new AppError('unauthenticated', 'The Event Webhook signature is missing or does not match', undefined, 'invalid_webhook_signature');

/**
 * POST /v1/webhooks/sendgrid: SendGrid's signed Event Webhook. The signature covers the exact bytes,
 * so the body is read raw and parsed only once verified. 204 when applied (SendGrid retries non-2xx).
 */
export function sendgridWebhookRouter(deps: { uow: UnitOfWork; publicKey: KeyObject | undefined; logger: Logger }): Router {
  const router = Router();
  router.post(SENDGRID_WEBHOOK_PATH, express.raw({ type: () => true, limit: '5mb' }), async (req, res) => {
    if (!deps.publicKey) throw new AppError('unavailable', 'The SendGrid Event Webhook is not configured (SENDGRID_WEBHOOK_PUBLIC_KEY)', undefined, 'webhook_not_configured');
    const signature = req.get(SIGNATURE_HEADER);
    const timestamp = req.get(TIMESTAMP_HEADER);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signature || !timestamp || !verifyEventSignature(deps.publicKey, raw, signature, timestamp)) throw unauthenticated();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('validation', 'The Event Webhook body is not JSON', undefined, 'invalid_json');
    }
    const batch = SendGridEventBatch.safeParse(parsed);
    if (!batch.success) throw new AppError('validation', 'The Event Webhook body must be an array of events, each with email and event', undefined, 'invalid_webhook_events');
    const applied = await deps.uow.run({ command: 'apply-sendgrid-events', reason: 'SendGrid Event Webhook' }, (em) => applySendGridEvents(em, batch.data));
    deps.logger.info({ events: batch.data.length, ...applied }, 'SendGrid events applied');
    res.status(204).end();
  });
  return router;
}
