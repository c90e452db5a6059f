import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventWebhookPoster, type WebhookPost } from './event-webhook-poster.js';
import { FailurePlan, type FailureMode } from './failure-plan.js';
import { error, readBody, sendErrors } from './http-replies.js';
import { Inbox, type ReceivedMessage } from './inbox.js';
import { route, type StandInState } from './stand-in-routes.js';
import { loadOrCreateWebhookKey, signEventPayload } from './webhook-signing-key.js';

export interface SendGridStandInOptions {
  port?: number;
  host?: string;
  /** The API key it accepts; default: a fresh random one. */
  apiKey?: string;
  /** Where its webhook key pair is kept (shared by processes of one checkout); unset → a fresh key. */
  stateDir?: string;
  /** Where it posts signed Event Webhook events; can be set later. */
  eventWebhookUrl?: string;
}

export interface SendGridStandIn {
  /** http://127.0.0.1:<port>/ — the base URL for @sendgrid/client, and the dev inbox page. */
  baseUrl: string;
  apiKey: string;
  /** Base64 SPKI of the key that signs its Event Webhook posts. */
  webhookPublicKey: string;
  messages(): ReceivedMessage[];
  clear(): void;
  /** Misbehave for the next `count` Mail Send requests (all of them until reset when count is unset). */
  fail(mode: FailureMode, count?: number): void;
  reset(): void;
  setEventWebhookUrl(url: string | undefined): void;
  /** Signs and posts events to the Event Webhook URL. */
  postEvents(events: Record<string, unknown>[]): Promise<number | string>;
  signEvents(payload: string, timestamp?: string): Record<string, string>;
  webhookPosts(): WebhookPost[];
  close(): Promise<void>;
}

/**
 * A local server speaking SendGrid's v3 Mail Send API for development and tests: POST /v3/mail/send
 * (202 + X-Message-Id, or SendGrid-shaped 400/401 errors), a dev inbox (GET /, GET|DELETE /messages),
 * control endpoints under /control to make it fail, and signed Event Webhook posts.
 */
export async function startSendGridStandIn(options: SendGridStandInOptions = {}): Promise<SendGridStandIn> {
  const key = await loadOrCreateWebhookKey(options.stateDir);
  const poster = new EventWebhookPoster(key);
  poster.url = options.eventWebhookUrl;
  const state: StandInState = {
    apiKey: options.apiKey ?? `SG.stand-in.${randomBytes(18).toString('base64url')}`,
    webhookPublicKey: key.publicKeyBase64,
    inbox: new Inbox(),
    failures: new FailurePlan(),
    poster,
    hanging: new Set<ServerResponse>(),
    reset: () => {
      state.failures.reset();
      for (const res of state.hanging) res.destroy();
      state.hanging.clear();
    },
  };

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((raw) => route(state, req, res, raw))
      .catch((failure) => {
        if (!res.headersSent) sendErrors(res, (failure as { status?: number }).status ?? 400, [error((failure as Error).message || 'Bad Request')]);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  return {
    baseUrl: `http://${host}:${port}/`,
    apiKey: state.apiKey,
    webhookPublicKey: key.publicKeyBase64,
    messages: () => state.inbox.list(),
    clear: () => state.inbox.clear(),
    fail: (mode, count) => state.failures.set(mode, count),
    reset: state.reset,
    setEventWebhookUrl: (url) => {
      poster.url = url;
    },
    postEvents: (events) => poster.post(events),
    signEvents: (payload, timestamp) => signEventPayload(key, payload, timestamp),
    webhookPosts: () => [...poster.posts],
    close: () =>
      new Promise<void>((resolve, reject) => {
        state.reset();
        server.close((closeError) => (closeError ? reject(closeError) : resolve()));
        server.closeAllConnections();
      }),
  };
}
