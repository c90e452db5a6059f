import { randomBytes } from 'node:crypto';
import type { ReceivedMessage } from './inbox.js';
import { signEventPayload, type WebhookSigningKey } from './webhook-signing-key.js';

export interface WebhookPost {
  at: string;
  events: number;
  status: number | string;
}

/** A recipient like `anna+bounce@…` or anyone `@bounce.test` hard-bounces, so a bounce can be tried by hand. */
export function bouncesFor(address: string): boolean {
  return /\+bounce@/i.test(address) || /@bounce\.test$/i.test(address);
}

/**
 * Posts signed Event Webhook batches like SendGrid: `processed` once a message is accepted, then
 * `delivered` (or a hard `bounce`), each carrying the message's custom args as top-level fields.
 */
export class EventWebhookPoster {
  url: string | undefined;
  readonly posts: WebhookPost[] = [];

  constructor(private readonly key: WebhookSigningKey) {}

  eventsFor(message: ReceivedMessage): Record<string, unknown>[] {
    const timestamp = Math.floor(Date.now() / 1000);
    return message.to.flatMap((recipient, n) => {
      const base = {
        email: recipient.email,
        timestamp,
        'smtp-id': `<${message.messageId}@touchline.stand-in>`,
        sg_message_id: `${message.messageId}.filter0001.${n}.0`,
        ...message.customArgs,
      };
      const outcome = bouncesFor(recipient.email)
        ? { event: 'bounce', type: 'bounce', status: '5.1.1', reason: '550 5.1.1 The email account that you tried to reach does not exist.' }
        : { event: 'delivered', response: '250 OK' };
      return [
        { ...base, event: 'processed', sg_event_id: eventId() },
        { ...base, ...outcome, sg_event_id: eventId() },
      ];
    });
  }

  /** Signs and posts one batch; resolves with the HTTP status (or the network error's code). */
  async post(events: Record<string, unknown>[]): Promise<number | string> {
    if (!this.url) return 'no webhook url';
    const payload = JSON.stringify(events);
    let status: number | string;
    try {
      const response = await fetch(this.url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...signEventPayload(this.key, payload) }, body: payload, signal: AbortSignal.timeout(5000) });
      status = response.status;
    } catch (error) {
      status = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    }
    this.posts.push({ at: new Date().toISOString(), events: events.length, status });
    if (this.posts.length > 200) this.posts.shift();
    return status;
  }
}

function eventId(): string {
  return randomBytes(16).toString('base64url');
}
