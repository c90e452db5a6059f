import { Router, type Response } from 'express';
import { escapeHtml } from '../../email/render/mini-template.js';
import { UNSUBSCRIBE_PATH } from '../../email/links/email-links.js';
import { verifyUnsubscribeToken } from '../../email/links/unsubscribe-token.js';
import type { ModuleDeps } from '../shared/deps.js';
import { optOutOfNonEssential } from './commands/opt-out-non-essential.js';

/**
 * The link in non-essential emails: public, authenticated by its signed token. GET only shows a
 * confirmation (mail scanners open links); POST unsubscribes, which is also what RFC 8058 one-click
 * unsubscribe (List-Unsubscribe-Post) sends.
 */
export function unsubscribeRouter(deps: Pick<ModuleDeps, 'uow'>, linkSecret: string): Router {
  const router = Router();
  const tokenOf = (query: unknown) => {
    const token = (query as { token?: unknown }).token;
    return typeof token === 'string' && token.length < 2048 ? token : '';
  };
  router.get(UNSUBSCRIBE_PATH, async (req, res) => {
    const token = tokenOf(req.query);
    if (!(await verifyUnsubscribeToken(linkSecret, token))) return page(res, 400, 'This link is not valid', 'It may have been cut off by your mail program. Copy the whole link from the email, or change your email preferences in the app.');
    page(
      res,
      200,
      'Unsubscribe from Touchline notices?',
      'You will still get service messages (cancellations, invitations you were sent), but no reminders or other notices.',
      `<form method="post" action="${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}"><button type="submit">Unsubscribe</button></form>`,
    );
  });
  router.post(UNSUBSCRIBE_PATH, async (req, res) => {
    const target = await verifyUnsubscribeToken(linkSecret, tokenOf(req.query));
    if (!target) return page(res, 400, 'This link is not valid', 'Nothing was changed.');
    await optOutOfNonEssential(deps, target);
    page(res, 200, 'You are unsubscribed', 'Touchline will not send you non-essential notices any more. You can turn them back on in your email preferences.');
  });
  return router;
}

function page(res: Response, status: number, title: string, text: string, extra = ''): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${extra}</body></html>`,
    );
}
