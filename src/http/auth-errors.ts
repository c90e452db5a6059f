import { InsufficientScopeError, UnauthorizedError } from 'express-oauth2-jwt-bearer';
import { AppError } from './app-error.js';

export function isAuthLibraryError(err: unknown): err is UnauthorizedError {
  return err instanceof UnauthorizedError;
}

/**
 * express-oauth2-jwt-bearer's errors as our body. Every credential problem (missing, malformed, bad
 * signature, wrong issuer or audience, expired) is a 401 `unauthenticated`; its WWW-Authenticate
 * challenge is kept so clients know why. Missing scopes stay a 403.
 */
export function authErrorToAppError(err: UnauthorizedError): AppError {
  const challenge = err.headers?.['WWW-Authenticate'] ?? 'Bearer realm="api"';
  if (err instanceof InsufficientScopeError) {
    return new AppError('forbidden', 'The access token lacks a required scope', undefined, 'insufficient_scope').withHeaders({ 'WWW-Authenticate': challenge });
  }
  const code = (err as { code?: string }).code;
  const reason = err.message && err.message !== 'Unauthorized' && err.message !== 'Invalid Token' ? `: ${err.message}` : '';
  const message =
    code === 'invalid_token'
      ? `Invalid or expired access token${reason}`
      : code === 'invalid_request'
        ? "Malformed credentials: send 'Authorization: Bearer <access token>'"
        : "Authentication required: send 'Authorization: Bearer <access token>'";
  // A malformed header (the library says 400 invalid_request) is still a failure to authenticate.
  return new AppError('unauthenticated', message, undefined, 'unauthenticated').withHeaders({ 'WWW-Authenticate': challenge });
}
