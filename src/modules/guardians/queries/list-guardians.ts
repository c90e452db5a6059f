import { memberNotFound } from '../../members/errors.js';
import { memberObject } from '../../members/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { Guardianship } from '../entities.js';
import type { GuardianResponse } from '../schemas.js';

/** Guardians of a youth member, for those who may see the member's profile (auditors included). */
export async function listGuardians(deps: ModuleDeps, caller: Caller, memberId: string): Promise<{ items: GuardianResponse[]; nextCursor: null }> {
  await deps.authz.requireVisible(caller.userId, 'can_view_profile', memberObject(memberId), memberNotFound(memberId));
  const rows = await deps.uow.reader().find(Guardianship, { memberId }, { orderBy: { createdAt: 'asc' } });
  return { items: rows.map(presentGuardian), nextCursor: null };
}

export const presentGuardian = (g: Guardianship): GuardianResponse => ({ memberId: g.memberId, userId: g.userId, relationship: g.relationship, createdAt: g.createdAt.toISOString() });
