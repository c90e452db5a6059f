import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventWebhookPoster, type WebhookPost } from './event-webhook-poster.js';
import { FailurePlan, type FailureMode } from './failure-plan.js';
import { Inbox, newMessageId, type ReceivedMessage } from './inbox.js';
import { renderInboxPage } from './inbox-page.js';
import { validateMailSend, type SendGridError } from './mail-send-validation.js';
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
  /** Signs and posts events to the Event Webhook URL (tests use it for bounces). */
  postEvents(events: Record<string, unknown>[]): Promise<number | string>;
  signEvents(payload: string, timestamp?: string): Record<string, string>;
  webhookPosts(): WebhookPost[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 30 * 1024 * 1024; // SendGrid's own limit for a Mail Send request
const UNAUTHORIZED: SendGridError[] = [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }];

/**
 * A local server speaking SendGrid's v3 Mail Send API for development and tests: POST /v3/mail/send
 * (202 + X-Message-Id, or SendGrid-shaped 400/401 errors), a dev inbox (GET /, GET|DELETE /messages),
 * control endpoints under /control to make it fail, and signed Event Webhook posts.
 */
export async function startSendGridStandIn(options: SendGridStandInOptions = {}): Promise<SendGridStandIn> {
  const apiKey = options.apiKey ?? `SG.stand-in.${randomBytes(18).toString('base64url')}`;
  const key = await loadOrCreateWebhookKey(options.stateDir);
  const inbox = new Inbox();
  const failures = new FailurePlan();
  const poster = new EventWebhookPoster(key);
  poster.url = options.eventWebhookUrl;
  const hanging = new Set<ServerResponse>();

  const deliverEvents = (made: ReceivedMessage[]) => {
    // Like SendGrid, events arrive a moment after the API answered, in one batch.
    if (poster.url) setTimeout(() => void poster.post(made.flatMap((m) => poster.eventsFor(m))), 20).unref();
  };

  const mailSend = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const failure = failures.take();
    if (failure?.kind === 'hang') return hang(res);
    if (failure?.kind === 'error') return sendErrors(res, failure.status, [{ message: failure.status === 429 ? 'too many requests' : 'Internal server error', field: null, help: null }]);
    if (req.headers.authorization !== `Bearer ${apiKey}`) return sendErrors(res, 401, UNAUTHORIZED);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendErrors(res, 400, [{ message: 'Bad Request', field: null, help: null }]);
    }
    const errors = validateMailSend(body);
    if (errors.length) return sendErrors(res, 400, errors);
    const messageId = newMessageId();
    deliverEvents(inbox.add(body as Record<string, unknown>, messageId));
    if (failure?.kind === 'accept-and-hang') return hang(res);
    res.writeHead(202, { 'X-Message-Id': messageId, 'Content-Length': '0' }).end();
  };

  const hang = (res: ServerResponse) => {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  };

  const control = async (method: string, path: string, raw: Buffer, res: ServerResponse) => {
    const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    if (method === 'POST' && path === '/control/failures') {
      const kind = body.mode ?? 'error';
      const mode: FailureMode = kind === 'error' ? { kind, status: Number(body.status ?? 503) } : { kind };
      failures.set(mode, body.count === undefined ? undefined : Number(body.count));
      return sendJson(res, 200, failures.state());
    }
    if (method === 'DELETE' && path === '/control/failures') {
      reset();
      return sendJson(res, 200, failures.state());
    }
    if (method === 'PUT' && path === '/control/event-webhook') {
      poster.url = body.url || undefined;
      return sendJson(res, 200, { url: poster.url ?? null });
    }
    if (method === 'POST' && path === '/control/events') return sendJson(res, 200, { status: await poster.post(Array.isArray(body) ? body : [body]) });
    if (method === 'GET' && path === '/control/state') return sendJson(res, 200, { failures: failures.state(), eventWebhookUrl: poster.url ?? null, webhookPosts: poster.posts, webhookPublicKey: key.publicKeyBase64 });
    return sendErrors(res, 404, [{ message: 'not found', field: null, help: null }]);
  };

  const reset = () => {
    failures.reset();
    for (const res of hanging) res.destroy();
    hanging.clear();
  };

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then(async (raw) => {
        const method = req.method ?? 'GET';
        const path = (req.url ?? '/').split('?')[0];
        if (method === 'POST' && path === '/v3/mail/send') return mailSend(req, res, raw);
        if (path.startsWith('/control/')) return control(method, path, raw, res);
        if (method === 'GET' && path === '/') {
          const state = failures.state();
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
          return res.end(renderInboxPage(inbox.list(), { failures: state.mode ? `${JSON.stringify(state.mode)} × ${state.remaining ?? '∞'}` : 'none', webhookUrl: poster.url ?? null }));
        }
        if (method === 'GET' && path === '/messages') return sendJson(res, 200, inbox.list());
        if (method === 'DELETE' && path === '/messages') {
          inbox.clear();
          return res.writeHead(204).end();
        }
        const htmlPart = /^\/messages\/([^/]+)\/html$/.exec(path);
        if (method === 'GET' && htmlPart) {
          const message = inbox.get(decodeURIComponent(htmlPart[1]));
          if (!message?.html) return sendErrors(res, 404, [{ message: 'no such message', field: null, help: null }]);
          // Shown inside the inbox page: scripts in an email must not run there.
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:" });
          return res.end(message.html);
        }
        return sendErrors(res, 404, [{ message: 'not found', field: null, help: null }]);
      })
      .catch((error) => {
        if (!res.headersSent) sendErrors(res, (error as { status?: number }).status ?? 400, [{ message: (error as Error).message || 'Bad Request', field: null, help: null }]);
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
    apiKey,
    webhookPublicKey: key.publicKeyBase64,
    messages: () => inbox.list(),
    clear: () => inbox.clear(),
    fail: (mode, count) => failures.set(mode, count),
    reset,
    setEventWebhookUrl: (url) => {
      poster.url = url;
    },
    postEvents: (events) => poster.post(events),
    signEvents: (payload, timestamp) => signEventPayload(key, payload, timestamp),
    webhookPosts: () => [...poster.posts],
    close: () =>
      new Promise<void>((resolve, reject) => {
        reset();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function sendErrors(res: ServerResponse, status: number, errors: SendGridError[]): void {
  sendJson(res, status, { errors });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('The JSON payload you have included in your request is too large.'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
