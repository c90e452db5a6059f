import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import { DEV_SIGNING_ALG } from './dev-issuer-settings.js';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as served in the JWKS (with kid, alg and use). */
  publicJwk: JWK;
}

interface StoredKey {
  kid: string;
  alg: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
}

export const KEY_FILE_NAME = 'dev-issuer.json';

async function readStored(file: string): Promise<StoredKey | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The dev issuer key file ${file} is unreadable; delete it to create a new key (old dev tokens stop working)`, { cause: error });
  }
}

async function createStored(): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair(DEV_SIGNING_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, alg: DEV_SIGNING_ALG, privateJwk: await exportJWK(privateKey), publicJwk, createdAt: new Date().toISOString() };
}

/**
 * The dev issuer's RS256 key pair, created on first use and then reused, so the API and the token CLI
 * (separate processes) sign and verify with the same key. Publication is atomic and exclusive
 * (write a temp file, hard-link it into place): two processes starting at once end up with one key.
 */
export async function loadOrCreateSigningKey(stateDir: string): Promise<SigningKey> {
  const file = join(stateDir, KEY_FILE_NAME);
  let stored = await readStored(file);
  if (!stored) {
    await mkdir(stateDir, { recursive: true, mode: 0o700 });
    const fresh = await createStored();
    const temp = join(stateDir, `.${KEY_FILE_NAME}.${randomUUID()}`);
    await writeFile(temp, JSON.stringify(fresh, null, 2), { mode: 0o600 });
    try {
      await link(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(temp, { force: true });
    }
    stored = (await readStored(file))!;
  }
  const privateKey = (await importJWK(stored.privateJwk, stored.alg)) as CryptoKey;
  return { kid: stored.kid, privateKey, publicJwk: { ...stored.publicJwk, kid: stored.kid, alg: stored.alg, use: 'sig' } };
}
