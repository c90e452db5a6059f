// `npm run -s token -- --sub SUB --email EMAIL [--name NAME] [--expires-in 1h]`: prints one dev access token
// that the running API (in dev-issuer mode) accepts. Signs with the persisted key directly, so the API
// need not be running. Refuses when real Auth0 settings are configured.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/index.js';
import { defaultDevIssuerStateDir, DEV_ISSUER } from './dev-issuer-settings.js';
import { signAccessToken } from './sign-token.js';
import { loadOrCreateSigningKey } from './signing-key.js';

const USAGE = 'Usage: npm run -s token -- --sub SUB --email EMAIL [--name NAME] [--expires-in 1h] [--email-verified]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        'expires-in': { type: 'string', default: '1h' },
        // Accepting a join invitation needs a verified email, as Auth0 reports it in `email_verified`.
        'email-verified': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.sub) fail(`--sub is required (any stable id, e.g. auth0|coach-anna)\n${USAGE}`);
  if (!values.email) fail(`--email is required\n${USAGE}`);

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  if (!config.auth.devIssuer) {
    fail('Refusing to sign: AUTH0_ISSUER_BASE_URL is set, so the API only accepts tokens from Auth0. Unset it to use dev tokens.');
  }
  const key = await loadOrCreateSigningKey(defaultDevIssuerStateDir());
  let token: string;
  try {
    token = await signAccessToken(key, DEV_ISSUER, config.auth.audience, {
      sub: values.sub,
      email: values.email,
      name: values.name,
      expiresIn: values['expires-in'],
      emailVerified: values['email-verified'] ? true : undefined,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  process.stdout.write(`${token}\n`);
}

await main();
