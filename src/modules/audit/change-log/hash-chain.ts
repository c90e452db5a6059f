import { createHash } from 'node:crypto';

/** The hash an empty chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed of an audit entry: every column but the row id and the hash itself. */
export interface ChainedFields {
  chain: string;
  seq: number;
  clubId: string | null;
  at: Date;
  operation: 'added' | 'removed';
  object: string;
  relation: string;
  subject: string;
  actorId: string | null;
  command: string;
  reason: string | null;
  prevHash: string;
}

/** sha256 over the entry's fields in a fixed order, so any changed byte (or a moved entry) changes it. */
export function entryHash(e: ChainedFields): string {
  const canonical = JSON.stringify([e.chain, e.seq, e.clubId, e.at.toISOString(), e.operation, e.object, e.relation, e.subject, e.actorId, e.command, e.reason, e.prevHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The chain an entry belongs to: one per club, so clubs never wait on each other's writes. */
export const chainOf = (clubId: string | null): string => (clubId ? `club:${clubId}` : 'platform');
