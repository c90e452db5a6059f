import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The stand-in signs its Event Webhook posts like SendGrid: ECDSA P-256 over SHA-256 of
// timestamp + raw body, DER signature in base64; the public key is base64 SPKI DER, the form SendGrid's
// settings page shows. Kept on disk (like the dev issuer's key) so an api and a workers process of one
// checkout agree on it.

export interface WebhookSigningKey {
  privateKey: KeyObject;
  /** Base64 SPKI DER: what SENDGRID_WEBHOOK_PUBLIC_KEY holds for the real SendGrid. */
  publicKeyBase64: string;
}

const FILE_NAME = 'sendgrid-stand-in-webhook-key.json';

function fromPem(privatePem: string): WebhookSigningKey {
  const privateKey = createPrivateKey(privatePem);
  return { privateKey, publicKeyBase64: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64') };
}

function freshPem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** The persisted key in `stateDir`, created on first use (atomically: two processes end up with one); a fresh one without a dir. */
export async function loadOrCreateWebhookKey(stateDir?: string): Promise<WebhookSigningKey> {
  if (!stateDir) return fromPem(freshPem());
  const file = join(stateDir, FILE_NAME);
  const read = async () => {
    try {
      return (JSON.parse(await readFile(file, 'utf8')) as { privatePem: string }).privatePem;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`The SendGrid stand-in key file ${file} is unreadable; delete it to create a new one`, { cause: error });
    }
  };
  let pem = await read();
  if (!pem) {
    await mkdir(stateDir, { recursive: true, mode: 0o700 });
    const temp = join(stateDir, `.${FILE_NAME}.${randomUUID()}`);
    await writeFile(temp, JSON.stringify({ privatePem: freshPem(), createdAt: new Date().toISOString() }), { mode: 0o600 });
    try {
      await link(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(temp, { force: true });
    }
    pem = (await read())!;
  }
  return fromPem(pem);
}

/** The two headers SendGrid sends with a signed Event Webhook post. */
export function signEventPayload(key: WebhookSigningKey, payload: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const signature = sign('sha256', Buffer.from(timestamp + payload, 'utf8'), key.privateKey).toString('base64');
  return { 'X-Twilio-Email-Event-Webhook-Signature': signature, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp };
}
