import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeAuditCursor, pageOf } from '../audit-cursor.js';
import type { AuthzDecision, DecisionsQuery } from '../schemas.js';
import { optionalFilters, pageSize, requireClubAudit } from './club-window.js';

interface DecisionRow {
  id: string;
  /** The object's place in a list's entry (1 for a check's). */
  n: string;
  /** A list's entry naming several objects: each is shown with its own id, `<row>.<n>`. */
  several: boolean;
  at: Date;
  user_id: string;
  relation: string;
  object: string;
  allowed: boolean;
  source: 'check' | 'list';
  route: string | null;
  request_id: string | null;
}

/**
 * Who asked for which child's record, when, and whether the model allowed it: oldest first, one item
 * per record (a list's entry names every record it showed, through its page's contents; see
 * migrations/20261206-decision-page-contents.ts).
 */
export async function listDecisions(deps: ModuleDeps, caller: Caller, query: DecisionsQuery, format: 'json' | 'csv'): Promise<{ items: AuthzDecision[]; nextCursor: string | null }> {
  await requireClubAudit(deps, caller, query);
  const after = decodeAuditCursor(query.cursor, /^\d{1,18}(\.\d{1,6})?$/)?.split('.');
  const limit = pageSize(query.limit, format);
  const filters = optionalFilters([
    ['d.at >= ?', query.since],
    ['d.at < ?', query.until],
    ['(d.id, o.n) > (?::bigint, ?::bigint)', after, [after?.[0], after?.[1] ?? '1']],
    ['d.user_id = ?', query.userId],
    // The row test finds the entries through their indexes (a list's by the contents naming the record);
    // the element test keeps only that record of a list.
    ['(d.object = ? or d.page_digest = any(array(select digest from authz_page_contents where objects @> array[?::text]))) and o.object = ?',
      query.object, [query.object, query.object, query.object]],
    ['d.allowed = ?', query.allowed],
  ]);
  const rows = await deps.uow.reader().getConnection().execute<DecisionRow[]>(
    `select d.id::text as id, o.n::text as n, d.page_digest is not null as several, d.at, d.user_id, d.relation, o.object, d.allowed, d.source, d.route, d.request_id
     from authz_decisions d left join authz_page_contents p on p.digest = d.page_digest
     cross join lateral unnest(coalesce(p.objects, array[d.object])) with ordinality as o(object, n)
     where d.club_id = ?${filters.sql} order by d.id, o.n limit ?`,
    [query.clubId, ...filters.values, limit + 1],
  );
  const page = pageOf(rows, limit, itemId);
  return { items: page.items.map(presentDecision), nextCursor: page.nextCursor };
}

const itemId = (r: DecisionRow) => (r.several ? `${r.id}.${r.n}` : r.id);

const presentDecision = (r: DecisionRow): AuthzDecision => ({
  id: itemId(r),
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
