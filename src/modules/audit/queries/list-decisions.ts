import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeAuditCursor, pageOf } from '../audit-cursor.js';
import type { AuthzDecision, DecisionsQuery } from '../schemas.js';
import { optionalFilters, pageSize, requireClubAudit } from './club-window.js';

interface DecisionRow {
  id: string;
  at: Date;
  user_id: string;
  relation: string;
  object: string;
  allowed: boolean;
  source: 'check' | 'list';
  route: string | null;
  request_id: string | null;
}

/** Who asked for which child's record, when, and whether the model allowed it: oldest first. */
export async function listDecisions(deps: ModuleDeps, caller: Caller, query: DecisionsQuery, format: 'json' | 'csv'): Promise<{ items: AuthzDecision[]; nextCursor: string | null }> {
  await requireClubAudit(deps, caller, query);
  const afterId = decodeAuditCursor(query.cursor, /^\d{1,18}$/);
  const limit = pageSize(query.limit, format);
  const filters = optionalFilters([['at >= ?', query.since], ['at < ?', query.until], ['id > ?', afterId], ['user_id = ?', query.userId], ['object = ?', query.object], ['allowed = ?', query.allowed]]);
  const rows = await deps.uow.reader().getConnection().execute<DecisionRow[]>(
    `select id::text as id, at, user_id, relation, object, allowed, source, route, request_id
     from authz_decisions where club_id = ?${filters.sql} order by authz_decisions.id limit ?`,
    [query.clubId, ...filters.values, limit + 1],
  );
  const page = pageOf(rows, limit, (r) => r.id);
  return { items: page.items.map(presentDecision), nextCursor: page.nextCursor };
}

const presentDecision = (r: DecisionRow): AuthzDecision => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  userId: r.user_id,
  relation: r.relation,
  object: r.object,
  allowed: r.allowed,
  source: r.source,
  route: r.route,
  requestId: r.request_id,
});

export const decisionsCsv = {
  filename: 'audit-decisions',
  columns: ['id', 'at', 'userId', 'relation', 'object', 'allowed', 'source', 'route', 'requestId'],
  rows: (r: { items: AuthzDecision[] }) => r.items,
};
