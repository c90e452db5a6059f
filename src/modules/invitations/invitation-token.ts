import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the only copy goes into the email; the database keeps the hash. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export const hashInvitationToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Addresses compare case-insensitively (as providers treat them); stored and matched in this form. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
