import type { ModuleDeps } from './deps.js';

/** Either every object (one check on a parent said so) or the ids list-objects returned. */
export type VisibleIds = 'all' | string[];

/**
 * The ids of `type` the user has `relation` on, asked once; or 'all' when `seesAll` (e.g. club admins'
 * `can_view_all_members` on the club) holds, so lists stay one check + one SQL query however large the club.
 */
export async function visibleIds(
  deps: ModuleDeps,
  userId: string,
  query: { relation: string; type: string; seesAll?: { relation: string; object: string } },
): Promise<VisibleIds> {
  if (query.seesAll && (await deps.authz.check(userId, query.seesAll.relation, query.seesAll.object))) return 'all';
  return deps.authz.listObjectIds(userId, query.relation, query.type);
}

/** The MikroORM filter on `id` for a keyset page of visible ids; undefined when it filters nothing. */
export function idFilter(ids: VisibleIds, after: string | undefined): Record<string, unknown> | undefined {
  const filter = { ...(ids === 'all' ? {} : { $in: ids }), ...(after ? { $gt: after } : {}) };
  return Object.keys(filter).length ? filter : undefined;
}

export const nothingVisible = (ids: VisibleIds) => ids !== 'all' && ids.length === 0;
