import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { ClubAuditor } from '../entities.js';
import { clubAuditorNotFound, clubNotFound } from '../errors.js';
import { clubAuditorTuple, clubObject } from '../tuples.js';

/** Removes the `auditor` relation; the auditor's access ends before this returns. */
export async function removeClubAuditor(deps: ModuleDeps, caller: Caller, clubId: string, userId: string): Promise<void> {
  await deps.authz.authorize(caller.userId, 'can_manage_auditors', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  await deps.uow.run({ command: 'remove-club-auditor', actorId: caller.userId }, async (em, tuples) => {
    const auditor = await em.findOne(ClubAuditor, { clubId, userId });
    if (!auditor) throw clubAuditorNotFound(userId);
    em.remove(auditor);
    tuples.delete(clubAuditorTuple(clubId, userId));
  });
}
