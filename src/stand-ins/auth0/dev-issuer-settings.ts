import { fileURLToPath } from 'node:url';

/**
 * The issuer every dev token names. Fixed (not the loopback URL) so that tokens printed by
 * `npm run token` stay valid whichever port the running API's issuer happens to get.
 */
export const DEV_ISSUER = 'https://dev-issuer.touchline.local/';
export const DEV_SIGNING_ALG = 'RS256';

// Auth0 puts non-standard claims under a namespace; our tokens carry both forms, like a tenant whose
// Action adds them, so resolveCaller works against either.
export const CLAIM_NAMESPACE = 'https://touchline.app/';

/** Where the dev signing key lives: inside the checkout, under a folder git already ignores. */
export function defaultDevIssuerStateDir(): string {
  return fileURLToPath(new URL('../../../node_modules/.cache/touchline/', import.meta.url));
}
