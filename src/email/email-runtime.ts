import type { KeyObject } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ConfigError, type Config, type EmailSettings } from '../config/index.js';
import type { Orm } from '../db/orm.js';
import { PgJobOutbox } from '../jobs/job-outbox.js';
import { JobQueues } from '../jobs/job-queues.js';
import { startSendGridStandIn, type SendGridStandIn } from '../stand-ins/sendgrid/sendgrid-stand-in.js';
import { emailLinks, type EmailLinks } from './links/email-links.js';
import { createSendGridSender, type MailSender } from './sendgrid/mail-sender.js';
import { parseWebhookPublicKey } from './webhook/verify-event-signature.js';

/** Everything email delivery needs in one process: queues and outbox, the sender, links, webhook key. */
export interface EmailRuntime {
  settings: EmailSettings;
  /** The local SendGrid stand-in, when SENDGRID_API_KEY is unset (development and tests). */
  standIn?: SendGridStandIn;
  queues: JobQueues;
  outbox: PgJobOutbox;
  sender: MailSender;
  links: EmailLinks;
  /** Verifies the Event Webhook; undefined → the webhook answers 503. */
  webhookPublicKey?: KeyObject;
  close(): Promise<void>;
}

export async function startEmailRuntime(
  config: Config,
  settings: EmailSettings,
  parts: { orm: Orm; redis: Redis; logger: Logger; standInStateDir?: string },
): Promise<EmailRuntime> {
  // With no API key, the same code talks to a local stand-in instead (never in production: see config).
  const standIn = settings.sendgrid.apiKey ? undefined : await startSendGridStandIn({ stateDir: parts.standInStateDir });
  try {
    const sender = createSendGridSender({
      apiKey: standIn?.apiKey ?? settings.sendgrid.apiKey!,
      apiBaseUrl: standIn?.baseUrl ?? settings.sendgrid.apiBaseUrl,
      timeoutMs: settings.sendgrid.timeoutMs,
      from: settings.from,
    });
    const publicKeyText = settings.sendgrid.webhookPublicKey ?? standIn?.webhookPublicKey;
    const queues = new JobQueues({
      connection: parts.redis,
      prefix: settings.queues.prefix,
      retry: { email: { attempts: settings.delivery.maxAttempts, backoffMs: settings.delivery.backoffMs } },
    });
    return {
      settings,
      standIn,
      queues,
      outbox: new PgJobOutbox(parts.orm, queues, parts.logger.child({ part: 'job-outbox' })),
      sender,
      links: emailLinks(settings, config.port),
      webhookPublicKey: publicKeyText ? webhookKey(publicKeyText) : undefined,
      close: async () => {
        await queues.close();
        await standIn?.close();
      },
    };
  } catch (error) {
    await standIn?.close();
    throw error;
  }
}

function webhookKey(text: string): KeyObject {
  try {
    return parseWebhookPublicKey(text);
  } catch {
    throw new ConfigError(['SENDGRID_WEBHOOK_PUBLIC_KEY must be the Event Webhook verification key (base64 SPKI as SendGrid shows it, or PEM)']);
  }
}
