import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeAuditCursor, pageOf } from '../audit-cursor.js';
import { noAuditAccess } from '../errors.js';
import type { UserAccessQuery, UserAccessResponse } from '../schemas.js';

/**
 * Every object of `type` the user can reach with `relation` (one ListObjects), narrowed to what the
 * caller may audit (one batch check): an auditor of one club learns nothing about another.
 */
export async function userAccess(deps: ModuleDeps, caller: Caller, userId: string, query: UserAccessQuery, format: 'json' | 'csv'): Promise<UserAccessResponse> {
  const auditedClubs = await deps.authz.listObjectIds(caller.userId, 'can_audit', 'club');
  if (!auditedClubs.length) throw noAuditAccess();
  const after = decodeAuditCursor(query.cursor, /^.{1,64}$/s);
  const reachable = (await deps.authz.listObjectIds(userId, query.relation, query.type)).map((id) => `${query.type}:${id}`);
  const auditable = await deps.authz.allowedAmong(caller.userId, 'can_audit', reachable);
  const ids = [...auditable].map((o) => o.slice(query.type.length + 1)).filter((id) => after === undefined || id > after).sort();
  const limit = format === 'csv' ? ids.length : query.limit;
  const page = pageOf(ids, limit, (id) => id);
  return { userId, type: query.type, relation: query.relation, items: page.items.map((id) => ({ object: `${query.type}:${id}`, id })), nextCursor: page.nextCursor };
}

export const userAccessCsv = {
  filename: 'user-access',
  columns: ['userId', 'relation', 'object'],
  rows: (r: UserAccessResponse) => r.items.map((item) => ({ userId: r.userId, relation: r.relation, object: item.object })),
};
