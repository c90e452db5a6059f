// Continuation tokens shared by every datastore: opaque to clients (base64url JSON), tagged with the
// kind of listing that issued them so a token from one endpoint cannot be replayed on another.
// Anything that does not decode to the expected shape is OpenFGA's invalid_continuation_token.
import { FgaError, fgaErrors } from '../errors.js';

export type TokenKind = 'stores' | 'models' | 'read' | 'changes';

type FieldType = 'string' | 'number';

/** OpenFGA rejects continuation tokens longer than this (proto validation), before decoding. */
export const MAX_CONTINUATION_TOKEN_BYTES = 5120;

export function encodeContinuationToken(kind: TokenKind, payload: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ k: kind, ...payload }), 'utf8').toString('base64url');
}

/**
 * Decodes a token issued by encodeContinuationToken for `kind`; `fields` names every payload field
 * and its type. Throws FgaError invalid_continuation_token for garbage, a foreign kind or a wrong shape.
 */
export function decodeContinuationToken<F extends Record<string, FieldType>>(
  token: string,
  kind: TokenKind,
  fields: F,
): { [K in keyof F]: F[K] extends 'number' ? number : string } {
  const parsed = parseTokenJson(token);
  if (parsed.k !== kind) throw fgaErrors.invalidContinuationToken();
  const out: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(fields)) {
    const value = parsed[name];
    if (typeof value !== type) throw fgaErrors.invalidContinuationToken();
    if (type === 'number' && !Number.isFinite(value as number)) throw fgaErrors.invalidContinuationToken();
    out[name] = value;
  }
  return out as { [K in keyof F]: F[K] extends 'number' ? number : string };
}

/** True when a token is present (the API treats '' and absent alike). */
export function hasContinuationToken(token: string | undefined): token is string {
  return token !== undefined && token !== '';
}

function parseTokenJson(token: string): Record<string, unknown> {
  if (token.length > MAX_CONTINUATION_TOKEN_BYTES || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw fgaErrors.invalidContinuationToken();
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (err) {
    if (err instanceof FgaError) throw err;
  }
  throw fgaErrors.invalidContinuationToken();
}
