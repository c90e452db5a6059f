import { randomBytes } from 'node:crypto';

/** One email as the stand-in received it: one per personalization, as SendGrid would deliver it. */
export interface ReceivedMessage {
  /** Unique per stored email. */
  id: string;
  /** The X-Message-Id of the request that carried it (SendGrid's sg_message_id starts with it). */
  messageId: string;
  receivedAt: string;
  from: { email: string; name?: string };
  to: Array<{ email: string; name?: string }>;
  subject: string;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  customArgs: Record<string, string>;
}

type Json = Record<string, any>;

const MAX_KEPT = 1000;

/** What the stand-in received, newest last; bounded so a long dev session does not grow forever. */
export class Inbox {
  private readonly messages: ReceivedMessage[] = [];

  /** Stores an accepted Mail Send body; returns the emails it made. */
  add(body: Json, messageId: string): ReceivedMessage[] {
    const content = (body.content ?? []) as Array<{ type: string; value: string }>;
    const made = (body.personalizations as Json[]).map((p, i) => ({
      id: i === 0 ? messageId : `${messageId}-${i}`,
      messageId,
      receivedAt: new Date().toISOString(),
      from: body.from,
      to: p.to,
      subject: p.subject ?? body.subject ?? '',
      text: content.find((c) => c.type === 'text/plain')?.value ?? null,
      html: content.find((c) => c.type === 'text/html')?.value ?? null,
      headers: { ...(body.headers ?? {}), ...(p.headers ?? {}) },
      customArgs: { ...(body.custom_args ?? {}), ...(p.custom_args ?? {}) },
    }));
    this.messages.push(...made);
    if (this.messages.length > MAX_KEPT) this.messages.splice(0, this.messages.length - MAX_KEPT);
    return made;
  }

  list(): ReceivedMessage[] {
    return [...this.messages];
  }

  get(id: string): ReceivedMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages.length = 0;
  }
}

/** Looks like SendGrid's X-Message-Id (22 URL-safe characters). */
export function newMessageId(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}
