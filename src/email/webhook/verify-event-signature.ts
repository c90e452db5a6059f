import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * SendGrid's signed Event Webhook: an ECDSA (P-256) signature, base64 DER, over SHA-256 of the
 * timestamp header followed directly by the raw request body. The key is the base64 SPKI DER shown in
 * SendGrid's settings (a PEM block is accepted too).
 */
export function parseWebhookPublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  return trimmed.startsWith('-----BEGIN') ? createPublicKey(trimmed) : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
}

export function verifyEventSignature(publicKey: KeyObject, rawBody: Buffer, signatureBase64: string, timestamp: string): boolean {
  try {
    return verify('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false; // not a DER signature at all
  }
}
