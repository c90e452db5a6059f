import type { RequestHandler } from 'express';
import { auth, type JWTPayload } from 'express-oauth2-jwt-bearer';
import { AppError } from './app-error.js';
import { authErrorToAppError, isAuthLibraryError } from './auth-errors.js';
import type { Caller, TokenIdentity } from './types.js';
import { bearerTokenOf, VerifiedTokenCache } from './verified-token-cache.js';

export interface AuthMiddlewareOptions {
  /** Either `issuerBaseURL` (OpenID discovery, as with an Auth0 tenant) or `issuer` + `jwksUri`. */
  issuerBaseURL?: string;
  issuer?: string;
  jwksUri?: string;
  audience: string | string[];
  /** Maps the verified identity to our user (creating it on first sight). */
  resolveCaller: (identity: TokenIdentity) => Promise<Caller>;
}

const NAMESPACE = 'https://touchline.app/';

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name] ?? payload[`${NAMESPACE}${name}`];
  return typeof value === 'string' ? value : undefined;
}

function booleanClaim(payload: JWTPayload, name: string): boolean | undefined {
  const value = payload[name] ?? payload[`${NAMESPACE}${name}`];
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * Verifies the bearer token (RS256 via JWKS: signature, issuer, audience, expiry) with
 * express-oauth2-jwt-bearer, answers 401 in our error shape when it fails, then resolves the caller.
 * A token verified before is taken from the cache until it expires (verified-token-cache.ts).
 */
export function createAuthMiddleware(options: AuthMiddlewareOptions): RequestHandler {
  const discovery = Boolean(options.issuerBaseURL);
  if (!discovery && !(options.issuer && options.jwksUri)) {
    throw new Error('createAuthMiddleware needs issuerBaseURL, or both issuer and jwksUri');
  }
  // The library falls back to ISSUER_BASE_URL, ISSUER, JWKS_URI, SECRET… from the environment for any
  // option left undefined; empty strings keep a stray variable from changing what we verify against.
  const verify = auth({
    issuerBaseURL: options.issuerBaseURL ?? '',
    issuer: options.issuer ?? '',
    jwksUri: options.jwksUri ?? '',
    secret: '',
    audience: options.audience,
    tokenSigningAlg: 'RS256',
    dpop: { enabled: false },
  });

  const verified = new VerifiedTokenCache();
  const verifyOrRecall: RequestHandler = (req, res, next) => {
    const token = bearerTokenOf(req.headers.authorization);
    const known = token && verified.get(token);
    if (known) {
      req.auth = { payload: known.payload, header: known.header as NonNullable<typeof req.auth>['header'], token: token! };
      next();
      return;
    }
    verify(req, res, (error?: unknown) => {
      if (!error && token && req.auth?.token === token) verified.set(token, req.auth.payload, req.auth.header);
      next(error);
    });
  };

  return (req, res, next) => {
    verifyOrRecall(req, res, (error?: unknown) => {
      if (error) {
        next(isAuthLibraryError(error) ? authErrorToAppError(error) : error);
        return;
      }
      const payload = req.auth?.payload ?? {};
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        next(new AppError('unauthenticated', 'Invalid access token: it names no subject', undefined, 'unauthenticated').withHeaders({ 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' }));
        return;
      }
      const identity: TokenIdentity = { sub: payload.sub, email: stringClaim(payload, 'email'), name: stringClaim(payload, 'name') };
      const emailVerified = booleanClaim(payload, 'email_verified');
      if (emailVerified !== undefined) identity.emailVerified = emailVerified;
      options.resolveCaller(identity).then((caller) => {
        req.caller = caller;
        next();
      }, next);
    });
  };
}
