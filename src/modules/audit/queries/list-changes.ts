import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeAuditCursor, pageOf } from '../audit-cursor.js';
import { chainOf } from '../change-log/hash-chain.js';
import type { AuditChange, ChangesQuery } from '../schemas.js';
import { optionalFilters, pageSize, requireClubAudit } from './club-window.js';

interface ChangeRow {
  seq: string;
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

/** The club's relationship history, oldest first, from its hash-chained log. */
export async function listChanges(deps: ModuleDeps, caller: Caller, query: ChangesQuery, format: 'json' | 'csv'): Promise<{ items: AuditChange[]; nextCursor: string | null }> {
  await requireClubAudit(deps, caller, query);
  const afterSeq = decodeAuditCursor(query.cursor, /^\d{1,18}$/);
  const limit = pageSize(query.limit, format);
  const filters = optionalFilters([['at >= ?', query.since], ['at < ?', query.until], ['seq > ?', afterSeq], ['object = ?', query.object], ['actor_id = ?', query.actorId]]);
  const rows = await deps.uow.reader().getConnection().execute<ChangeRow[]>(
    `select seq::text as seq, at, operation, object, relation, subject, actor_id, command, reason, prev_hash, hash
     from audit_changes where chain = ?${filters.sql} order by audit_changes.seq limit ?`,
    [chainOf(query.clubId), ...filters.values, limit + 1],
  );
  const page = pageOf(rows, limit, (r) => r.seq);
  return { items: page.items.map(presentChange), nextCursor: page.nextCursor };
}

const presentChange = (r: ChangeRow): AuditChange => ({
  seq: Number(r.seq),
  at: new Date(r.at).toISOString(),
  operation: r.operation,
  tuple: { user: r.subject, relation: r.relation, object: r.object },
  actorId: r.actor_id,
  command: r.command,
  reason: r.reason,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const changesCsv = {
  filename: 'audit-changes',
  columns: ['seq', 'at', 'operation', 'user', 'relation', 'object', 'actorId', 'command', 'reason', 'prevHash', 'hash'],
  rows: (r: { items: AuditChange[] }) => r.items.map(({ tuple, ...c }) => ({ ...c, ...tuple })),
};
