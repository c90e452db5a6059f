import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { requireUserExists } from '../../users/queries/require-user.js';
import { Club, ClubAuditor } from '../entities.js';
import { alreadyClubAuditor, clubNotFound } from '../errors.js';
import { clubAuditorTuple, clubObject } from '../tuples.js';

/** Grants the `auditor` relation on a club (club admins only, as the model says). */
export async function addClubAuditor(deps: ModuleDeps, caller: Caller, clubId: string, userId: string): Promise<ClubAuditor> {
  await deps.authz.authorize(caller.userId, 'can_manage_auditors', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  return deps.uow.run({ command: 'add-club-auditor', actorId: caller.userId }, async (em, tuples) => {
    if (!(await em.count(Club, { id: clubId }))) throw clubNotFound(clubId)();
    await requireUserExists(em, userId);
    if (await em.count(ClubAuditor, { clubId, userId })) throw alreadyClubAuditor(userId);
    const auditor = em.create(ClubAuditor, { clubId, userId, addedBy: caller.userId });
    tuples.write(clubAuditorTuple(clubId, userId));
    return auditor;
  });
}
