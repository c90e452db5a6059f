import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { invalidWindow } from '../errors.js';

/** A CSV export is one download of everything that matches, up to this many rows (then X-Next-Cursor). */
export const CSV_EXPORT_MAX_ROWS = 50_000;

/** Audit logs of a club are for its auditors (`can_audit`); anyone else gets the same 404 as for no club. */
export async function requireClubAudit(deps: ModuleDeps, caller: Caller, query: { clubId: string; since?: string; until?: string }): Promise<void> {
  if (query.since && query.until && query.since >= query.until) throw invalidWindow();
  await deps.authz.requireVisible(caller.userId, 'can_audit', clubObject(query.clubId), clubNotFound(query.clubId));
}

export const pageSize = (limit: number, format: 'json' | 'csv') => (format === 'csv' ? CSV_EXPORT_MAX_ROWS : limit);

/**
 * `and <column> >= ?` / `< ?` / `= ?` for the filters whose value is present, with their parameters in
 * order: the value itself, or `params` when the condition has several placeholders.
 */
export function optionalFilters(filters: Array<[sql: string, value: unknown, params?: unknown[]]>): { sql: string; values: unknown[] } {
  const present = filters.filter(([, value]) => value !== undefined);
  return { sql: present.map(([sql]) => ` and ${sql}`).join(''), values: present.flatMap(([, value, params]) => params ?? [value]) };
}
