// OpenFGA's `--authn-method preshared`: every API call needs `Authorization: Bearer <key>` with one
// of the configured keys (internal/authn/presharedkey). The health check stays open.
import type { IncomingMessage } from 'node:http';
import { FgaError } from '../errors.js';

export function createPresharedKeyCheck(keys: readonly string[]): (req: IncomingMessage) => void {
  const valid = new Set(keys.filter((k) => k !== ''));
  return (req) => {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) throw new FgaError('bearer_token_missing', 'missing bearer token');
    if (!valid.has(token)) throw new FgaError('unauthenticated', 'unauthenticated');
  };
}

/** grpc-middleware AuthFromMD: scheme compared case-insensitively, token after the first space. */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  if (space === -1 || header.slice(0, space).toLowerCase() !== 'bearer') return undefined;
  const token = header.slice(space + 1).trim();
  return token === '' ? undefined : token;
}
