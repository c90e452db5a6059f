import type { EmailSettings } from '../../config/index.js';
import { signUnsubscribeToken, type UnsubscribeTarget } from './unsubscribe-token.js';

/** Path of the public unsubscribe page (GET shows a confirmation, POST unsubscribes: RFC 8058 one-click). */
export const UNSUBSCRIBE_PATH = '/v1/email/unsubscribe';

// Only used outside production (the config refuses production without EMAIL_LINK_SECRET). A fixed value,
// so links stay valid across restarts and between the api and workers processes of one checkout.
const DEVELOPMENT_LINK_SECRET = 'touchline-development-email-link-secret-not-for-production';

export interface EmailLinks {
  /** Where links in emails point (PUBLIC_BASE_URL, or this machine in development). */
  baseUrl: string;
  secret: string;
  unsubscribeUrl(target: UnsubscribeTarget): Promise<string>;
}

export function emailLinks(settings: EmailSettings, port: number): EmailLinks {
  const secret = settings.linkSecret ?? DEVELOPMENT_LINK_SECRET;
  const base = settings.publicBaseUrl ?? `http://localhost:${port || 3000}`;
  return {
    baseUrl: base,
    secret,
    unsubscribeUrl: async (target) => `${base}${UNSUBSCRIBE_PATH}?token=${await signUnsubscribeToken(secret, target)}`,
  };
}
