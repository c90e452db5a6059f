import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';

export interface OutgoingEmail {
  to: { email: string; name?: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Echoed by SendGrid in every Event Webhook event about this message. */
  customArgs?: Record<string, string>;
}

export interface MailSender {
  /** Resolves once SendGrid accepted the message (202), with its X-Message-Id. */
  send(email: OutgoingEmail): Promise<{ messageId: string | null }>;
}

export interface SendGridSenderOptions {
  apiKey: string;
  /** The SendGrid stand-in's URL in development and tests; unset → SendGrid itself. */
  apiBaseUrl?: string;
  timeoutMs: number;
  from: { email: string; name: string };
}

/** Sends through `@sendgrid/mail`, with a client of its own (the package's default one is process-wide). */
export function createSendGridSender(options: SendGridSenderOptions): MailSender {
  const client = new Client();
  client.setApiKey(options.apiKey);
  // setApiKey resets baseUrl to api.sendgrid.com, so the override must come after it.
  if (options.apiBaseUrl) client.setDefaultRequest('baseUrl', options.apiBaseUrl.endsWith('/') ? options.apiBaseUrl : `${options.apiBaseUrl}/`);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(options.timeoutMs);
  return {
    send: async (email) => {
      const [response] = await mail.send({
        to: email.to,
        from: options.from,
        subject: email.subject,
        // text/plain first: SendGrid requires that order when both are present.
        content: [
          { type: 'text/plain', value: email.text },
          { type: 'text/html', value: email.html },
        ],
        headers: email.headers,
        customArgs: email.customArgs,
      });
      const header = response.headers['x-message-id'];
      return { messageId: typeof header === 'string' ? header : null };
    },
  };
}
