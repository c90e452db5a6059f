import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_AUDIENCE } from '../../config/schema.js';
import { defaultDevIssuerStateDir, DEV_ISSUER, DEV_SIGNING_ALG } from './dev-issuer-settings.js';
import { signAccessToken, type TokenRequest } from './sign-token.js';
import { loadOrCreateSigningKey } from './signing-key.js';

export interface DevIssuerOptions {
  /** Where the key pair is kept between runs (default: node_modules/.cache/touchline/ in the checkout). */
  stateDir?: string;
  audience?: string;
}

export interface DevIssuer {
  /** The `iss` of every token (fixed, not the loopback URL). */
  issuer: string;
  /** http://127.0.0.1:<port>/.well-known/jwks.json */
  jwksUri: string;
  /** http://127.0.0.1:<port>/ — serves /.well-known/openid-configuration, usable as issuerBaseURL. */
  baseUrl: string;
  audience: string;
  sign(request: TokenRequest): Promise<string>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Auth0's token side: serves OpenID discovery and the JWKS on a loopback port the OS
 * picks (never clashing with PORT or another checkout), and signs RS256 tokens with the persisted key.
 */
export async function startDevIssuer(options: DevIssuerOptions = {}): Promise<DevIssuer> {
  const key = await loadOrCreateSigningKey(options.stateDir ?? defaultDevIssuerStateDir());
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  let baseUrl = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const body =
      req.method !== 'GET'
        ? undefined
        : path === '/.well-known/openid-configuration'
          ? {
              issuer: DEV_ISSUER,
              jwks_uri: `${baseUrl}.well-known/jwks.json`,
              id_token_signing_alg_values_supported: [DEV_SIGNING_ALG],
              token_endpoint_auth_methods_supported: ['none'],
              response_types_supported: ['token'],
              subject_types_supported: ['public'],
            }
          : path === '/.well-known/jwks.json'
            ? { keys: [key.publicJwk] }
            : undefined;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    if (!body) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: 'not_found', error_description: `No ${req.method} ${path} here` }));
      return;
    }
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/`;
  return {
    issuer: DEV_ISSUER,
    jwksUri: `${baseUrl}.well-known/jwks.json`,
    baseUrl,
    audience,
    sign: (request) => signAccessToken(key, DEV_ISSUER, audience, request),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
