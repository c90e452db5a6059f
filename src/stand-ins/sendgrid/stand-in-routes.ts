import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventWebhookPoster } from './event-webhook-poster.js';
import type { FailureMode, FailurePlan } from './failure-plan.js';
import { error, sendErrors, sendJson } from './http-replies.js';
import { newMessageId, type Inbox, type ReceivedMessage } from './inbox.js';
import { renderInboxPage } from './inbox-page.js';
import { validateMailSend } from './mail-send-validation.js';

/** What the stand-in holds while it runs. */
export interface StandInState {
  apiKey: string;
  webhookPublicKey: string;
  inbox: Inbox;
  failures: FailurePlan;
  poster: EventWebhookPoster;
  /** Requests held open on purpose (hang modes); reset ends them. */
  hanging: Set<ServerResponse>;
  reset(): void;
}

const UNAUTHORIZED = [error('The provided authorization grant is invalid, expired, or revoked')];

/** Routes one request: the Mail Send API, the dev inbox, and the /control endpoints tests drive. */
export async function route(state: StandInState, req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
  const method = req.method ?? 'GET';
  const path = (req.url ?? '/').split('?')[0];
  if (method === 'POST' && path === '/v3/mail/send') return mailSend(state, req, res, raw);
  if (path.startsWith('/control/')) return control(state, method, path, raw, res);
  if (method === 'GET' && path === '/') {
    const failures = state.failures.state();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(renderInboxPage(state.inbox.list(), { failures: failures.mode ? `${JSON.stringify(failures.mode)} × ${failures.remaining ?? '∞'}` : 'none', webhookUrl: state.poster.url ?? null }));
    return;
  }
  if (method === 'GET' && path === '/messages') return sendJson(res, 200, state.inbox.list());
  if (method === 'DELETE' && path === '/messages') {
    state.inbox.clear();
    res.writeHead(204).end();
    return;
  }
  const htmlPart = /^\/messages\/([^/]+)\/html$/.exec(path);
  if (method === 'GET' && htmlPart) {
    const message = state.inbox.get(decodeURIComponent(htmlPart[1]));
    if (!message?.html) return sendErrors(res, 404, [error('no such message')]);
    // Shown inside the inbox page: scripts in an email must not run there.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:" });
    res.end(message.html);
    return;
  }
  sendErrors(res, 404, [error('not found')]);
}

function mailSend(state: StandInState, req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
  const failure = state.failures.take();
  if (failure?.kind === 'hang') return hang(state, res);
  if (failure?.kind === 'error') return sendErrors(res, failure.status, [error(failure.status === 429 ? 'too many requests' : 'Internal server error')]);
  if (req.headers.authorization !== `Bearer ${state.apiKey}`) return sendErrors(res, 401, UNAUTHORIZED);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return sendErrors(res, 400, [error('Bad Request')]);
  }
  const errors = validateMailSend(body);
  if (errors.length) return sendErrors(res, 400, errors);
  const messageId = newMessageId();
  deliverEvents(state, state.inbox.add(body as Record<string, unknown>, messageId));
  if (failure?.kind === 'accept-and-hang') return hang(state, res);
  res.writeHead(202, { 'X-Message-Id': messageId, 'Content-Length': '0' }).end();
}

function deliverEvents(state: StandInState, made: ReceivedMessage[]): void {
  // Like SendGrid, events arrive a moment after the API answered, in one batch.
  if (state.poster.url) setTimeout(() => void state.poster.post(made.flatMap((m) => state.poster.eventsFor(m))), 20).unref();
}

function hang(state: StandInState, res: ServerResponse): void {
  state.hanging.add(res);
  res.on('close', () => state.hanging.delete(res));
}

async function control(state: StandInState, method: string, path: string, raw: Buffer, res: ServerResponse): Promise<void> {
  const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
  if (method === 'POST' && path === '/control/failures') {
    const kind = body.mode ?? 'error';
    if (!['error', 'hang', 'accept-and-hang'].includes(kind)) return sendErrors(res, 400, [error("mode must be 'error', 'hang' or 'accept-and-hang'")]);
    const mode: FailureMode = kind === 'error' ? { kind, status: Number(body.status ?? 503) } : { kind };
    state.failures.set(mode, body.count === undefined ? undefined : Number(body.count));
    return sendJson(res, 200, state.failures.state());
  }
  if (method === 'DELETE' && path === '/control/failures') {
    state.reset();
    return sendJson(res, 200, state.failures.state());
  }
  if (method === 'PUT' && path === '/control/event-webhook') {
    state.poster.url = body.url || undefined;
    return sendJson(res, 200, { url: state.poster.url ?? null });
  }
  if (method === 'POST' && path === '/control/events') return sendJson(res, 200, { status: await state.poster.post(Array.isArray(body) ? body : [body]) });
  if (method === 'GET' && path === '/control/state') {
    return sendJson(res, 200, { failures: state.failures.state(), eventWebhookUrl: state.poster.url ?? null, webhookPosts: state.poster.posts, webhookPublicKey: state.webhookPublicKey });
  }
  sendErrors(res, 404, [error('not found')]);
}
