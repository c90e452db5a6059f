import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { ClubAuditor } from '../entities.js';
import { clubNotFound } from '../errors.js';
import type { ClubAuditorResponse } from '../schemas.js';
import { clubObject } from '../tuples.js';

/** A club's auditors, for its admins and auditors (`can_view_auditors`). */
export async function listClubAuditors(deps: ModuleDeps, caller: Caller, clubId: string): Promise<{ items: ClubAuditorResponse[]; nextCursor: null }> {
  await deps.authz.authorize(caller.userId, 'can_view_auditors', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  const rows = await deps.uow.reader().find(ClubAuditor, { clubId }, { orderBy: { createdAt: 'asc', userId: 'asc' } });
  return { items: rows.map(presentClubAuditor), nextCursor: null };
}

export const presentClubAuditor = (a: ClubAuditor): ClubAuditorResponse => ({ clubId: a.clubId, userId: a.userId, addedBy: a.addedBy ?? null, createdAt: a.createdAt.toISOString() });
