import type { Em } from '../../../db/orm.js';
import { entryHash, GENESIS_HASH } from './hash-chain.js';

export interface ChainBreak {
  chain: string;
  seq: number;
  problem: string;
}

export interface VerifyReport {
  entries: number;
  chains: number;
  breaks: ChainBreak[];
}

interface StoredEntry {
  id: string;
  chain: string;
  seq: string;
  club_id: string | null;
  at: Date;
  operation: 'added' | 'removed';
  object: string;
  relation: string;
  subject: string;
  actor_id: string | null;
  command: string;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

const PAGE = 5000;

/**
 * Walks every chain in order and recomputes each entry's hash: a changed byte, a removed or reordered
 * entry shows as a break. (Removing the newest entries of a chain leaves no trace: see the README.)
 */
export async function verifyAuditChains(em: Em): Promise<VerifyReport> {
  const report: VerifyReport = { entries: 0, chains: 0, breaks: [] };
  let position: { chain: string; seq: number } = { chain: '', seq: 0 };
  let previous: { chain: string; seq: number; hash: string } | undefined;
  for (;;) {
    const rows = await em.execute<StoredEntry[]>(
      `select id::text, chain, seq::text, club_id, at, operation, object, relation, subject, actor_id, command, reason, prev_hash, hash
       from audit_changes where (chain, seq) > (?, ?) order by audit_changes.chain, audit_changes.seq limit ?`,
      [position.chain, position.seq, PAGE],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (previous?.chain !== row.chain) {
        report.chains += 1;
        previous = { chain: row.chain, seq: 0, hash: GENESIS_HASH };
      }
      const fail = (problem: string) => report.breaks.push({ chain: row.chain, seq, problem });
      if (seq !== previous.seq + 1) fail(`entry ${previous.seq + 1} is missing (next is ${seq})`);
      if (row.prev_hash !== previous.hash) fail('does not link to the entry before it (prev_hash differs)');
      const recomputed = entryHash({
        chain: row.chain, seq, clubId: row.club_id, at: new Date(row.at), operation: row.operation, object: row.object, relation: row.relation,
        subject: row.subject, actorId: row.actor_id, command: row.command, reason: row.reason, prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) fail('its content does not match its hash (the entry was changed)');
      previous = { chain: row.chain, seq, hash: row.hash };
      report.entries += 1;
    }
    if (rows.length < PAGE) return report;
    const last = rows[rows.length - 1];
    position = { chain: last.chain, seq: Number(last.seq) };
  }
}
