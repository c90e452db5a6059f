import { expect } from 'chai';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startDevIssuer } from '../../src/stand-ins/auth0/dev-issuer.js';
import { DEV_ISSUER } from '../../src/stand-ins/auth0/dev-issuer-settings.js';
import { parseDurationSeconds } from '../../src/stand-ins/auth0/sign-token.js';
import { KEY_FILE_NAME, loadOrCreateSigningKey } from '../../src/stand-ins/auth0/signing-key.js';

const run = promisify(execFile);

describe('dev issuer (Auth0 stand-in)', () => {
  let stateDir: string;

  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'touchline-issuer-'));
  });
  afterEach(() => rm(stateDir, { recursive: true, force: true }));

  it('serves OpenID discovery and a JWKS with only the public key, on a loopback port', async () => {
    const issuer = await startDevIssuer({ stateDir });
    try {
      expect(issuer.baseUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const discovery = await (await fetch(`${issuer.baseUrl}.well-known/openid-configuration`)).json();
      expect(discovery).to.include({ issuer: DEV_ISSUER, jwks_uri: issuer.jwksUri });
      expect(discovery.id_token_signing_alg_values_supported).to.deep.equal(['RS256']);
      const jwks = await (await fetch(issuer.jwksUri)).json();
      expect(jwks.keys).to.have.length(1);
      expect(jwks.keys[0]).to.include({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(jwks.keys[0]).to.have.property('kid');
      for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwks.keys[0]).not.to.have.property(privatePart);
      expect((await fetch(`${issuer.baseUrl}nothing`)).status).to.equal(404);
    } finally {
      await issuer.close();
    }
  });

  it('signs RS256 tokens shaped like Auth0 access tokens', async () => {
    const issuer = await startDevIssuer({ stateDir, audience: 'https://api.test' });
    try {
      const token = await issuer.sign({ sub: 'auth0|anna', email: 'anna@example.com', name: 'Anna', expiresIn: '15m' });
      const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(issuer.jwksUri)), { issuer: DEV_ISSUER, audience: 'https://api.test' });
      expect(protectedHeader.alg).to.equal('RS256');
      expect(payload).to.include({
        sub: 'auth0|anna',
        email: 'anna@example.com',
        name: 'Anna',
        'https://touchline.app/email': 'anna@example.com',
        'https://touchline.app/name': 'Anna',
      });
      expect(payload.exp! - payload.iat!).to.equal(900);
    } finally {
      await issuer.close();
    }
  });

  it('keeps its key across restarts, so earlier tokens stay valid', async () => {
    const first = await startDevIssuer({ stateDir });
    const token = await first.sign({ sub: 'auth0|anna' });
    await first.close();
    const second = await startDevIssuer({ stateDir });
    try {
      await jwtVerify(token, createRemoteJWKSet(new URL(second.jwksUri)), { issuer: DEV_ISSUER });
    } finally {
      await second.close();
    }
    const file = join(stateDir, KEY_FILE_NAME);
    expect((await stat(file)).mode & 0o777).to.equal(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).kid).to.equal(decodeProtectedHeader(token).kid);
  });

  it('ends up with one key when two processes create it at once', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateSigningKey(stateDir)));
    expect(new Set(keys.map((k) => k.kid)).size).to.equal(1);
  });

  it('reads durations like the CLI takes them', () => {
    expect(parseDurationSeconds('90')).to.equal(90);
    expect(parseDurationSeconds('15m')).to.equal(900);
    expect(parseDurationSeconds('1h')).to.equal(3600);
    expect(parseDurationSeconds('7d')).to.equal(604800);
    expect(parseDurationSeconds('-5m')).to.equal(-300);
    expect(parseDurationSeconds(-60)).to.equal(-60);
    expect(() => parseDurationSeconds('2 years')).to.throw(/Invalid duration/);
  });
});

describe('npm run token (token CLI)', function () {
  this.timeout(60_000);
  const cli = (args: string[], env: NodeJS.ProcessEnv) =>
    run(process.execPath, ['--import', 'tsx', 'src/stand-ins/auth0/token-cli.ts', ...args], { env, cwd: process.cwd() });
  const devEnv = () => {
    const env = { ...process.env };
    delete env.AUTH0_ISSUER_BASE_URL;
    delete env.AUTH0_AUDIENCE;
    return env;
  };

  it('prints one token, on one line, that the dev issuer of a running API verifies', async () => {
    const { stdout } = await cli(['--sub', 'auth0|cli-user', '--email', 'cli@example.com', '--name', 'Cli User', '--expires-in', '10m'], devEnv());
    expect(stdout).to.match(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    // The API's issuer uses the same persisted key (default state dir) and audience.
    const issuer = await startDevIssuer();
    try {
      const { payload } = await jwtVerify(stdout.trim(), createRemoteJWKSet(new URL(issuer.jwksUri)), { issuer: DEV_ISSUER, audience: 'https://api.touchline.dev' });
      expect(payload).to.include({ sub: 'auth0|cli-user', email: 'cli@example.com', name: 'Cli User' });
    } finally {
      await issuer.close();
    }
  });

  it('refuses, exit 1, when real Auth0 settings are configured', async () => {
    const failure = await cli(['--sub', 'x', '--email', 'x@example.com'], { ...devEnv(), AUTH0_ISSUER_BASE_URL: 'https://touchline.eu.auth0.com/' }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure, 'the CLI should have failed').to.not.equal(undefined);
    expect(failure!.code).to.equal(1);
    expect(failure!.stdout).to.equal('');
    expect(failure!.stderr).to.contain('AUTH0_ISSUER_BASE_URL is set');
  });

  it('says what is missing, exit 1', async () => {
    const failure = await cli(['--sub', 'x'], devEnv()).catch((error: { code: number; stderr: string }) => error);
    expect(failure).to.include({ code: 1 });
    expect((failure as { stderr: string }).stderr).to.contain('--email is required');
  });
});
