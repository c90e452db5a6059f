import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { requireUserExists } from '../../users/queries/require-user.js';
import { Club, ClubAdmin } from '../entities.js';
import { alreadyClubAdmin, clubNotFound } from '../errors.js';
import { clubAdminTuple, clubObject } from '../tuples.js';

export async function addClubAdmin(deps: ModuleDeps, caller: Caller, clubId: string, userId: string): Promise<ClubAdmin> {
  await deps.authz.authorize(caller.userId, 'can_manage', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  return deps.uow.run({ command: 'add-club-admin', actorId: caller.userId }, async (em, tuples) => {
    if (!(await em.count(Club, { id: clubId }))) throw clubNotFound(clubId)();
    await requireUserExists(em, userId);
    if (await em.count(ClubAdmin, { clubId, userId })) throw alreadyClubAdmin(userId);
    const admin = em.create(ClubAdmin, { clubId, userId });
    tuples.write(clubAdminTuple(clubId, userId));
    return admin;
  });
}
